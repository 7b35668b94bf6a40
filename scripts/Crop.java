import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * The central SIZE x SIZE pixels of every PNG in a folder, written as PNG into another folder
 * (scripts/spark-bench.sh's inputs). JDK only: java scripts/Crop.java SRC_DIR DST_DIR SIZE
 */
public class Crop {
    public static void main(String[] args) throws Exception {
        File src = new File(args[0]);
        File dst = new File(args[1]);
        int size = Integer.parseInt(args[2]);
        dst.mkdirs();
        File[] files = src.listFiles((d, n) -> n.endsWith(".png"));
        java.util.Arrays.sort(files);
        for (File f : files) {
            BufferedImage img = ImageIO.read(f);
            int top = (img.getHeight() - size) / 2;
            int left = (img.getWidth() - size) / 2;
            if (!ImageIO.write(img.getSubimage(left, top, size, size), "png", new File(dst, f.getName()))) {
                throw new IllegalStateException("no PNG writer for " + f);
            }
        }
    }
}
