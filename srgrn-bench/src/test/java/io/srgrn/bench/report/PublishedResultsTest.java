package io.srgrn.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedResultsTest {
    private static final String H = PublishedResults.HEADER + "\n";

    @TempDir Path dir;

    @Test
    void bundledBicubicRowsAreExactlyThePaperColumnOfSpecSection7() throws IOException {
        // Read SPEC.md itself, so a typo in the bundled table cannot agree with a typo in this
        // test.
        String fixtures = System.getProperty("srgrn.fixtures", "");
        Path spec = fixtures.isEmpty() ? null : Path.of(fixtures).resolveSibling("SPEC.md");
        assumeTrue(
                spec != null && Files.isRegularFile(spec),
                "SPEC.md not found beside srgrn.fixtures='" + fixtures + "'");
        Pattern row =
                Pattern.compile(
                        "^\\| (BI|BD) x(\\d) \\| (\\w+) \\| ([\\d.]+)/([\\d.]+) \\|",
                        Pattern.MULTILINE);
        Matcher m = row.matcher(Files.readString(spec));
        Map<String, double[]> paper = new HashMap<>();
        while (m.find()) {
            paper.put(
                    m.group(1) + " x" + m.group(2) + " " + m.group(3),
                    new double[] {Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))});
        }
        assertThat(paper).hasSize(12);
        List<PublishedResults.Entry> bicubic =
                PublishedResults.bundled().entries().stream()
                        .filter(e -> e.method().equals("Bicubic") && !e.degradation().equals("DN"))
                        .toList();
        assertThat(bicubic).hasSize(12);
        for (PublishedResults.Entry e : bicubic) {
            double[] p = paper.get(e.degradation() + " x" + e.scale() + " " + e.set());
            assertThat(p).as(e.toString()).isNotNull();
            assertThat(e.psnr()).as(e.toString()).isEqualTo(p[0]);
            assertThat(e.ssim()).as(e.toString()).isEqualTo(p[1]);
            assertThat(e.parameters()).isNull();
        }
    }

    @Test
    void bundledTableHasASourceAndPlausibleNumbersOnEveryLine() {
        List<PublishedResults.Entry> all = PublishedResults.bundled().entries();
        assertThat(all)
                .extracting(PublishedResults.Entry::method)
                .contains("Bicubic", "RDN", "D-DBPN", "EDSR");
        for (PublishedResults.Entry e : all) {
            assertThat(e.source()).isNotBlank();
            assertThat(e.set()).isIn("Set5", "Set14", "B100");
            // Every learned model beats the same setting's published Bicubic row.
            if (!e.method().equals("Bicubic")) {
                PublishedResults.Entry bicubic =
                        all.stream()
                                .filter(
                                        b ->
                                                b.method().equals("Bicubic")
                                                        && b.degradation().equals(e.degradation())
                                                        && b.scale() == e.scale()
                                                        && b.set().equals(e.set()))
                                .findFirst()
                                .orElseThrow(() -> new AssertionError("no Bicubic row for " + e));
                assertThat(e.psnr()).as(e.toString()).isGreaterThan(bicubic.psnr());
                assertThat(e.parameters()).as(e.toString()).isGreaterThan(1_000_000L);
            }
        }
    }

    @Test
    void rowsGroupOneTableByMethodInFileOrder() {
        PublishedResults p =
                PublishedResults.parse(
                        H
                                + "A,100,BI,4,Set5,30.10,0.8500,paper A\n"
                                + "B,,BI,4,Set14,26.00,,\"book, p. 3\"\n"
                                + "A,100,BI,4,Set14,27.20,0.7700,paper A\n"
                                + "A,100,BI,2,Set5,37.00,0.9500,paper A\n"
                                + "A,100,BD,4,Set5,29.00,0.8000,paper A\n",
                        "t.csv");
        List<EvalResults.Row> rows = p.rows("BI", 4, List.of("Set5", "Set14"));
        assertThat(rows).extracting(EvalResults.Row::method).containsExactly("A", "B");
        assertThat(rows.get(0).means().keySet()).containsExactly("Set5", "Set14");
        assertThat(rows.get(0).means().get("Set14").psnr()).isEqualTo(27.2);
        assertThat(rows.get(0).parameters()).isEqualTo(100L);
        assertThat(rows.get(0).published()).isTrue();
        assertThat(rows.get(1).source()).isEqualTo("book, p. 3");
        assertThat(rows.get(1).means().get("Set14").ssim()).isNaN();
        assertThat(p.rows("BI", 4, List.of("B100"))).isEmpty();
        assertThat(p.rows("BI", 2, List.of("Set5")))
                .singleElement()
                .satisfies(
                        r -> assertThat(r.means().get("Set5").psnr()).isCloseTo(37.0, within(0.0)));
    }

    @Test
    void badLinesAreRefusedNamingFileLineAndColumn() {
        assertThatThrownBy(() -> PublishedResults.parse("method,psnr\n", "x.csv"))
                .hasMessageContaining("x.csv line 1")
                .hasMessageContaining("expected the header");
        assertRefused("A,1,BI,5,Set5,30,0.8,s", "line 2, column scale: '5' is not 2, 3 or 4");
        assertRefused(
                "A,1,XX,4,Set5,30,0.8,s", "line 2, column degradation: 'XX' is not BI, BD or DN");
        assertRefused(
                "A,1,BI,4,Set5,thirty,0.8,s", "line 2, column psnr: 'thirty' is not a number");
        assertRefused(
                "A,1,BI,4,Set5,300,0.8,s", "line 2, column psnr: 300.0 dB is outside (0, 100)");
        assertRefused("A,1,BI,4,Set5,30,1.5,s", "line 2, column ssim: 1.5 is outside (0, 1]");
        assertRefused(
                "A,-3,BI,4,Set5,30,0.8,s",
                "line 2, column parameters: '-3' is not a positive whole number");
        assertRefused("A,1,BI,4,Set5,30,0.8,", "line 2, column source: is empty");
        assertRefused("A,1,BI,4,Set5,30,0.8", "line 2: expected 8 fields");
        assertRefused("A,1,BI,4,Set5,30,0.8,\"open", "line 2: unterminated quote in field 8");
        assertRefused(
                "A,1,BI,4,Set5,30,0.8,s\nA,1,BI,4,Set5,31,0.8,t",
                "line 3: A BI x4 Set5 is already given on line 2");
    }

    private static void assertRefused(String body, String message) {
        assertThatThrownBy(() -> PublishedResults.parse(H + body + "\n", "in.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in.csv " + message);
    }

    @Test
    void aFileThatRepeatsABundledRowWithOtherNumbersIsRefused() throws IOException {
        Path f =
                Files.writeString(
                        dir.resolve("mine.csv"),
                        H + "RDN,22000000,BI,4,Set5,32.50,0.9000,my notes\n");
        assertThatThrownBy(() -> PublishedResults.bundled().plus(PublishedResults.read(f)))
                .hasMessageContaining("RDN BI x4 Set5 are given twice with different numbers")
                .hasMessageContaining("my notes");
    }

    @Test
    void aFileThatRepeatsABundledRowWithTheSameNumbersIsMergedNamingBothSources()
            throws IOException {
        PublishedResults.Entry rdn =
                PublishedResults.bundled().entries().stream()
                        .filter(
                                e ->
                                        e.method().equals("RDN")
                                                && e.degradation().equals("BI")
                                                && e.scale() == 4
                                                && e.set().equals("Set5"))
                        .findFirst()
                        .orElseThrow();
        Path f =
                Files.writeString(
                        dir.resolve("mine.csv"),
                        H
                                + "RDN,22000000,BI,4,Set5,"
                                + rdn.psnr()
                                + ","
                                + rdn.ssim()
                                + ",my notes\n");
        PublishedResults merged = PublishedResults.bundled().plus(PublishedResults.read(f));
        assertThat(merged.entries()).hasSize(PublishedResults.bundled().entries().size());
        assertThat(merged.entries())
                .filteredOn(
                        e ->
                                e.method().equals("RDN")
                                        && e.scale() == 4
                                        && e.set().equals("Set5")
                                        && e.degradation().equals("BI"))
                .singleElement()
                .satisfies(
                        e ->
                                assertThat(e.source())
                                        .startsWith(rdn.source())
                                        .endsWith("; also my notes"));
    }

    @Test
    void theSrgrnPapersTablesAddTheirRowsBesideTheBundledOnes() throws IOException {
        Path paper = Path.of("../../shared/data/paper/paper-tables.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isRegularFile(paper), "needs ../shared/data/paper");
        assertThatThrownBy(() -> PublishedResults.bundled().plus(PublishedResults.read(paper)))
                .hasMessageContaining("RDN BD x3 Set5 are given twice with different numbers");
        PublishedResults all =
                PublishedResults.bundled().overriddenBy(PublishedResults.read(paper));
        assertThat(all.entries())
                .anyMatch(
                        e ->
                                e.method().equals("RDN")
                                        && e.degradation().equals("BD")
                                        && e.set().equals("Set5")
                                        && e.psnr() == 34.57
                                        && e.source()
                                                .startsWith("SRGRN paper Table 3 (Zhang et al.")
                                        && e.source().endsWith("section 1: 34.58/0.9280)"));
        assertThat(all.entries())
                .anyMatch(
                        e ->
                                e.method().equals("SRCNN")
                                        && e.scale() == 2
                                        && e.set().equals("Set5")
                                        && e.psnr() == 36.66);
        assertThat(all.entries())
                .anyMatch(
                        e ->
                                e.method().equals("SRGRN")
                                        && e.scale() == 4
                                        && e.set().equals("Set5"));
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("nope.csv");
        assertThatThrownBy(() -> PublishedResults.read(f))
                .hasMessage("published results file not found: " + f);
    }

    @Test
    void csvLinesParseQuotesAndEmptyFields() {
        assertThat(Csv.parseLine("a,\"b, c\",\"say \"\"hi\"\"\","))
                .containsExactly("a", "b, c", "say \"hi\"", "");
        assertThat(Csv.parseLine("")).containsExactly("");
        assertThatThrownBy(() -> Csv.parseLine("\"a\"b,c"))
                .hasMessageContaining("text after the closing quote of field 1");
        // What Csv.line writes, parseLine reads back.
        List<String> fields = List.of("x", "1,2", "q\"uote", "");
        assertThat(Csv.parseLine(Csv.line(fields).stripTrailing())).isEqualTo(fields);
    }
}
