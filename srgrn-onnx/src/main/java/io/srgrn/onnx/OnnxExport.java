package io.srgrn.onnx;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.AtomicFiles;
import io.srgrn.api.weights.SrgrnWeights;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes an SRGRN model (any config, its weights) as an ONNX model, so that it runs in ONNX
 * Runtime, OpenCV DNN, TensorRT or a browser.
 *
 * <p>The graph uses the default domain at opset {@value #OPSET} (Conv, Relu, LeakyRelu, Concat,
 * Add, Sub, Mul, Div, MatMul, Transpose, Reshape, Shape, ReduceProd, Cast, Softmax, DepthToSpace).
 * Its input {@value #INPUT} is float32 NCHW in [0, 1] with symbolic batch, height and width; its
 * output {@value #OUTPUT} is the network's raw output (B, out, scale*H, scale*W), not clamped:
 * clamp to [0, 1] before quantising, as {@code Srgrn.upscale} does. Weights are stored as
 * initializers under their SPEC names ({@code sfe1.weight}, ..., {@code grrb.tail.1.bias}). Built
 * from the layer specs of srgrn-api, with no native or protobuf dependency.
 */
public final class OnnxExport {
    /** The ONNX operator set version of the written graphs. */
    public static final int OPSET = OnnxGraph.OPSET;

    public static final String INPUT = "lr";
    public static final String OUTPUT = "sr";

    private OnnxExport() {}

    /**
     * The serialised ONNX model of {@code config} with {@code parameters} (SPEC names and shapes,
     * exactly).
     */
    public static byte[] toBytes(SrgrnConfig config, Map<String, Tensor> parameters) {
        SrgrnSpec spec = new SrgrnSpec(config);
        check(spec, parameters);
        SrgrnGraphWriter writer = new SrgrnGraphWriter(parameters);
        String output = writer.srgrn(spec, INPUT);
        // The public output name, whatever node computes it.
        writer.graph().namedNode("Identity", OUTPUT, List.of(output));
        return writer.graph()
                .model(
                        INPUT,
                        new String[] {
                            "batch", String.valueOf(config.inChannels()), "height", "width"
                        },
                        OUTPUT,
                        new String[] {
                            "batch",
                            String.valueOf(config.outChannels()),
                            "height_x" + config.scale(),
                            "width_x" + config.scale()
                        },
                        version(),
                        spec.describe());
    }

    /** Writes the model to {@code file} atomically (a reader never sees a partial file). */
    public static void write(SrgrnConfig config, Map<String, Tensor> parameters, Path file) {
        AtomicFiles.write(file, toBytes(config, parameters));
    }

    /** Writes loaded weights (e.g. {@code WeightsFile.load(path)}) to {@code file}. */
    public static void write(SrgrnWeights weights, Path file) {
        write(weights.config(), weights.parameters(), file);
    }

    private static void check(SrgrnSpec spec, Map<String, Tensor> parameters) {
        Set<String> expected = new TreeSet<>();
        for (ParamSpec p : spec.parameters()) {
            expected.add(p.name());
            Tensor t = parameters.get(p.name());
            if (t == null) {
                throw new IllegalArgumentException(
                        "cannot export "
                                + spec.describe()
                                + ": parameter "
                                + p.name()
                                + " is missing");
            }
            if (!Arrays.equals(t.shape(), p.shape())) {
                throw new IllegalArgumentException(
                        "cannot export "
                                + spec.describe()
                                + ": parameter "
                                + p.name()
                                + " has shape "
                                + Arrays.toString(t.shape())
                                + ", the config needs "
                                + Arrays.toString(p.shape()));
            }
        }
        Set<String> extra =
                parameters.keySet().stream()
                        .filter(k -> !expected.contains(k))
                        .collect(Collectors.toCollection(TreeSet::new));
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException(
                    "cannot export "
                            + spec.describe()
                            + ": parameters "
                            + extra
                            + " are not part of this config");
        }
    }

    private static String version() {
        String v = OnnxExport.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
