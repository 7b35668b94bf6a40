package io.srgrn.bench.cli;

import io.srgrn.api.json.Json;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Backends;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.AtomicFiles;
import io.srgrn.api.weights.Safetensors;
import io.srgrn.api.weights.SafetensorsFile;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One backend's part of {@code srgrn compare}, run in a JVM of its own because two libtorch builds
 * cannot share a process. Reads the shared weights and inputs, writes the forward output ({@code
 * output.safetensors}) and a {@code result.json} with the timings into the result folder.
 *
 * <p>Arguments: {@code BACKEND DEVICE THREADS WEIGHTS INPUTS RESULT_DIR WARMUP REPEATS}. Exit
 * status 0 when the result was written, 3 when the backend is unavailable, 1 on failure; in every
 * case {@code result.json} says what happened when it can.
 */
public final class CompareWorker {
    static final String RESULT = "result.json";
    static final String OUTPUT = "output.safetensors";
    static final int UNAVAILABLE = 3;

    private CompareWorker() {}

    public static void main(String[] args) {
        if (args.length != 8) {
            System.err.println(
                    "usage: CompareWorker BACKEND DEVICE THREADS WEIGHTS INPUTS RESULT_DIR WARMUP REPEATS");
            System.exit(ExitCodes.USAGE);
        }
        Path resultDir = Path.of(args[5]);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("backend", args[0]);
        int status;
        try {
            status = run(args, resultDir, result);
        } catch (Throwable e) {
            // A native failure (UnsatisfiedLinkError, ...) is an answer too: report it, don't hide
            // it.
            result.put("status", "failed");
            result.put("reason", e.getClass().getSimpleName() + ": " + Errors.describe(e));
            status = ExitCodes.FAILED;
        }
        AtomicFiles.write(
                resultDir.resolve(RESULT),
                Json.writePretty(result).getBytes(StandardCharsets.UTF_8));
        System.exit(status);
    }

    private static int run(String[] args, Path resultDir, Map<String, Object> result) {
        String name = args[0];
        Backend backend =
                Backends.discover().stream()
                        .filter(b -> b.name().equals(name))
                        .findFirst()
                        .orElse(null);
        if (backend == null) {
            result.put("status", "unavailable");
            result.put("reason", "not on the class path");
            return UNAVAILABLE;
        }
        if (!backend.availability().available()) {
            result.put("status", "unavailable");
            result.put("reason", backend.availability().reason());
            return UNAVAILABLE;
        }
        Device device = args[1].isEmpty() ? backend.devices().get(0) : Device.parse(args[1]);
        if (!backend.devices().contains(device)) {
            result.put("status", "unavailable");
            result.put(
                    "reason",
                    "device " + device + " not offered (it offers " + backend.devices() + ")");
            return UNAVAILABLE;
        }
        int threads = Integer.parseInt(args[2]);
        SrgrnWeights weights = WeightsFile.load(Path.of(args[3]));
        SafetensorsFile inputs = Safetensors.read(Path.of(args[4]));
        int warmup = Integer.parseInt(args[6]);
        int repeats = Integer.parseInt(args[7]);
        result.put("device", device.toString());
        try (BackendContext context = backend.open(device, new BackendOptions(threads))) {
            Module module = context.compile(new SrgrnSpec(weights.config()), weights.parameters());
            Tensor x = inputs.tensor(CompareInputs.FORWARD_INPUT);
            Tensor y = module.forward(x);
            Safetensors.write(resultDir.resolve(OUTPUT), Map.of("output", y), Map.of());
            result.put("forwardMs", time(warmup, repeats, () -> module.forward(x)));

            Tensor lr = inputs.tensor(CompareInputs.TRAIN_LR);
            Tensor hr = inputs.tensor(CompareInputs.TRAIN_HR);
            AdamSettings adam = AdamSettings.paper();
            // The first step's loss is computed before any update, so it must agree across
            // backends.
            result.put("firstLoss", (double) module.trainStep(lr, hr, adam, 1e-4));
            result.put(
                    "trainStepMs",
                    time(
                            Math.max(0, warmup - 1),
                            repeats,
                            () -> module.trainStep(lr, hr, adam, 1e-4)));
        }
        result.put("status", "ok");
        return ExitCodes.OK;
    }

    static List<Double> time(int warmup, int repeats, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms;
    }
}
