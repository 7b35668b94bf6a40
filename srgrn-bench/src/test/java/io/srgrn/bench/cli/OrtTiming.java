package io.srgrn.bench.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.Safetensors;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.onnx.OnnxExport;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ONNX Runtime's forward time on exactly what {@code srgrn compare} gives the backends (the same
 * {@link CompareInputs}: seeded weights with gammas 0.5 and the seeded forward input), timed the
 * same way ({@link CompareWorker#time}). A command for docs/RESULTS.md
 * (scripts/ort-vs-backends.sh), not a test.
 *
 * <pre>OrtTiming PRESET SCALE SIZE WARMUP REPEATS SEED THREADS(0 = ONNX Runtime's default)</pre>
 */
public final class OrtTiming {
    private OrtTiming() {}

    public static void main(String[] args) throws Exception {
        SrgrnConfig config = ConfigOptions.preset(args[0], Integer.parseInt(args[1]));
        int size = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int repeats = Integer.parseInt(args[4]);
        long seed = Long.parseLong(args[5]);
        int threads = Integer.parseInt(args[6]);
        Path dir = Files.createTempDirectory("ort-timing");
        CompareInputs inputs = CompareInputs.write(dir, config, seed, size, 1);
        SrgrnWeights weights = WeightsFile.load(inputs.weights());
        Tensor x = Safetensors.read(inputs.tensors()).tensor(CompareInputs.FORWARD_INPUT);

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        if (threads > 0) {
            options.setIntraOpNumThreads(threads);
        }
        long t0 = System.nanoTime();
        try (OrtSession session =
                        env.createSession(
                                OnnxExport.toBytes(weights.config(), weights.parameters()),
                                options);
                OnnxTensor input =
                        OnnxTensor.createTensor(
                                env,
                                FloatBuffer.wrap(x.data()),
                                Arrays.stream(x.shape()).asLongStream().toArray())) {
            System.out.printf("sessionMs=%.0f%n", (System.nanoTime() - t0) / 1e6);
            List<Double> ms =
                    CompareWorker.time(
                            warmup,
                            repeats,
                            () -> {
                                try (OrtSession.Result r =
                                        session.run(Map.of(OnnxExport.INPUT, input))) {
                                    r.get(0);
                                } catch (ai.onnxruntime.OrtException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
            System.out.println(
                    "forwardMs="
                            + ms
                            + " median="
                            + ms.stream().sorted().toList().get(ms.size() / 2));
        } finally {
            Files.deleteIfExists(inputs.weights());
            Files.deleteIfExists(inputs.tensors());
            Files.deleteIfExists(dir);
        }
    }
}
