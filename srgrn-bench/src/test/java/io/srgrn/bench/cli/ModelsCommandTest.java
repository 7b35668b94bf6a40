package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.models.ModelCatalog;
import io.srgrn.api.models.ModelInfo;
import io.srgrn.api.models.Models;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code srgrn models}: the shipped catalogue, and {@code models add} that maintains one. */
class ModelsCommandTest {
    @TempDir static Path shared;
    static Path weights;
    static Path tiny;

    @TempDir Path dir;

    @BeforeAll
    static void prepare() throws IOException {
        weights = Cli.compactWeights(shared.resolve("run-x2.safetensors"), 2);
        tiny = Files.createDirectories(shared.resolve("Tiny").resolve("HR"));
        Cli.image(tiny.resolve("a.png"), 3, 24, 26, false, 300);
    }

    @Test
    void listsTheShippedModelsWithTheirScores() {
        Cli.Result r = Cli.run("models");
        assertThat(r.code()).as(r.toString()).isZero();
        for (ModelInfo m : Models.available()) {
            String line =
                    r.out()
                            .lines()
                            .filter(
                                    l ->
                                            l.startsWith("| " + m.name() + " ")
                                                    || l.startsWith("| " + m.name() + " *"))
                            .findFirst()
                            .orElseThrow(
                                    () -> new AssertionError(m.name() + " missing in\n" + r.out()));
            assertThat(line).contains("x" + m.scale()).contains(m.degradation());
            m.score("Set5", false)
                    .ifPresent(
                            s ->
                                    assertThat(line)
                                            .contains(
                                                    String.format(
                                                            java.util.Locale.ROOT,
                                                            "%.2f",
                                                            s.psnr())));
        }
        assertThat(r.out())
                .contains(Models.available().isEmpty() ? "No trained models" : "| model ");
    }

    @Test
    void addCopiesTheWeightsAndTakesScoresFromAnEvalReport() throws IOException {
        Path catalogDir = Files.createDirectories(dir.resolve("catalog"));
        Files.writeString(catalogDir.resolve("catalog.json"), "{\"models\": []}");
        Path evalOut = dir.resolve("eval");
        Path named = Files.copy(weights, dir.resolve("tiny-x2.safetensors"));
        Cli.Result e =
                Cli.run(
                        "eval",
                        "--weights",
                        named.toString(),
                        "--ensemble",
                        "--sets",
                        tiny.getParent().toString(),
                        "-o",
                        evalOut.toString(),
                        "--threads",
                        "1",
                        "--no-published");
        assertThat(e.code()).as(e.toString()).isZero();
        Cli.Result r =
                add(
                        catalogDir,
                        "tiny-x2",
                        "--weights",
                        named.toString(),
                        "--default",
                        "--scores",
                        evalOut.resolve("eval-BI-x2.json").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(catalogDir.resolve("tiny-x2.safetensors")).hasSameBinaryContentAs(named);
        List<ModelInfo> models =
                ModelCatalog.parse(Files.readString(catalogDir.resolve("catalog.json")), "catalog");
        assertThat(models).hasSize(1);
        ModelInfo m = models.get(0);
        assertThat(m.scale()).isEqualTo(2);
        assertThat(m.isDefault()).isTrue();
        assertThat(m.parameters()).isEqualTo(224_333L);
        assertThat(m.sha256()).isEqualTo(Models.sha256(Files.readAllBytes(named)));
        // The eval row "tiny-x2+" is the self-ensemble score.
        assertThat(m.score("Tiny", true)).isPresent();
        assertThat(m.score("Tiny", false)).isEmpty();
        assertThat(r.out()).contains("| tiny-x2+ *");

        // the same weights again: the scores stay; other weights: scores of the old ones go
        Cli.Result same = add(catalogDir, "tiny-x2", "--weights", named.toString());
        assertThat(same.code()).as(same.toString()).isZero();
        assertThat(catalogScores(catalogDir)).isNotEmpty();
        Path retrained;
        try (io.srgrn.api.Srgrn sr =
                io.srgrn.api.Srgrn.builder()
                        .config(io.srgrn.api.config.SrgrnConfig.compact(2))
                        .seed(4)
                        .threads(1)
                        .build()) {
            retrained = dir.resolve("retrained.safetensors");
            sr.save(retrained);
        }
        Cli.Result replaced = add(catalogDir, "tiny-x2", "--weights", retrained.toString());
        assertThat(replaced.code()).as(replaced.toString()).isZero();
        assertThat(catalogScores(catalogDir)).isEmpty();

        Cli.Result wrong =
                add(
                        catalogDir,
                        "other",
                        "--weights",
                        named.toString(),
                        "--scores",
                        evalOut.resolve("eval-BI-x2.json").toString());
        assertThat(wrong.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains("no row named 'other'");
        assertThat(catalogDir.resolve("other.safetensors"))
                .as("a refused add writes nothing")
                .doesNotExist();

        // a BI report cannot score a model filed as BD: the catalogue would mislabel the scores
        Cli.Result otherDegradation =
                add(
                        catalogDir,
                        "tiny-x2",
                        "--degradation",
                        "BD",
                        "--scores",
                        evalOut.resolve("eval-BI-x2.json").toString());
        assertThat(otherDegradation.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherDegradation.err())
                .contains("measured on BI x2, protocol rdn")
                .contains("needs BD x2, protocol rdn");
    }

    /** {@code srgrn models add --name NAME --catalog-dir DIR} with {@code more} options. */
    private static Cli.Result add(Path catalogDir, String name, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "models",
                                "add",
                                "--name",
                                name,
                                "--catalog-dir",
                                catalogDir.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<ModelInfo.Score> catalogScores(Path catalogDir) throws IOException {
        return ModelCatalog.parse(Files.readString(catalogDir.resolve("catalog.json")), "catalog")
                .get(0)
                .scores();
    }

    @Test
    void evalWithGammasOffScoresTheModelWithItsGlobalBranchesSwitchedOff() throws IOException {
        SrgrnWeights base = WeightsFile.load(weights);
        Path strong = withGammas(base, 0.7f, dir.resolve("strong.safetensors"));
        Path zero = withGammas(base, 0f, dir.resolve("zero.safetensors"));
        Path out = dir.resolve("eval");
        Cli.Result r =
                Cli.run(
                        "eval",
                        "--weights",
                        strong.toString(),
                        "--weights",
                        zero.toString(),
                        "--gammas-off",
                        "--sets",
                        tiny.getParent().toString(),
                        "-o",
                        out.toString(),
                        "--threads",
                        "1",
                        "--no-published");
        assertThat(r.code()).as(r.toString()).isZero();
        String csv = Files.readString(out.resolve("eval-BI-x2.csv"));
        double strongPsnr = psnr(csv, "strong");
        double strongOff = psnr(csv, "strong (gammas 0)");
        assertThat(strongOff).isEqualTo(psnr(csv, "zero")).isEqualTo(psnr(csv, "zero (gammas 0)"));
        assertThat(strongOff).isNotEqualTo(strongPsnr);
    }

    private static Path withGammas(SrgrnWeights w, float gamma, Path file) {
        Map<String, Tensor> p = new LinkedHashMap<>(w.parameters());
        p.replaceAll((name, t) -> name.endsWith(".gamma") ? Tensor.full(gamma, t.shape()) : t);
        WeightsFile.save(file, w.config(), p, Map.of());
        return file;
    }

    private static double psnr(String csv, String method) {
        return csv.lines()
                .filter(l -> l.startsWith(method + ","))
                .map(l -> Double.parseDouble(l.split(",")[7]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + method + " in\n" + csv));
    }
}
