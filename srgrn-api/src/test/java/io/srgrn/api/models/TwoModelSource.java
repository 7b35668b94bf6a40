package io.srgrn.api.models;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.json.Json;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.weights.ConfigJson;
import io.srgrn.api.weights.Safetensors;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A model source for the api's tests (registered in META-INF/services): two x2 models made from
 * seeded weights, "tiny-x2" (the default) and "damaged-x2", whose catalogue SHA-256 does not match
 * its bytes. No x3 or x4 model, so the facade's x4 default stays untrained in the other tests.
 */
public final class TwoModelSource implements ModelSource {
    static final SrgrnConfig CONFIG = SrgrnConfig.compact(2);
    static final byte[] WEIGHTS =
            Safetensors.serialize(
                    Initializer.initialize(new SrgrnSpec(CONFIG), 42),
                    Map.of(
                            "format",
                            "srgrn",
                            "spec",
                            "1",
                            "config",
                            ConfigJson.write(CONFIG),
                            "trainedIterations",
                            "7"));

    @Override
    public InputStream openCatalog() {
        Map<String, Object> tiny =
                Map.of(
                        "name",
                        "tiny-x2",
                        "scale",
                        2,
                        "degradation",
                        "BI",
                        "preset",
                        "compact",
                        "parameters",
                        new SrgrnSpec(CONFIG).parameterCount(),
                        "default",
                        true,
                        "file",
                        "tiny-x2.safetensors",
                        "sha256",
                        Models.sha256(WEIGHTS),
                        "scores",
                        List.of(
                                Map.of(
                                        "set",
                                        "Set5",
                                        "selfEnsemble",
                                        false,
                                        "psnr",
                                        30.5,
                                        "ssim",
                                        0.9)),
                        "training",
                        Map.of("trainedIterations", "7"));
        Map<String, Object> damaged =
                Map.of(
                        "name",
                        "damaged-x2",
                        "scale",
                        2,
                        "degradation",
                        "BI",
                        "preset",
                        "compact",
                        "parameters",
                        1,
                        "default",
                        false,
                        "file",
                        "damaged-x2.safetensors",
                        "sha256",
                        "00",
                        "scores",
                        List.of());
        return new ByteArrayInputStream(
                Json.write(Map.of("models", List.of(tiny, damaged)))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public InputStream openWeights(String file) {
        return new ByteArrayInputStream(WEIGHTS);
    }
}
