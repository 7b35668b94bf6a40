package io.srgrn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.srgrn.data.dataset.BenchmarkSet;
import io.srgrn.data.dataset.DataRoot;
import io.srgrn.data.dataset.ImageEntry;
import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.ImageFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bicubic rows of the paper's tables, recomputed from the HR images in the shared data folder.
 *
 * <p>Each SPEC section 7 cell (set means under every protocol) must be reproduced to 0.0005 dB and
 * 0.00002 SSIM: that is the conformance test of the whole pipeline (mod-crop, degradation, MATLAB
 * bicubic upscaling, luma, PSNR, SSIM). Then the paper's own number is checked against the protocol
 * SPEC names for its row.
 */
class BicubicTableTest {

    private static final Logger LOG = LoggerFactory.getLogger(BicubicTableTest.class);

    private static final double SPEC_PSNR_TOL = 0.0005;
    private static final double SPEC_SSIM_TOL = 0.00002;
    private static final double PAPER_PSNR_TOL = 0.01;
    private static final double PAPER_SSIM_TOL = 0.0005;

    /** Column order of SPEC's table. */
    private static final EvaluationOptions[] COLUMNS = {
        EvaluationOptions.of(EvaluationProtocol.RDN, GreyMode.REPLICATE),
        EvaluationOptions.of(EvaluationProtocol.RDN, GreyMode.SINGLE),
        EvaluationOptions.of(EvaluationProtocol.RDN_Y8, GreyMode.REPLICATE),
        EvaluationOptions.of(EvaluationProtocol.RDN_Y8, GreyMode.SINGLE),
        EvaluationOptions.of(EvaluationProtocol.Y_ONLY, GreyMode.SINGLE),
    };

    private static final String[] COLUMN_NAMES = {
        "rdn", "rdn_grey1ch", "rdn_yu8", "rdn_yu8_grey1ch", "y_only"
    };

    /**
     * SPEC section 7, copied: row | set | paper | the five columns (PSNR/SSIM, "-" where undefined)
     * | the column the paper row follows (in brackets: none rounds to the paper, closest given).
     */
    private static final String SPEC_TABLE =
            """
            BI_x2 | Set5  | 33.66/0.9299 | 33.6741/0.93029 | 33.6741/0.93029 | 33.6404/0.92922 | 33.6404/0.92922 | 33.6621/0.92988 | y_only
            BI_x2 | Set14 | 30.24/0.8688 | 30.3263/0.86985 | 30.2319/0.86905 | 30.3138/0.86907 | 30.2200/0.86831 | 30.2335/0.86865 | (y_only)
            BI_x2 | B100  | 29.56/0.8431 | 29.5605/0.84340 | 29.5605/0.84340 | 29.5480/0.84255 | 29.5480/0.84255 | 29.5585/0.84310 | y_only
            BI_x3 | Set5  | 30.39/0.8682 | 30.4047/0.86891 | 30.4047/0.86891 | 30.3864/0.86779 | 30.3864/0.86779 | 30.3936/0.86821 | y_only
            BI_x3 | Set14 | 27.55/0.7742 | 27.6336/0.77588 | 27.5391/0.77447 | 27.6268/0.77511 | 27.5328/0.77374 | 27.5430/0.77361 | (rdn_grey1ch)
            BI_x3 | B100  | 27.21/0.7385 | 27.2097/0.73907 | 27.2097/0.73907 | 27.2024/0.73821 | 27.2024/0.73821 | 27.2079/0.73844 | (y_only)
            BI_x4 | Set5  | 28.42/0.8104 | 28.4302/0.81114 | 28.4302/0.81114 | 28.4177/0.81008 | 28.4177/0.81008 | 28.4220/0.81037 | y_only
            BI_x4 | Set14 | 26.00/0.7027 | 26.0914/0.70480 | 25.9970/0.70292 | 26.0874/0.70411 | 25.9933/0.70226 | 26.0030/0.70187 | (rdn_grey1ch)
            BI_x4 | B100  | 25.96/0.6675 | 25.9620/0.66807 | 25.9620/0.66807 | 25.9565/0.66723 | 25.9565/0.66723 | 25.9613/0.66738 | (y_only)
            BD_x3 | Set5  | 28.78/0.8308 | 28.7913/0.83194 | 28.7913/0.83194 | 28.7766/0.83081 | 28.7766/0.83081 | - | rdn_yu8
            BD_x3 | Set14 | 26.38/0.7271 | 26.4828/0.72957 | 26.3884/0.72781 | 26.4782/0.72880 | 26.3841/0.72708 | - | rdn_yu8_grey1ch
            BD_x3 | B100  | 26.33/0.6918 | 26.3350/0.69268 | 26.3350/0.69268 | 26.3291/0.69183 | 26.3291/0.69183 | - | rdn_yu8
            """;

    private static final Map<String, Map<String, ByteImage>> SETS = new ConcurrentHashMap<>();

    static Stream<Arguments> rows() {
        return SPEC_TABLE
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .map(
                        l -> {
                            String[] f = l.split("\\|");
                            return Arguments.of(f[0].strip(), f[1].strip(), l);
                        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rows")
    void reproducesSpecCellsAndThePapersRow(String degradationName, String set, String line) {
        String[] f = line.split("\\|");
        Map<String, ByteImage> images = load(set);
        Degradation degradation = Degradation.parse(degradationName, 0);
        double[][] got = new double[COLUMNS.length][];
        StringBuilder report = new StringBuilder(degradationName + " " + set + ":");
        for (int c = 0; c < COLUMNS.length; c++) {
            String cell = f[3 + c].strip();
            if (cell.equals("-")) {
                continue;
            }
            SetScore score = new BicubicBaseline(COLUMNS[c]).scoreSet(set, images, degradation);
            got[c] = new double[] {score.meanPsnr(), score.meanSsim()};
            report.append(String.format(" %s=%.4f/%.5f", COLUMN_NAMES[c], got[c][0], got[c][1]));
        }
        LOG.info("{}", report);
        for (int c = 0; c < COLUMNS.length; c++) {
            String cell = f[3 + c].strip();
            if (cell.equals("-")) {
                continue;
            }
            double[] spec = pair(cell);
            assertThat(got[c][0])
                    .as("%s %s %s PSNR (SPEC cell)", degradationName, set, COLUMN_NAMES[c])
                    .isCloseTo(spec[0], within(SPEC_PSNR_TOL));
            assertThat(got[c][1])
                    .as("%s %s %s SSIM (SPEC cell)", degradationName, set, COLUMN_NAMES[c])
                    .isCloseTo(spec[1], within(SPEC_SSIM_TOL));
        }

        double[] paper = pair(f[2].strip());
        String follows = f[8].strip();
        boolean bracketed = follows.startsWith("(");
        int column =
                java.util.Arrays.asList(COLUMN_NAMES)
                        .indexOf(follows.replace("(", "").replace(")", ""));
        assertThat(column).as("protocol column '%s'", follows).isNotNegative();
        double[] ours = got[column];
        if (!bracketed) {
            // The paper's value is this protocol's set mean, rounded as printed.
            assertThat(round(ours[0], 2))
                    .as("%s %s PSNR under %s rounds to the paper's", degradationName, set, follows)
                    .isEqualTo(paper[0]);
            assertThat(round(ours[1], 4))
                    .as("%s %s SSIM under %s rounds to the paper's", degradationName, set, follows)
                    .isEqualTo(paper[1]);
        }
        PaperGap gap = PaperGap.of(degradationName, set);
        assertThat(Math.abs(ours[0] - paper[0]))
                .as("%s %s PSNR under %s vs paper %.2f", degradationName, set, follows, paper[0])
                .isLessThanOrEqualTo(gap.psnr);
        assertThat(Math.abs(ours[1] - paper[1]))
                .as("%s %s SSIM under %s vs paper %.4f", degradationName, set, follows, paper[1])
                .isLessThanOrEqualTo(gap.ssim);
    }

    /**
     * How far a paper cell may be from the protocol SPEC names for it: the 0.01 dB /
     * 0.0005, except where no protocol reaches the paper (documented in docs/DATA.md).
     */
    private record PaperGap(double psnr, double ssim) {
        static PaperGap of(String degradation, String set) {
            if (degradation.equals("BI_x3") && set.equals("Set14")) {
                // Paper 27.55/0.7742: rdn_grey1ch gives 27.5391/0.77447 (-0.0109 dB), y_only
                // 27.5430/0.77361
                // (-0.0070 dB but -0.00059 SSIM); no protocol is within 0.01 dB and 0.0005 at once.
                return new PaperGap(0.012, PAPER_SSIM_TOL);
            }
            return new PaperGap(PAPER_PSNR_TOL, PAPER_SSIM_TOL);
        }
    }

    /**
     * DN x3 on Set5: MATLAB's noise stream cannot be reproduced, so the paper's 24.01 dB is matched
     * only statistically (within 0.1 dB, SSIM within 0.01), with seeded Gaussian noise.
     */
    @Test
    void noisyDegradationMatchesThePaperStatistically() {
        Map<String, ByteImage> images = load("Set5");
        for (EvaluationOptions o :
                new EvaluationOptions[] {
                    EvaluationOptions.of(EvaluationProtocol.RDN, GreyMode.REPLICATE),
                    EvaluationOptions.of(EvaluationProtocol.RDN_Y8, GreyMode.REPLICATE)
                }) {
            for (long seed = 0; seed < 3; seed++) {
                SetScore s = new BicubicBaseline(o).scoreSet("Set5", images, Degradation.dn(seed));
                LOG.info(
                        "DN_x3 Set5 {} seed {}: {}/{}",
                        o.label(),
                        seed,
                        s.meanPsnr(),
                        s.meanSsim());
                assertThat(s.meanPsnr())
                        .as("DN x3 Set5 PSNR (%s, seed %d) vs paper 24.01", o.label(), seed)
                        .isCloseTo(24.01, within(0.1));
                assertThat(s.meanSsim())
                        .as("DN x3 Set5 SSIM (%s, seed %d) vs paper 0.5369", o.label(), seed)
                        .isCloseTo(0.5369, within(0.01));
            }
        }
    }

    private static Map<String, ByteImage> load(String set) {
        Optional<Path> root = DataRoot.find();
        assumeTrue(root.isPresent(), () -> DataRoot.missingReason("the Bicubic table"));
        assumeTrue(
                Files.isDirectory(root.get().resolve(set)),
                () -> set + " is absent under " + root.get());
        return SETS.computeIfAbsent(
                set,
                name -> {
                    try {
                        Map<String, ByteImage> images = new LinkedHashMap<>();
                        for (ImageEntry e : BenchmarkSet.open(root.get(), name).entries()) {
                            images.put(e.id(), ImageFiles.read(e.hrFile()).color8());
                        }
                        return images;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static double[] pair(String cell) {
        String[] p = cell.split("/");
        return new double[] {Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip())};
    }

    private static double round(double v, int decimals) {
        return new java.math.BigDecimal(v)
                .setScale(decimals, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }
}
