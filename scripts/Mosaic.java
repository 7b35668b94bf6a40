import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * A WIDTH x HEIGHT RGB PNG made of the PNGs of a folder laid side by side in name order, row by
 * row, each at its own size (repeating the folder if it runs out): a large natural image for the
 * large-image measurements of docs/RESULTS.md. JDK only:
 * java scripts/Mosaic.java SRC_DIR OUT.png WIDTH HEIGHT
 */
public class Mosaic {
    public static void main(String[] args) throws Exception {
        File[] files = new File(args[0]).listFiles((d, n) -> n.endsWith(".png"));
        java.util.Arrays.sort(files);
        int width = Integer.parseInt(args[2]);
        int height = Integer.parseInt(args[3]);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        int x = 0, y = 0, rowHeight = 0, i = 0;
        while (y < height) {
            BufferedImage tile = ImageIO.read(files[i++ % files.length]);
            g.drawImage(tile, x, y, null);
            rowHeight = Math.max(rowHeight, tile.getHeight());
            x += tile.getWidth();
            if (x >= width) {
                x = 0;
                y += rowHeight;
                rowHeight = 0;
            }
        }
        g.dispose();
        if (!ImageIO.write(out, "png", new File(args[1]))) {
            throw new IllegalStateException("no PNG writer");
        }
    }
}
