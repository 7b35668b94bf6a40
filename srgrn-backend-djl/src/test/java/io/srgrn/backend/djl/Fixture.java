package io.srgrn.backend.djl;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.ConfigJson;
import io.srgrn.api.weights.Safetensors;
import io.srgrn.api.weights.SafetensorsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** One golden PyTorch case from SPEC's fixtures directory (system property {@code srgrn.fixtures}). */
record Fixture(String file, SrgrnConfig config, SafetensorsFile content) {

    static Fixture load(String name) {
        String dir = System.getProperty("srgrn.fixtures", "");
        Path path = Path.of(dir, name);
        Assumptions.assumeTrue(!dir.isBlank() && Files.isRegularFile(path),
                "SPEC fixtures not found at " + path + " (set -Dsrgrn.fixtures)");
        SafetensorsFile content = Safetensors.read(path);
        return new Fixture(name, ConfigJson.parse(content.metadata().get("config")), content);
    }

    SrgrnSpec spec() {
        return new SrgrnSpec(config);
    }

    Tensor tensor(String name) {
        Tensor t = content.tensor(name);
        if (t == null) {
            throw new AssertionError(file + " has no tensor '" + name + "'");
        }
        return t;
    }

    /** The model's weights under their SPEC names. */
    Map<String, Tensor> parameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (ParamSpec p : spec().parameters()) {
            out.put(p.name(), tensor(p.name()));
        }
        return out;
    }

    /** Parameters whose names start with {@code prefix + "."}, with the prefix removed. */
    Map<String, Tensor> parametersUnder(String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        parameters().forEach((k, v) -> {
            if (k.startsWith(prefix + ".")) {
                out.put(k.substring(prefix.length() + 1), v);
            }
        });
        return out;
    }
}
