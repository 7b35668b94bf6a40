package io.srgrn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.srgrn.data.dataset.DataRoot;
import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RDN protocol against MATLAB itself: RDN's evaluation script printed PSNR/SSIM (6 decimals)
 * for RDN's and RDN+'s SR outputs of Set5 (data/RDN-Set5-matlab/PSNR_SSIM_Results_*_model.txt);
 * every printed value must be reproduced to 1e-5.
 */
class RdnMatlabScoresTest {

    private static final Pattern METHOD = Pattern.compile("Method_\\d+: (\\w+); Set: (\\w+)");
    private static final Pattern LINE =
            Pattern.compile(
                    "x(\\d+) \\d+ (\\w+)_(\\w+)_x\\d+\\.png: PSNR= ([0-9.]+) SSIM= ([0-9.]+)");

    record Printed(String method, int scale, String image, double psnr, double ssim) {}

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BI", "BD", "DN"})
    void reproducesMatlabsPrintedScores(String degradation) throws IOException {
        Path root = DataRoot.find().map(r -> r.resolve("RDN-Set5-matlab")).orElse(null);
        assumeTrue(
                root != null && Files.isDirectory(root),
                () -> DataRoot.missingReason("RDN-Set5-matlab scores"));
        List<Printed> printed =
                parse(root.resolve("PSNR_SSIM_Results_" + degradation + "_model.txt"));
        assertThat(printed)
                .as("per-image lines in the %s results file", degradation)
                .hasSizeGreaterThanOrEqualTo(10);

        Evaluator evaluator = new Evaluator(EvaluationOptions.defaults());
        for (Printed p : printed) {
            ByteImage hr =
                    ImageFiles.read(
                                    root.resolve(
                                            "HR/Set5/x"
                                                    + p.scale()
                                                    + "/"
                                                    + p.image()
                                                    + "_HR_x"
                                                    + p.scale()
                                                    + ".png"))
                            .color8();
            ByteImage sr =
                    ImageFiles.read(
                                    root.resolve(
                                            "SR/"
                                                    + degradation
                                                    + "/"
                                                    + p.method()
                                                    + "/Set5/x"
                                                    + p.scale()
                                                    + "/"
                                                    + p.image()
                                                    + "_"
                                                    + p.method()
                                                    + "_x"
                                                    + p.scale()
                                                    + ".png"))
                            .color8();
            ImageScore score = evaluator.score(p.image(), hr, sr, p.scale());
            assertThat(score.psnr())
                    .as("PSNR of %s %s x%d (%s)", p.method(), p.image(), p.scale(), degradation)
                    .isCloseTo(p.psnr(), within(1e-5));
            assertThat(score.ssim())
                    .as("SSIM of %s %s x%d (%s)", p.method(), p.image(), p.scale(), degradation)
                    .isCloseTo(p.ssim(), within(1e-5));
        }
    }

    private static List<Printed> parse(Path file) throws IOException {
        List<Printed> out = new ArrayList<>();
        String method = null;
        for (String line : Files.readAllLines(file)) {
            Matcher m = METHOD.matcher(line);
            if (m.find()) {
                method = m.group(1);
                continue;
            }
            Matcher l = LINE.matcher(line.trim());
            if (l.matches()) {
                assertThat(l.group(3)).as("method named in %s", line).isEqualTo(method);
                out.add(
                        new Printed(
                                method,
                                Integer.parseInt(l.group(1)),
                                l.group(2),
                                Double.parseDouble(l.group(4)),
                                Double.parseDouble(l.group(5))));
            }
        }
        return out;
    }
}
