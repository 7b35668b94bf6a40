import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Test images for the scripts (run with the single-file launcher: {@code java scripts/Png.java ...}).
 * {@code make FILE W H}: a seeded random RGB image; {@code size FILE}: prints WxH.
 */
public class Png {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("make")) {
            int w = Integer.parseInt(args[2]);
            int h = Integer.parseInt(args[3]);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    img.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            ImageIO.write(img, "png", new File(args[1]));
        } else {
            BufferedImage img = ImageIO.read(new File(args[1]));
            System.out.println(img.getWidth() + "x" + img.getHeight());
        }
    }
}
