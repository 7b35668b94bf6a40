package io.srgrn.api.weights;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file written here must load with the reference {@code safetensors} Python package (the parser
 * PyTorch uses). Skipped where python3 with safetensors and numpy is not installed.
 */
class PythonSafetensorsInteropTest {
    @TempDir Path dir;

    @Test
    void referenceParserReadsOurFile() throws Exception {
        Assumptions.assumeTrue(
                run("import safetensors, numpy").exitCode == 0,
                "python3 with the safetensors and numpy packages is not installed");
        SrgrnConfig config = SrgrnConfig.compact(3);
        Map<String, Tensor> params = Initializer.initialize(new SrgrnSpec(config), 11);
        Path file = dir.resolve("java.safetensors");
        WeightsFile.save(file, config, params, Map.of("by", "java"));
        Result r =
                run(
                        "from safetensors import safe_open\n"
                                + "with safe_open(r'"
                                + file
                                + "', 'np') as f:\n"
                                + "    print(f.metadata()['by'], len(list(f.keys())), f.get_tensor('gff.1.weight').shape, "
                                + "repr(float(f.get_tensor('gff.1.weight').reshape(-1)[5])))\n");
        assertThat(r.exitCode).as(r.output).isZero();
        double v = params.get("gff.1.weight").data()[5];
        assertThat(r.output.trim()).startsWith("java " + params.size() + " (32, 32, 3, 3) ");
        assertThat(
                        Double.parseDouble(
                                r.output.trim().substring(r.output.trim().lastIndexOf(' ') + 1)))
                .isEqualTo(v);
    }

    private record Result(int exitCode, String output) {}

    private static Result run(String script) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            return new Result(-1, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timeout");
        }
        return new Result(p.exitValue(), out);
    }
}
