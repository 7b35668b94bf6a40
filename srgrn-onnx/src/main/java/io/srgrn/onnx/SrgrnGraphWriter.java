package io.srgrn.onnx;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GraphReasoning;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.onnx.OnnxGraph.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates the layer specs of srgrn-api into ONNX operators, one method per spec, following SPEC
 * section 3 line by line. Shapes that depend on the image (H, W, HW) are read from the tensors at
 * run time (Shape, Reshape with 0/-1), so the graph accepts any batch, height and width.
 */
final class SrgrnGraphWriter {
    private final OnnxGraph graph = new OnnxGraph();
    private final Map<String, Tensor> parameters;

    SrgrnGraphWriter(Map<String, Tensor> parameters) {
        this.parameters = parameters;
    }

    OnnxGraph graph() {
        return graph;
    }

    /** SPEC 3: F_L = RDN(x); each GRUM in turn; I_SR = GRRB(F). */
    String srgrn(SrgrnSpec spec, String x) {
        String features = rdn(spec.rdn(), x);
        for (Child<GrumSpec> grum : spec.upsample()) {
            features = grum(grum.spec(), grum.name() + ".", features);
        }
        return grrb(spec.grrb().spec(), spec.grrb().name() + ".", features);
    }

    private String rdn(RdnSpec spec, String x) {
        String f1 = conv2d(spec.sfe1(), "", x);
        String h = conv2d(spec.sfe2(), "", f1);
        List<String> outs = new ArrayList<>();
        for (Child<RdbSpec> rdb : spec.rdbs()) {
            h = rdb(rdb.spec(), rdb.name() + ".", h);
            outs.add(h);
        }
        String global = conv2d(spec.gff1(), "", conv2d(spec.gff0(), "", concat(outs)));
        return graph.node("Add", "rdn", List.of(global, f1));
    }

    private String rdb(RdbSpec spec, String prefix, String x) {
        List<String> feats = new ArrayList<>(List.of(x));
        for (Child<Conv2dSpec> conv : spec.convs()) {
            feats.add(
                    graph.node(
                            "Relu",
                            prefix + conv.name(),
                            List.of(conv2d(conv, prefix, concat(feats)))));
        }
        return graph.node(
                "Add", prefix + "out", List.of(conv2d(spec.lff(), prefix, concat(feats)), x));
    }

    /** SPEC 3.4. */
    private String grum(GrumSpec spec, String prefix, String x) {
        String subpixel = conv2d(spec.subpixel(), prefix, x);
        String upsampled = pixelShuffle(subpixel, spec.r(), prefix + "subpixel");
        String blended = upsampled;
        if (spec.reasoning()) {
            Graph g = graphReasoning(spec.graph(), prefix, x);
            String expand0 = conv1d(spec.expand0(), prefix, transpose(g.nodes()));
            String expand2 = conv1d(spec.expand2(), prefix, leakyRelu(expand0, spec.slope()));
            String distributed =
                    graph.node(
                            "MatMul", prefix + "distributed", List.of(expand2, g.distribution()));
            // (B, r*r*C, HW) back to the image shape of subpixel's output, then shuffled like it.
            String image =
                    graph.node(
                            "Reshape",
                            prefix + "yrc",
                            List.of(
                                    distributed,
                                    graph.node("Shape", prefix + "shape", List.of(subpixel))));
            String reasoned = pixelShuffle(image, spec.r(), prefix + "reasoned");
            String gamma = weight(prefix + GrumSpec.GAMMA);
            String oneMinusGamma =
                    graph.node("Sub", prefix + "1-gamma", List.of(graph.scalar("one", 1f), gamma));
            blended =
                    graph.node(
                            "Add",
                            prefix + "ys",
                            List.of(
                                    graph.node(
                                            "Mul", prefix + "gamma*yrc", List.of(gamma, reasoned)),
                                    graph.node(
                                            "Mul",
                                            prefix + "(1-gamma)*up",
                                            List.of(oneMinusGamma, upsampled))));
        }
        return conv2d(spec.fuse(), prefix, blended);
    }

    /** SPEC 3.5. */
    private String grrb(GrrbSpec spec, String prefix, String x) {
        String input = x;
        if (spec.reasoning()) {
            Graph g = graphReasoning(spec.graph(), prefix, x);
            String distributed =
                    graph.node(
                            "MatMul",
                            prefix + "distributed",
                            List.of(transpose(g.nodes()), g.distribution()));
            String image =
                    graph.node(
                            "Reshape",
                            prefix + "yrc",
                            List.of(
                                    distributed,
                                    graph.node("Shape", prefix + "shape", List.of(x))));
            String gamma = weight(prefix + GrrbSpec.GAMMA);
            input =
                    graph.node(
                            "Add",
                            prefix + "in",
                            List.of(
                                    graph.node("Mul", prefix + "gamma*yrc", List.of(gamma, image)),
                                    x));
        }
        return conv2d(spec.tail1(), prefix, conv2d(spec.tail0(), prefix, input));
    }

    /** Node states Yn (B, N, C) and distribution weights Wp (B, N, HW). */
    private record Graph(String nodes, String distribution) {}

    /** SPEC 3.1 to 3.3. */
    private Graph graphReasoning(GraphReasoning spec, String prefix, String x) {
        long n = spec.nodes();
        String proj =
                graph.node(
                        "Reshape",
                        prefix + "P",
                        List.of(conv2d(spec.proj(), prefix, x), graph.int64s("shape", 0, n, -1)));
        String features =
                graph.node(
                        "Reshape",
                        prefix + "X",
                        List.of(x, graph.int64s("shape", 0, spec.channels(), -1)));
        String pooled = graph.node("MatMul", prefix + "Yw", List.of(proj, transpose(features)));
        if (spec.aggregation() == NodeAggregation.MEAN) {
            String hw =
                    graph.node(
                            "ReduceProd",
                            prefix + "HW",
                            List.of(
                                    graph.node(
                                            "Shape",
                                            prefix + "HxW",
                                            List.of(x),
                                            Attribute.of("start", 2))),
                            Attribute.of("keepdims", 0));
            pooled =
                    graph.node(
                            "Div",
                            prefix + "Yw/HW",
                            List.of(
                                    pooled,
                                    graph.node(
                                            "Cast",
                                            prefix + "HWf",
                                            List.of(hw),
                                            Attribute.of("to", 1))));
        }
        String clc =
                conv1d(
                        spec.clc2(),
                        prefix,
                        leakyRelu(conv1d(spec.clc0(), prefix, pooled), spec.slope()));
        String logits =
                graph.node(
                        "Reshape",
                        prefix + "Wp-logits",
                        List.of(
                                conv2d(spec.distribute(), prefix, x),
                                graph.int64s("shape", 0, n, -1)));
        return new Graph(
                clc,
                graph.node("Softmax", prefix + "Wp", List.of(logits), Attribute.of("axis", 1)));
    }

    private String conv2d(Child<Conv2dSpec> conv, String prefix, String x) {
        int k = conv.spec().kernel();
        int p = conv.spec().padding();
        String name = prefix + conv.name();
        return graph.node(
                "Conv",
                name,
                List.of(
                        x,
                        weight(name + "." + Conv2dSpec.WEIGHT),
                        weight(name + "." + Conv2dSpec.BIAS)),
                Attribute.ints("kernel_shape", k, k),
                Attribute.ints("pads", p, p, p, p));
    }

    /** Conv1d with kernel 1 on (B, in, L): ONNX Conv in one spatial dimension. */
    private String conv1d(Child<Conv1dSpec> conv, String prefix, String x) {
        String name = prefix + conv.name();
        return graph.node(
                "Conv",
                name,
                List.of(
                        x,
                        weight(name + "." + Conv2dSpec.WEIGHT),
                        weight(name + "." + Conv2dSpec.BIAS)),
                Attribute.ints("kernel_shape", 1));
    }

    private String weight(String name) {
        return graph.weight(name, parameters.get(name));
    }

    private String concat(List<String> inputs) {
        return inputs.size() == 1
                ? inputs.get(0)
                : graph.node("Concat", "concat", inputs, Attribute.of("axis", 1));
    }

    private String transpose(String x) {
        return graph.node("Transpose", "transpose", List.of(x), Attribute.ints("perm", 0, 2, 1));
    }

    private String leakyRelu(String x, double slope) {
        return graph.node("LeakyRelu", "leaky", List.of(x), Attribute.of("alpha", (float) slope));
    }

    /**
     * PyTorch's pixel_shuffle (SPEC: out[c, h*r+i, w*r+j] = in[c*r*r + i*r + j, h, w]) is
     * DepthToSpace in CRD mode.
     */
    private String pixelShuffle(String x, int r, String hint) {
        return graph.node(
                "DepthToSpace",
                hint + ".shuffle",
                List.of(x),
                Attribute.of("blocksize", r),
                Attribute.of("mode", "CRD"));
    }
}
