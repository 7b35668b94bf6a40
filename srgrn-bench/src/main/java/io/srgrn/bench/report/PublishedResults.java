package io.srgrn.bench.report;

import java.util.Map;
import java.util.Optional;

/**
 * Published numbers this project can cite: the paper's Bicubic rows (Table 2 for BI, Table 3 for
 * BD), as quoted in the "paper" column of SPEC.md section 7. SPEC.md does not quote the paper's
 * SRGRN rows or the other methods' parameter counts, so none are reproduced here: plots and tables
 * show those only as measured.
 */
public final class PublishedResults {
    /** Mean PSNR (dB) and SSIM over a set, as printed in the paper. */
    public record Cell(double psnr, double ssim) {}

    public static final String SOURCE = "paper Tables 2-3, quoted in SPEC.md section 7";

    private static final Map<String, Cell> BICUBIC = Map.ofEntries(
            Map.entry("BI x2 Set5", new Cell(33.66, 0.9299)),
            Map.entry("BI x2 Set14", new Cell(30.24, 0.8688)),
            Map.entry("BI x2 B100", new Cell(29.56, 0.8431)),
            Map.entry("BI x3 Set5", new Cell(30.39, 0.8682)),
            Map.entry("BI x3 Set14", new Cell(27.55, 0.7742)),
            Map.entry("BI x3 B100", new Cell(27.21, 0.7385)),
            Map.entry("BI x4 Set5", new Cell(28.42, 0.8104)),
            Map.entry("BI x4 Set14", new Cell(26.00, 0.7027)),
            Map.entry("BI x4 B100", new Cell(25.96, 0.6675)),
            Map.entry("BD x3 Set5", new Cell(28.78, 0.8308)),
            Map.entry("BD x3 Set14", new Cell(26.38, 0.7271)),
            Map.entry("BD x3 B100", new Cell(26.33, 0.6918)));

    private PublishedResults() {}

    /** The paper's Bicubic mean for a degradation ("BI", "BD"), scale and set, if it is quoted. */
    public static Optional<Cell> bicubic(String degradation, int scale, String set) {
        return Optional.ofNullable(BICUBIC.get(degradation + " x" + scale + " " + set));
    }
}
