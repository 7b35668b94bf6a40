package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GraphReasoning;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.LayerVisitor;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spec.SrgrnSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans every layer spec for one input shape (batch included) without touching a device: output
 * shapes, the activations the CUDA layers keep for backward, scratch buffers, convolutions and
 * GEMMs. It follows the layers of this package (each layer keeps the buffers named here), so the
 * memory of a training step can be known, logged and tested on a machine without a GPU. The total
 * is an upper bound: a buffer two layers share (an RDB's feature buffer is also its {@code lff}'s
 * input) counts for each.
 */
final class ShapePlanner implements LayerVisitor<LayerPlan> {
    private final int[] input;
    private final boolean tf32;

    private ShapePlanner(int[] input, boolean tf32) {
        this.input = input.clone();
        this.tf32 = tf32;
    }

    /**
     * The plan of {@code spec} on an input of {@code inputShape}; a bad shape fails as the spec
     * says.
     */
    static LayerPlan plan(LayerSpec spec, int[] inputShape, boolean tf32) {
        spec.outputShape(inputShape);
        return spec.accept(new ShapePlanner(inputShape, tf32));
    }

    private LayerPlan child(Child<?> child, int[] shape) {
        LayerPlan p = plan(child.spec(), shape, tf32);
        return new LayerPlan(
                child.name(),
                p.input(),
                p.output(),
                p.saved(),
                p.scratch(),
                p.convs(),
                p.gemms(),
                p.children());
    }

    @Override
    public LayerPlan conv2d(Conv2dSpec spec) {
        ConvDescriptor d = ConvDescriptor.of(spec, input, tf32);
        return new LayerPlan(
                spec.describe(),
                input,
                d.outputShape(),
                List.of(new BufferPlan("x", input)),
                List.of(),
                List.of(d),
                List.of(),
                List.of());
    }

    @Override
    public LayerPlan conv1d(Conv1dSpec spec) {
        int b = input[0], l = input[2];
        List<GemmStridedBatched> gemms =
                List.of(
                        GraphGemms.conv1d(b, spec.inChannels(), spec.outChannels(), l),
                        GraphGemms.conv1dGradInput(b, spec.inChannels(), spec.outChannels(), l),
                        GraphGemms.conv1dGradWeight(spec.inChannels(), spec.outChannels(), l));
        return new LayerPlan(
                spec.describe(),
                input,
                spec.outputShape(input),
                List.of(new BufferPlan("x", input)),
                List.of(),
                List.of(),
                gemms,
                List.of());
    }

    @Override
    public LayerPlan rdb(RdbSpec spec) {
        int b = input[0], h = input[2], w = input[3];
        int total = spec.g0() + spec.c() * spec.g();
        List<LayerPlan> children = new ArrayList<>();
        for (int i = 0; i < spec.c(); i++) {
            children.add(child(spec.conv(i), new int[] {b, spec.g0() + i * spec.g(), h, w}));
        }
        children.add(child(spec.lff(), new int[] {b, total, h, w}));
        return new LayerPlan(
                spec.describe(),
                input,
                input,
                List.of(new BufferPlan("feats", new int[] {b, total, h, w})),
                List.of(),
                List.of(),
                List.of(),
                children);
    }

    @Override
    public LayerPlan rdn(RdnSpec spec) {
        int b = input[0], h = input[2], w = input[3];
        int[] feat = {b, spec.g0(), h, w};
        List<LayerPlan> children = new ArrayList<>();
        children.add(child(spec.sfe1(), input));
        children.add(child(spec.sfe2(), feat));
        for (int i = 0; i < spec.d(); i++) {
            children.add(child(spec.rdb(i), feat));
        }
        children.add(child(spec.gff0(), new int[] {b, spec.d() * spec.g0(), h, w}));
        children.add(child(spec.gff1(), feat));
        return new LayerPlan(
                spec.describe(),
                input,
                feat,
                List.of(
                        new BufferPlan("f1", feat),
                        new BufferPlan("outs", new int[] {b, spec.d() * spec.g0(), h, w})),
                List.of(),
                List.of(),
                List.of(),
                children);
    }

    /** The graph part on X (B, C, H, W): its saved buffers, GEMMs and child plans. */
    private void graph(
            GraphReasoning g,
            List<BufferPlan> saved,
            List<GemmStridedBatched> gemms,
            List<LayerPlan> children) {
        int b = input[0], c = input[1], hw = input[2] * input[3];
        int n = g.nodes();
        float s = GraphGemms.aggregationScale(g.aggregation(), hw);
        children.add(child(g.proj(), input));
        children.add(child(g.distribute(), input));
        children.add(child(g.clc0(), new int[] {b, n, c}));
        children.add(child(g.clc2(), new int[] {b, n, c}));
        saved.add(new BufferPlan("P", new int[] {b, n, hw}));
        saved.add(new BufferPlan("Yw", new int[] {b, n, c}));
        saved.add(new BufferPlan("clc0", new int[] {b, n, c}));
        saved.add(new BufferPlan("clc1", new int[] {b, n, c}));
        saved.add(new BufferPlan("Yn", new int[] {b, n, c}));
        saved.add(new BufferPlan("Wp", new int[] {b, n, hw}));
        gemms.add(GraphGemms.aggregate(b, n, c, hw, s));
        gemms.add(GraphGemms.aggregateGradP(b, n, c, hw, s));
        gemms.add(GraphGemms.aggregateGradX(b, n, c, hw, s));
    }

    @Override
    public LayerPlan grum(GrumSpec spec) {
        int b = input[0], c = input[1], h = input[2], w = input[3], r = spec.r();
        int[] up = {b, c, h * r, w * r};
        int expanded = r * r * c;
        List<BufferPlan> saved = new ArrayList<>();
        List<BufferPlan> scratch = new ArrayList<>();
        List<GemmStridedBatched> gemms = new ArrayList<>();
        List<LayerPlan> children = new ArrayList<>();
        children.add(child(spec.subpixel(), input));
        saved.add(new BufferPlan("subpixel", new int[] {b, expanded, h, w}));
        saved.add(new BufferPlan("upsampled", up));
        if (spec.reasoning()) {
            int n = spec.nodes();
            graph(spec.graph(), saved, gemms, children);
            children.add(child(spec.expand0(), new int[] {b, c, n}));
            children.add(child(spec.expand2(), new int[] {b, c / spec.alpha(), n}));
            saved.add(new BufferPlan("YnT", new int[] {b, c, n}));
            saved.add(new BufferPlan("expand0", new int[] {b, c / spec.alpha(), n}));
            saved.add(new BufferPlan("expand1", new int[] {b, c / spec.alpha(), n}));
            saved.add(new BufferPlan("Ync", new int[] {b, expanded, n}));
            saved.add(new BufferPlan("Yrc", new int[] {b, expanded, h * w}));
            saved.add(new BufferPlan("reasoned", up));
            saved.add(new BufferPlan("blended", up));
            scratch.add(
                    new BufferPlan(
                            "gammaPartials", new int[] {Reductions.blocks(Tensors.count(up))}));
            gemms.add(GraphGemms.distribute(b, expanded, n, h * w));
            gemms.add(GraphGemms.distributeGradLeft(b, expanded, n, h * w));
            gemms.add(GraphGemms.distributeGradWeights(b, expanded, n, h * w));
        }
        children.add(child(spec.fuse(), up));
        return new LayerPlan(
                spec.describe(), input, up, saved, scratch, List.of(), gemms, children);
    }

    @Override
    public LayerPlan grrb(GrrbSpec spec) {
        int b = input[0], c = input[1], h = input[2], w = input[3];
        List<BufferPlan> saved = new ArrayList<>();
        List<BufferPlan> scratch = new ArrayList<>();
        List<GemmStridedBatched> gemms = new ArrayList<>();
        List<LayerPlan> children = new ArrayList<>();
        if (spec.reasoning()) {
            int n = spec.nodes();
            graph(spec.graph(), saved, gemms, children);
            saved.add(new BufferPlan("YnT", new int[] {b, c, n}));
            saved.add(new BufferPlan("Yrc", input));
            saved.add(new BufferPlan("blended", input));
            scratch.add(
                    new BufferPlan(
                            "gammaPartials", new int[] {Reductions.blocks(Tensors.count(input))}));
            gemms.add(GraphGemms.distribute(b, c, n, h * w));
            gemms.add(GraphGemms.distributeGradLeft(b, c, n, h * w));
            gemms.add(GraphGemms.distributeGradWeights(b, c, n, h * w));
        }
        children.add(child(spec.tail0(), input));
        children.add(child(spec.tail1(), input));
        return new LayerPlan(
                spec.describe(),
                input,
                spec.outputShape(input),
                saved,
                scratch,
                List.of(),
                gemms,
                children);
    }

    @Override
    public LayerPlan srgrn(SrgrnSpec spec) {
        List<LayerPlan> children = new ArrayList<>();
        LayerPlan rdn = plan(spec.rdn(), input, tf32);
        children.add(rdn);
        int[] shape = rdn.output();
        for (Child<GrumSpec> grum : spec.upsample()) {
            LayerPlan p = child(grum, shape);
            children.add(p);
            shape = p.output();
        }
        children.add(child(spec.grrb(), shape));
        return new LayerPlan(
                spec.describe(),
                input,
                spec.outputShape(input),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                children);
    }
}
