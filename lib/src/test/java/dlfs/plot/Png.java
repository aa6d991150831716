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

    /**
     * Renders a figure the way the kernel does (a chart painted at {@code width x height}, an
     * image as it is) and encodes it as PNG, without writing a file: the property tests' fast
     * path. Checks the PNG bytes' signature and that the picture is not one colour; returns the
     * painted picture (the pixels the PNG holds) for further checks.
     */
    static BufferedImage render(Object figure, int width, int height) {
        BufferedImage img = figure instanceof org.knowm.xchart.internal.chartpart.Chart<?, ?> chart
            ? Charts.paint(chart, width, height, 1.0) : Charts.toImage(figure);
        encode(img);
        double share = dominantShare(img);
        assertTrue(share < 0.999, "blank image: one colour covers " + share * 100 + "% of it");
        return img;
    }

    /**
     * Encodes a picture as PNG (the kernel's path) and checks the bytes; no blankness check, since
     * a picture of a constant array is rightly one gray. Returns the picture.
     */
    static BufferedImage encode(BufferedImage img) {
        byte[] bytes = Charts.toPngBytes(img);
        assertTrue(bytes.length > 50, "PNG of " + bytes.length + " bytes");
        assertArrayEquals(SIGNATURE, java.util.Arrays.copyOf(bytes, 8), "PNG signature");
        return img;
    }

    /** The colour {@code rgb} painted with alpha {@code alpha} (0..255) over white, as Java2D blends it (to ±1). */
    static int overWhite(int rgb, int alpha) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int c = (rgb >> shift) & 255;
            out = (out << 8) | (int) Math.round((c * alpha + 255 * (255 - alpha)) / 255.0);
        }
        return out;
    }

    /** The share of the pixels taken by the most frequent colour. */
    static double dominantShare(BufferedImage img) {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xffffff;
        }
        java.util.Arrays.sort(px);
        int max = 0;
        for (int i = 0, run = 0; i < px.length; i++) {
            run = i > 0 && px[i] == px[i - 1] ? run + 1 : 1;
            max = Math.max(max, run);
        }
        return max / (double) px.length;
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
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        int n = 0;
        for (int p : px) {
            if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) <= tol
                && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) <= tol
                && Math.abs((p & 255) - (rgb & 255)) <= tol) {
                n++;
            }
        }
        return n;
    }

    static int gray(BufferedImage img, int x, int y) {
        int p = img.getRGB(x, y);
        return (((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255)) / 3;
    }
}
