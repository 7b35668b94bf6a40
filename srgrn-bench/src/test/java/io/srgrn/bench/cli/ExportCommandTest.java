package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.onnx.OnnxExport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code srgrn export}: the wiring to {@link OnnxExport} (whose graphs srgrn-onnx checks in ONNX
 * Runtime).
 */
class ExportCommandTest {

    @Test
    void writesTheWeightsFilesModel(@TempDir Path dir) throws Exception {
        Path w = Cli.compactWeights(dir.resolve("c2.safetensors"), 2);
        Path onnx = dir.resolve("c2.onnx");
        Cli.Result r = Cli.run("export", "--onnx", onnx.toString(), "--weights", w.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("wrote " + onnx).contains("opset 17").contains("x2");
        SrgrnWeights loaded = WeightsFile.load(w);
        assertThat(Files.readAllBytes(onnx))
                .isEqualTo(OnnxExport.toBytes(loaded.config(), loaded.parameters()));
    }

    @Test
    void neverOverwritesWithoutForce(@TempDir Path dir) throws Exception {
        Path onnx = Files.writeString(dir.resolve("m.onnx"), "keep");
        Cli.Result r =
                Cli.run("export", "--onnx", onnx.toString(), "--preset", "compact", "--scale", "2");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--force");
        assertThat(Files.readString(onnx)).isEqualTo("keep");

        Cli.Result forced =
                Cli.run(
                        "export",
                        "--onnx",
                        onnx.toString(),
                        "--preset",
                        "compact",
                        "--scale",
                        "2",
                        "--force");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(forced.err()).contains("untrained");
        assertThat(Files.size(onnx)).isGreaterThan(100_000);
    }

    @Test
    void bicubicHasNoNetwork(@TempDir Path dir) {
        Cli.Result r =
                Cli.run("export", "--onnx", dir.resolve("b.onnx").toString(), "--model", "bicubic");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("bicubic has no network");
        assertThat(dir.resolve("b.onnx")).doesNotExist();
    }
}
