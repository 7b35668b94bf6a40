package io.srgrn.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rule of issue 12, held: what a backend author compiles against (the SPI, the layer
 * specs, the configs and the tensor type) uses nothing from srgrn-data. srgrn-api depends on
 * srgrn-data only for the facade's image work (image conversion, self-ensemble transforms, atomic
 * writes); a backend sees those classes on its class path and never needs them.
 */
class BackendAuthorLayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/io/srgrn/api");
    private static final List<String> BACKEND_AUTHOR_PACKAGES =
            List.of("spi", "spec", "config", "tensor");

    @Test
    void theSpiSpecsConfigsAndTensorsImportNothingFromSrgrnData() throws IOException {
        for (String pkg : BACKEND_AUTHOR_PACKAGES) {
            Path dir = SOURCES.resolve(pkg);
            assertThat(dir).as("package %s (run from the module folder)", pkg).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readAllLines(file))
                            .as(file.toString())
                            .noneMatch(
                                    line ->
                                            line.startsWith("import io.srgrn.data.")
                                                    || line.startsWith(
                                                            "import static io.srgrn.data."));
                }
            }
        }
    }
}
