import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * How far apart two images of the same size are, sample by sample: {@code java scripts/PngDiff.java
 * A.png B.png} prints how many samples differ, the largest difference and the PSNR over all samples
 * (8-bit). Used for the large-image comparisons in docs/RESULTS.md; reads a row at a time, so an
 * 8000x8000 pair needs no more heap than the two decoded images.
 */
public class PngDiff {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java scripts/PngDiff.java A.png B.png");
            System.exit(2);
        }
        BufferedImage a = ImageIO.read(new File(args[0]));
        BufferedImage b = ImageIO.read(new File(args[1]));
        Raster ra = a.getRaster();
        Raster rb = b.getRaster();
        int w = a.getWidth();
        int h = a.getHeight();
        int bands = ra.getNumBands();
        if (b.getWidth() != w || b.getHeight() != h || rb.getNumBands() != bands) {
            System.err.printf(
                    "%s is %dx%dx%d but %s is %dx%dx%d%n",
                    args[0], w, h, bands, args[1], b.getWidth(), b.getHeight(), rb.getNumBands());
            System.exit(1);
        }
        int[] rowA = new int[w * bands];
        int[] rowB = new int[w * bands];
        double squares = 0;
        long differing = 0;
        int largest = 0;
        for (int y = 0; y < h; y++) {
            ra.getPixels(0, y, w, 1, rowA);
            rb.getPixels(0, y, w, 1, rowB);
            for (int i = 0; i < rowA.length; i++) {
                int d = rowA[i] - rowB[i];
                if (d != 0) {
                    differing++;
                    largest = Math.max(largest, Math.abs(d));
                }
                squares += (double) d * d;
            }
        }
        double mse = squares / ((double) w * h * bands);
        System.out.printf(
                "%dx%dx%d: %d samples differ, by at most %d; PSNR %s%n",
                w,
                h,
                bands,
                differing,
                largest,
                mse == 0 ? "infinite (identical)" : String.format("%.2f dB", 10 * Math.log10(255.0 * 255 / mse)));
    }
}
