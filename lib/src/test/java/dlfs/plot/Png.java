package dlfs.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

/** Test helper: saves a figure under target/plots/ and checks it is a real, non-blank PNG. */
final class Png {

    static final Path DIR = Path.of("target", "plots");
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Png() {
    }

    /** Writes the figure, reads the file back and checks signature, size and that pixels vary. */
    static BufferedImage save(Object figure, String name, int width, int height) throws IOException {
        Path file = Charts.toPng(figure, DIR.resolve(name + ".png"));
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 8, "empty PNG " + file);
        byte[] head = new byte[8];
        System.arraycopy(bytes, 0, head, 0, 8);
        assertArrayEquals(SIGNATURE, head, "PNG signature of " + file);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(width, img.getWidth(), "width of " + file);
        assertEquals(height, img.getHeight(), "height of " + file);
        assertTrue(dominantShare(img) < 0.995, "blank image " + file + ": one colour covers "
            + dominantShare(img) * 100 + "% of it");
        return img;
    }

    /** The share of the pixels taken by the most frequent colour. */
    static double dominantShare(BufferedImage img) {
        java.util.Map<Integer, Integer> n = new java.util.HashMap<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n.merge(img.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        int max = n.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return max / (double) (img.getWidth() * img.getHeight());
    }

    static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 1) {
            for (int x = 0; x < img.getWidth(); x += 1) {
                seen.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    /** Number of pixels close to the colour rgb (each channel within tol). */
    static int count(BufferedImage img, int rgb, int tol) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) <= tol
                    && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) <= tol
                    && Math.abs((p & 255) - (rgb & 255)) <= tol) {
                    n++;
                }
            }
        }
        return n;
    }

    static int gray(BufferedImage img, int x, int y) {
        int p = img.getRGB(x, y);
        return (((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255)) / 3;
    }
}
