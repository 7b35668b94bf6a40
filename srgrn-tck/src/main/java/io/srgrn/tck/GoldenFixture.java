package io.srgrn.tck;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.ConfigJson;
import io.srgrn.api.weights.Safetensors;
import io.srgrn.api.weights.SafetensorsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One golden case of {@code fixtures/} (see its README): a tiny SRGRN computed by an independent
 * PyTorch implementation of SPEC, with its input, output, upstream gradient R, the gradients of
 * {@code sum(output * R)} and every parameter after one Adam step.
 *
 * @param name file name, e.g. {@code srgrn-x2-mean.safetensors}
 * @param spec the network of the {@code config} metadata
 * @param parameters weights by SPEC name, in spec order
 * @param gradients {@code grad.<name>} by SPEC name, in spec order
 * @param afterAdam {@code adam1.<name>} by SPEC name, in spec order
 */
public record GoldenFixture(
        String name,
        SrgrnSpec spec,
        Map<String, Tensor> parameters,
        Tensor input,
        Tensor output,
        Tensor upstream,
        Tensor inputGradient,
        Map<String, Tensor> gradients,
        Map<String, Tensor> afterAdam) {

    /** The fixtures' Adam step: lr 1e-3 with PyTorch's defaults (README). */
    public static final double LEARNING_RATE = 1e-3;

    /**
     * System property naming the fixtures directory (set by the build's surefire configuration).
     */
    public static final String PROPERTY = "srgrn.fixtures";

    /** The fixtures directory, or null when the property is unset or names no directory. */
    public static Path directory() {
        String dir = System.getProperty(PROPERTY, "");
        if (dir.isBlank()) {
            return null;
        }
        Path path = Path.of(dir);
        return Files.isDirectory(path) ? path : null;
    }

    /** Why fixtures are unavailable, for skip messages. */
    public static String absentReason() {
        return "golden fixtures not found: system property "
                + PROPERTY
                + " = '"
                + System.getProperty(PROPERTY, "")
                + "' is not a directory (the build sets it to ../shared/fixtures)";
    }

    /**
     * File names of every {@code *.safetensors} fixture, sorted; empty when the directory is
     * absent.
     */
    public static List<String> names() {
        Path dir = directory();
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".safetensors"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list fixtures in " + dir, e);
        }
    }

    public static GoldenFixture load(String name) {
        Path dir = directory();
        if (dir == null) {
            throw new IllegalStateException(absentReason());
        }
        Path file = dir.resolve(name);
        SafetensorsFile content = Safetensors.read(file);
        String json = content.metadata().get("config");
        if (json == null) {
            throw new IllegalStateException(file + ": no 'config' metadata");
        }
        SrgrnConfig config = ConfigJson.parse(json);
        SrgrnSpec spec = new SrgrnSpec(config);
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        Map<String, Tensor> gradients = new LinkedHashMap<>();
        Map<String, Tensor> afterAdam = new LinkedHashMap<>();
        for (ParamSpec p : spec.parameters()) {
            parameters.put(p.name(), content.tensor(p.name()));
            gradients.put(p.name(), content.tensor("grad." + p.name()));
            afterAdam.put(p.name(), content.tensor("adam1." + p.name()));
        }
        return new GoldenFixture(
                name,
                spec,
                parameters,
                content.tensor("input"),
                content.tensor("output"),
                content.tensor("upstream"),
                content.tensor("grad.input"),
                gradients,
                afterAdam);
    }
}
