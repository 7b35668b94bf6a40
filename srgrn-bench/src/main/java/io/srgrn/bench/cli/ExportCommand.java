package io.srgrn.bench.cli;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.onnx.OnnxExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code srgrn export --onnx FILE}: writes a model as an ONNX graph for other runtimes. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes an SRGRN model as ONNX (opset "
                    + OnnxExport.OPSET
                    + ", any batch, height and width): "
                    + "input '"
                    + OnnxExport.INPUT
                    + "' float32 NCHW in [0,1], output '"
                    + OnnxExport.OUTPUT
                    + "' (not clamped). For ONNX Runtime, OpenCV DNN, TensorRT or a browser."
        })
final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin VerboseMixin verbose;

    @Option(
            names = "--onnx",
            paramLabel = "FILE",
            required = true,
            description = "The ONNX file to write.")
    Path onnx;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ModelChoice model = new ModelChoice();

    static final class ModelChoice {
        @Option(
                names = "--weights",
                paramLabel = "FILE",
                description = "SRGRN weights (.safetensors); the config comes from the file.")
        Path weights;

        @Option(
                names = "--model",
                paramLabel = "NAME",
                description =
                        "NAME.safetensors in the models folder (SRGRN_MODELS, default ~/.srgrn/models).")
        String name;
    }

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            defaultValue = "paper",
            completionCandidates = ConfigOptions.Names.class,
            description =
                    "Without --weights/--model: the config of an UNTRAINED model (random weights), paper or compact; default ${DEFAULT-VALUE}.")
    String preset;

    @Option(
            names = "--scale",
            paramLabel = "S",
            defaultValue = "4",
            description = "With --preset: 2, 3 or 4; default ${DEFAULT-VALUE}.")
    int scale;

    @Option(names = "--force", description = "Overwrite an existing FILE.")
    boolean force;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "Seed of the untrained model's weights; default ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        if (Files.exists(onnx) && !force) {
            throw new UsageException(onnx + " exists (pass --force to overwrite)");
        }
        SrgrnConfig config;
        Map<String, Tensor> parameters;
        String source;
        ModelRef ref =
                model.weights != null
                        ? ModelRef.ofWeights(model.weights)
                        : model.name != null ? ModelRef.ofName(model.name) : null;
        if (ref != null && ref.bicubic()) {
            throw new UsageException("--model bicubic has no network to export");
        }
        if (ref != null) {
            SrgrnWeights loaded = WeightsFile.load(ref.weights());
            config = loaded.config();
            parameters = loaded.parameters();
            source = ref.weights().toString();
        } else {
            config = ConfigOptions.preset(preset, scale);
            parameters = Initializer.initialize(new SrgrnSpec(config), seed);
            source = "UNTRAINED " + preset + " x" + scale + " (random weights, seed " + seed + ")";
            spec.commandLine()
                    .getErr()
                    .println(
                            "export: warning: no --weights or --model: exporting an untrained network; "
                                    + "its output is not a super-resolved image");
        }
        OnnxExport.write(config, parameters, onnx);
        spec.commandLine()
                .getOut()
                .println(
                        "wrote "
                                + onnx
                                + ": "
                                + new SrgrnSpec(config).describe()
                                + " from "
                                + source
                                + ", ONNX opset "
                                + OnnxExport.OPSET
                                + ", input '"
                                + OnnxExport.INPUT
                                + "' [batch, "
                                + config.inChannels()
                                + ", height, width], output '"
                                + OnnxExport.OUTPUT
                                + "'");
        return ExitCodes.OK;
    }
}
