package dlfs.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import dlfs.nd.NDArray;

/**
 * {@link Images} on the degenerate arrays of {@link Gen} and on seeded random values of every
 * magnitude: every picture renders to PNG, and its gray scale is the data's own range (the
 * smallest value black, the largest white; mid-gray when the values are all equal).
 */
class ImagesPropertyTest {

    /** The distinct gray levels of an image (it is gray: r = g = b). */
    private static java.util.Set<Integer> grays(BufferedImage img) {
        java.util.Set<Integer> g = new java.util.TreeSet<>();
        for (int p : img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth())) {
            g.add(p & 255);
        }
        return g;
    }

    private static void assertOwnRange(BufferedImage img, double[] values, String input) {
        java.util.Set<Integer> g = grays(img);
        double[] mm = Ranges.finiteMinMax(values);
        if (Ranges.isFlat(mm[0], mm[1])) {
            assertEquals(java.util.Set.of(128), g, input + ": a flat image is not mid-gray");
        } else {
            assertTrue(g.contains(0) && g.contains(255), input + ": min and max are not black and white: " + g);
        }
    }

    @Test
    void imageShowsAnyFiniteValuesOnTheirOwnRange() {
        Gen gen = new Gen(21);
        for (double[] v : gen.arrays(40, 120)) {
            int w = 1 + gen.random().nextInt(v.length);
            int h = v.length / w;
            double[] px = java.util.Arrays.copyOf(v, w * h);
            NDArray img = NDArray.of(px).reshape(h, w);
            String input = h + "x" + w + " " + Gen.show(px);
            BufferedImage out = Images.image(img, 3);
            assertEquals(3 * w, out.getWidth(), input);
            Png.encode(out);
            assertOwnRange(out, px, input);
        }
    }

    @Test
    void gridsOfDigitsFiltersAndMapsRenderAnyFiniteValues() {
        Gen gen = new Gen(22);
        for (int k = 0; k < 30; k++) {
            int n = 1 + gen.random().nextInt(6);
            int side = 1 + gen.random().nextInt(6);
            double[] v = k < Gen.DEGENERATE.length ? cycle(Gen.DEGENERATE[k], n * side * side) : gen.values(n * side * side);
            String input = n + " of " + side + "x" + side + ": " + Gen.show(v);
            NDArray a = NDArray.of(v);
            BufferedImage digits = Images.digitGrid(a.reshape(n, side * side), null, null, 1 + gen.random().nextInt(4));
            Png.encode(digits);
            Png.encode(Images.featureMaps(a.reshape(n, side, side)));
            Png.encode(Images.featureMaps(a.reshape(1, n, side, side)));
            Png.encode(Images.filterGrid(a.reshape(n, 1, side, side), 3));
            int digitsBlack = Png.count(digits, 0x000000, 0);
            int digitsWhite = Png.count(digits, 0xffffff, 0);
            double[] mm = Ranges.finiteMinMax(v);
            if (!Ranges.isFlat(mm[0], mm[1])) {
                assertTrue(digitsBlack > 0, input + ": no black pixel for the minimum");
                assertTrue(digitsWhite > 0, input + ": no white pixel for the maximum");
            }
            double[] rgb = gen.values(3 * 4 * 4 * n);
            Png.encode(Images.filterGrid(NDArray.of(rgb).reshape(n, 3, 4, 4), 4));
        }
    }

    private static double[] cycle(double[] d, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = d[i % d.length];
        }
        return out;
    }
}
