package io.srgrn.backend.javacpp;

import io.srgrn.api.config.SrgrnConfig;
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

/**
 * The golden PyTorch cases of SPEC fixtures/ (system property srgrn.fixtures); absent: the test is
 * skipped.
 */
record Fixtures(String fileName, SafetensorsFile file, SrgrnConfig config) {
    static final String[] FILES = {
        "srgrn-x2-mean.safetensors",
        "srgrn-x3-mean.safetensors",
        "srgrn-x4-mean.safetensors",
        "srgrn-x2-sum.safetensors"
    };

    static Fixtures load(String fileName) {
        String dir = System.getProperty("srgrn.fixtures", "");
        Path path = Path.of(dir, fileName);
        Assumptions.assumeTrue(
                !dir.isBlank() && Files.isRegularFile(path),
                "SPEC fixture " + fileName + " not found under srgrn.fixtures='" + dir + "'");
        SafetensorsFile f = Safetensors.read(path);
        return new Fixtures(fileName, f, ConfigJson.parse(f.metadata().get("config")));
    }

    SrgrnSpec spec() {
        return new SrgrnSpec(config);
    }

    Tensor tensor(String name) {
        return file.tensor(name);
    }

    /**
     * The model weights under their SPEC names (the file also holds inputs and expected results).
     */
    Map<String, Tensor> weights() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        spec().parameters().forEach(p -> out.put(p.name(), file.tensor(p.name())));
        return out;
    }

    /**
     * The weights below {@code prefix + "."}, renamed relative to it (a child's own parameters);
     * all for "".
     */
    Map<String, Tensor> weightsUnder(String prefix) {
        if (prefix.isEmpty()) {
            return weights();
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        weights()
                .forEach(
                        (k, v) -> {
                            if (k.startsWith(prefix + ".")) {
                                out.put(k.substring(prefix.length() + 1), v);
                            }
                        });
        return out;
    }
}
