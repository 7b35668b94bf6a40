package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.srgrn.api.json.Json;
import io.srgrn.bench.report.PublishedResults;
import io.srgrn.data.dataset.DataRoot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    @TempDir static Path shared;
    static Path weights;
    static Path tinySet;

    @TempDir Path dir;

    @BeforeAll
    static void prepare() throws IOException {
        weights = Cli.compactWeights(shared.resolve("compact-x2.safetensors"), 2);
        tinySet = Files.createDirectories(shared.resolve("Tiny").resolve("HR"));
        Cli.image(tinySet.resolve("a.png"), 3, 24, 26, false, 300);
        Cli.image(tinySet.resolve("b.png"), 1, 22, 24, false, 301);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> json, String method) {
        for (Object o : (List<Object>) json.get("rows")) {
            Map<String, Object> r = (Map<String, Object>) o;
            if (r.get("method").equals(method) && !Boolean.TRUE.equals(r.get("published"))) {
                return r;
            }
        }
        throw new AssertionError("no row " + method + " in " + json);
    }

    @SuppressWarnings("unchecked")
    private static double cell(Map<String, Object> row, String set, String metric) {
        Map<String, Object> sets = (Map<String, Object>) row.get("sets");
        return ((Number) ((Map<String, Object>) sets.get(set)).get(metric)).doubleValue();
    }

    @Test
    void modelAndBicubicOnAFolderWriteEveryReport() throws IOException {
        Path out = dir.resolve("out");
        Path figures = dir.resolve("figs");
        Cli.Result r =
                Cli.run(
                        "eval",
                        "--weights",
                        weights.toString(),
                        "--model",
                        "bicubic",
                        "--sets",
                        shared.resolve("Tiny").toString(),
                        "-o",
                        out.toString(),
                        "--figures",
                        figures.toString(),
                        "--threads",
                        "1");
        assertThat(r.code()).as(r.toString()).isZero();
        // The paper's layout: Bicubic first, then the model; one PSNR/SSIM cell per set.
        List<String> lines = r.out().lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(lines.get(0)).matches("\\| Method +\\| Scale \\| +Tiny \\|");
        assertThat(lines.get(2)).startsWith("| Bicubic ");
        assertThat(lines.get(3))
                .startsWith("| compact-x2 ")
                .containsPattern("\\| +\\d+\\.\\d\\d/0\\.\\d{4} \\|");
        for (String f :
                List.of(
                        "eval-BI-x2.md",
                        "eval-BI-x2.csv",
                        "eval-BI-x2-per-image.csv",
                        "eval-BI-x2.json",
                        "psnr-vs-params-BI-x2-Tiny.png")) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("eval-BI-x2.md"))).isEqualTo(r.out());
        List<String> csv = Files.readAllLines(out.resolve("eval-BI-x2.csv"));
        assertThat(csv.get(0))
                .isEqualTo(
                        "method,parameters,published,degradation,scale,protocol,set,psnr,ssim,images,source");
        assertThat(csv).anyMatch(l -> l.startsWith("compact-x2,224333,false,BI,2,rdn,Tiny,"));
        List<String> perImage = Files.readAllLines(out.resolve("eval-BI-x2-per-image.csv"));
        assertThat(perImage).hasSize(1 + 2 * 2);

        Map<String, Object> json =
                Json.parseObject(Files.readString(out.resolve("eval-BI-x2.json")));
        assertThat(json.get("protocol")).isEqualTo("rdn");
        Map<String, Object> model = row(json, "compact-x2");
        assertThat(((Number) model.get("parameters")).longValue()).isEqualTo(224_333L);
        // The set mean is the mean of the per-image scores.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> imgs =
                (List<Map<String, Object>>)
                        ((Map<String, Object>)
                                        ((Map<String, Object>) model.get("sets")).get("Tiny"))
                                .get("images");
        double mean =
                imgs.stream()
                        .mapToDouble(m -> ((Number) m.get("psnr")).doubleValue())
                        .average()
                        .orElseThrow();
        assertThat(cell(model, "Tiny", "psnr")).isCloseTo(mean, within(1e-9));

        BufferedImage fig = ImageIO.read(figures.resolve("Tiny-a-BI-x2.png").toFile());
        assertThat(fig).isNotNull();
        assertThat(fig.getWidth()).isGreaterThan(3 * 180);
    }

    @Test
    void bicubicRowReproducesSpecSection7OnSet5() throws IOException {
        Path root = TestData.rootWith("Set5").orElse(null);
        assumeTrue(root != null, DataRoot.missingReason("the Set5 Bicubic row"));
        Path out = dir.resolve("out");
        Cli.Result r =
                Cli.run(
                        "eval",
                        "--model",
                        "bicubic",
                        "--scale",
                        "4",
                        "--sets",
                        "Set5",
                        "--data",
                        root.toString(),
                        "-o",
                        out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        Map<String, Object> json =
                Json.parseObject(Files.readString(out.resolve("eval-BI-x4.json")));
        // SPEC.md section 7, row "BI x4 Set5", column rdn: 28.4302 / 0.81114 (to 0.0005 dB and
        // 0.00002).
        assertThat(cell(row(json, "Bicubic"), "Set5", "psnr")).isCloseTo(28.4302, within(0.0005));
        assertThat(cell(row(json, "Bicubic"), "Set5", "ssim")).isCloseTo(0.81114, within(0.00002));
        // The paper's own Bicubic row is shown beside it, marked as published, and so are the
        // bundled
        // published models, with their sources under the table.
        assertThat(r.out()).contains("| Bicubic (published) |    x4 | 28.42/0.8104 |");
        assertThat(r.out()).contains("| RDN (published)     |    x4 | 32.47/0.8990 |");
        assertThat(r.out()).contains("- RDN: Zhang et al. 2018, Residual Dense Network");
        // Bicubic alone has no parameters: no PSNR-vs-parameters plot, even with published models
        // around.
        assertThat(out.resolve("psnr-vs-params-BI-x4-Set5.png")).doesNotExist();
    }

    @Test
    void publishedFileAddsRowsToTheTablesAndThePlot() throws IOException {
        Path extra =
                Files.writeString(
                        dir.resolve("srgrn-table2.csv"),
                        PublishedResults.HEADER
                                + "\n"
                                + "SRGRN,5696237,BI,2,Tiny,31.00,0.9000,\"my transcription, p. 7\"\n");
        Path out = dir.resolve("out");
        Cli.Result r =
                Cli.run(
                        "eval",
                        "--weights",
                        weights.toString(),
                        "--sets",
                        shared.resolve("Tiny").toString(),
                        "--published",
                        extra.toString(),
                        "-o",
                        out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("| SRGRN (published) |    x2 | 31.00/0.9000 |")
                .contains("- SRGRN: my transcription, p. 7");
        List<String> csv = Files.readAllLines(out.resolve("eval-BI-x2.csv"));
        assertThat(csv)
                .contains(
                        "SRGRN,5696237,true,BI,2,rdn,Tiny,31.00,0.9000,,\"my transcription, p. 7\"");
        Map<String, Object> json =
                Json.parseObject(Files.readString(out.resolve("eval-BI-x2.json")));
        @SuppressWarnings("unchecked")
        Map<String, Object> published =
                ((List<Map<String, Object>>) json.get("rows"))
                        .stream()
                                .filter(m -> m.get("method").equals("SRGRN"))
                                .findFirst()
                                .orElseThrow();
        assertThat(published.get("published")).isEqualTo(true);
        assertThat(published.get("source")).isEqualTo("my transcription, p. 7");
        assertThat(out.resolve("psnr-vs-params-BI-x2-Tiny.png")).isNotEmptyFile();
    }

    @Test
    void tiledRowsAreNamedAsSuchAndMatchWholeImageScoresWhenTheContextCoversTheImage()
            throws IOException {
        Path big = Files.createDirectories(dir.resolve("Big").resolve("HR"));
        Cli.image(big.resolve("c.png"), 3, 50, 46, false, 302); // LR 25x23: four 16-pixel tiles
        Path out = dir.resolve("out");
        Cli.Result whole =
                Cli.run(
                        "eval",
                        "--weights",
                        weights.toString(),
                        "--sets",
                        big.getParent().toString(),
                        "-o",
                        out.toString());
        assertThat(whole.code()).as(whole.toString()).isZero();
        double wholePsnr =
                cell(
                        row(
                                Json.parseObject(Files.readString(out.resolve("eval-BI-x2.json"))),
                                "compact-x2"),
                        "Big",
                        "psnr");
        Cli.Result tiled =
                Cli.run(
                        "eval",
                        "--weights",
                        weights.toString(),
                        "--sets",
                        big.getParent().toString(),
                        "--tile",
                        "16",
                        "--tile-overlap",
                        "40",
                        "-o",
                        out.toString());
        assertThat(tiled.code()).as(tiled.toString()).isZero();
        assertThat(tiled.out()).contains("| compact-x2 (tiles 16+40) ");
        double tiledPsnr =
                cell(
                        row(
                                Json.parseObject(Files.readString(out.resolve("eval-BI-x2.json"))),
                                "compact-x2 (tiles 16+40)"),
                        "Big",
                        "psnr");
        assertThat(tiledPsnr).isEqualTo(wholePsnr);
    }

    @Test
    void noPublishedShowsMeasuredRowsOnly() {
        Path out = dir.resolve("out");
        Cli.Result r =
                Cli.run(
                        "eval",
                        "--weights",
                        weights.toString(),
                        "--sets",
                        shared.resolve("Tiny").toString(),
                        "--no-published",
                        "-o",
                        out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("(published)");
    }

    @Test
    void badPublishedFileIsAUsageErrorNamingTheLineBeforeAnyWork() throws IOException {
        Path bad =
                Files.writeString(
                        dir.resolve("bad.csv"),
                        PublishedResults.HEADER
                                + "\n"
                                + "SRGRN,5696237,BI,x2,Set5,31.00,0.9000,me\n");
        Path out = dir.resolve("out");
        Cli.Result r =
                Cli.run(
                        "eval",
                        "--weights",
                        weights.toString(),
                        "--sets",
                        shared.resolve("Tiny").toString(),
                        "--published",
                        bad.toString(),
                        "-o",
                        out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(bad + " line 2, column scale: 'x2' is not 2, 3 or 4");
        assertThat(out).doesNotExist();
    }

    @Test
    void yOnlyProtocolChangesTheBicubicRowAsSpecSays() throws IOException {
        Path root = TestData.rootWith("Set5").orElse(null);
        assumeTrue(root != null, DataRoot.missingReason("the y-only Bicubic row"));
        Path out = dir.resolve("out");
        Cli.Result r =
                Cli.run(
                        "eval",
                        "--model",
                        "bicubic",
                        "--scale",
                        "2",
                        "--sets",
                        "Set5",
                        "--data",
                        root.toString(),
                        "--protocol",
                        "y-only",
                        "-o",
                        out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        Map<String, Object> json =
                Json.parseObject(Files.readString(out.resolve("eval-BI-x2.json")));
        // SPEC.md section 7, row "BI x2 Set5", column y_only: 33.6621 / 0.92988.
        assertThat(cell(row(json, "Bicubic"), "Set5", "psnr")).isCloseTo(33.6621, within(0.0005));
        assertThat(cell(row(json, "Bicubic"), "Set5", "ssim")).isCloseTo(0.92988, within(0.00002));
        assertThat(json.get("protocol")).isEqualTo("y-only");
    }

    @Test
    void ensembleRowsAreMarkedWithPlus() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result r =
                Cli.run(
                        "eval",
                        "--weights",
                        weights.toString(),
                        "--ensemble",
                        "--sets",
                        shared.resolve("Tiny").toString(),
                        "-o",
                        out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("| compact-x2+ ");
        Map<String, Object> json =
                Json.parseObject(Files.readString(out.resolve("eval-BI-x2.json")));
        assertThat(cell(row(json, "compact-x2+"), "Tiny", "psnr")).isFinite();
    }

    @Test
    void nothingToEvaluateIsAUsageError() {
        Cli.Result r = Cli.run("eval", "--sets", tinySet.getParent().toString(), "--scale", "2");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nothing to evaluate");
    }

    @Test
    void bicubicAloneNeedsAScale() {
        Cli.Result r =
                Cli.run("eval", "--model", "bicubic", "--sets", tinySet.getParent().toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--scale is required");
    }

    @Test
    void missingSetIsAUsageErrorNamingIt() {
        Cli.Result r =
                Cli.run(
                        "eval",
                        "--model",
                        "bicubic",
                        "--scale",
                        "2",
                        "--sets",
                        "Set99",
                        "--data",
                        dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("test set(s) not found: Set99").contains(dir.toString());
    }

    @Test
    void blurDegradationNeedsScaleThree() {
        Cli.Result r =
                Cli.run(
                        "eval",
                        "--weights",
                        weights.toString(),
                        "--degradation",
                        "BD",
                        "--sets",
                        tinySet.getParent().toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("BD is defined for x3 only").contains("x2");
    }

    @Test
    void unknownProtocolAndDegradationAreUsageErrors() {
        Cli.Result p =
                Cli.run("eval", "--model", "bicubic", "--scale", "2", "--protocol", "matlab");
        assertThat(p.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(p.err()).contains("unknown protocol 'matlab'");
        Cli.Result d = Cli.run("eval", "--model", "bicubic", "--scale", "2", "--degradation", "XX");
        assertThat(d.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(d.err()).contains("XX").contains("BI, BD, DN");
    }

    @Test
    void scaleThatContradictsTheWeightsIsAUsageError() {
        Cli.Result r =
                Cli.run(
                        "eval",
                        "--weights",
                        weights.toString(),
                        "--scale",
                        "3",
                        "--sets",
                        tinySet.getParent().toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--scale 3").contains("x2 model");
    }
}
