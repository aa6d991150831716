package dlfs.plot;

import dlfs.data.LoadOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import dlfs.nd.NDArray;

class ImagesTest {

    /** Eight 28x28 images: image k has a white vertical bar in column 4 + 2k, rows 4..23. */
    private static NDArray bars(int n) {
        NDArray x = NDArray.zeros(n, 784);
        for (int k = 0; k < n; k++) {
            for (int r = 4; r < 24; r++) {
                x.set(1.0, k, r * 28 + 4 + 2 * k);
            }
        }
        return x;
    }

    @Test
    void digitGridPlacesPixelsAndMarksWrongPredictions() throws Exception {
        NDArray x = bars(8);
        int[] t = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] right = t.clone();
        BufferedImage ok = Images.digitGrid(x, t, right, 4);
        // cells: 84 + 6 wide, 84 + 2 * 16 + 6 + 4 high; 4 columns, 2 rows, 6 px margin
        int cellW = 90, cellH = 126;
        Png.save(ok, "ch3_digits_all_right", 4 * cellW + 6, 2 * cellH + 6);
        assertEquals(0, Png.count(ok, 0xd62728, 30), "red drawn though every prediction is right");
        // image 5 (row 1, col 1): its bar is at column 14, scaled x3; the pixel left of it is black
        int x0 = 6 + cellW, y0 = 6 + cellH + 36;
        assertEquals(255, Png.gray(ok, x0 + 14 * 3 + 1, y0 + 10 * 3 + 1));
        assertEquals(0, Png.gray(ok, x0 + 13 * 3 + 1, y0 + 10 * 3 + 1));

        int[] wrong = t.clone();
        wrong[2] = 9;
        BufferedImage bad = Images.digitGrid(x.reshape(8, 1, 28, 28), t, wrong, 4);
        Png.save(bad, "ch3_digits_one_wrong", 4 * cellW + 6, 2 * cellH + 6);
        BufferedImage third = bad.getSubimage(6 + 2 * cellW, 6, cellW - 6, cellH - 6);
        BufferedImage first = bad.getSubimage(6, 6, cellW - 6, cellH - 6);
        assertTrue(Png.count(third, 0xd62728, 30) > 100, "wrong prediction not in red");
        assertEquals(0, Png.count(first, 0xd62728, 30));

        BufferedImage noLabels = Images.digitGrid(x.reshape(8, 28, 28).mul(255.0), null, null, 8);
        Png.save(noLabels, "ch3_digits_no_labels", 8 * cellW + 6, 84 + 12);
    }

    @Test
    void shippedDigitsWithTheirLabels() throws Exception {
        dlfs.data.Dataset d = dlfs.data.Datasets.digits(LoadOptions.normalized()).head(10, 20);
        int[] t = d.tTest().toIntArray();
        BufferedImage img = Images.digitGrid(d.xTest(), t, null, 10);
        int cellW = 90, cellH = 84 + 16 + 6 + 4;
        Png.save(img, "ch3_shipped_digits", 10 * cellW + 6, 2 * cellH + 6);
        for (int k = 0; k < 20; k++) {
            BufferedImage digit = img.getSubimage(6 + (k % 10) * cellW, 6 + (k / 10) * cellH + 20, 84, 84);
            int white = Png.count(digit, 0xffffff, 127);   // pixels brighter than half
            // a handwritten digit covers roughly 2-40% of its 28x28 box (a thin 1 about 4%)
            assertTrue(white > 84 * 84 / 50 && white < 84 * 84 * 2 / 5, "digit " + k + " (" + t[k] + "): " + white);
        }
    }

    @Test
    void digitGridNamesBadShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Images.digitGrid(NDArray.zeros(3, 780), null, null, 3));
        assertTrue(e.getMessage().contains("(3, 780)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> Images.digitGrid(NDArray.zeros(3, 784), new int[] {1, 2}, null, 3));
        assertTrue(e.getMessage().contains("2 true labels"), e.getMessage());
    }

    @Test
    void filterGridScalesEachFilterToGrayR() throws Exception {
        // 30 filters 5x5 like SimpleConvNet's; filter f has its largest weight at (f % 5, f / 6)
        NDArray w = NDArray.zeros(30, 1, 5, 5);
        for (int f = 0; f < 30; f++) {
            for (int i = 0; i < 25; i++) {
                w.set(0.01 * f * (i % 3), f, 0, i / 5, i % 5);   // small varying weights, scale differs per filter
            }
            w.set(1.0 + f, f, 0, f % 5, f / 6);
        }
        BufferedImage img = Images.filterGrid(w, 8);
        int scale = 12, cell = 5 * scale + 6;
        Png.save(img, "ch7_filters", 8 * cell + 6, 4 * cell + 6);
        for (int f = 0; f < 30; f++) {
            int x0 = 6 + (f % 8) * cell, y0 = 6 + (f / 8) * cell;
            // the filter's maximum is black in gray_r
            assertEquals(0, Png.gray(img, x0 + (f / 6) * scale + 5, y0 + (f % 5) * scale + 5), "filter " + f);
        }
        // a 3-channel conv layer is shown as RGB, 16 channels need an explicit channel
        Png.save(Images.filterGrid(NDArray.randn(8, 3, 3, 3), 4), "ch7_filters_rgb", 4 * 66 + 6, 2 * 66 + 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Images.filterGrid(NDArray.zeros(4, 16, 3, 3), 4));
        assertTrue(e.getMessage().contains("(4, 16, 3, 3)"), e.getMessage());
        Png.save(Images.filterGrid(NDArray.randn(4, 16, 3, 3), 5, 4), "ch7_filters_channel5", 4 * 66 + 6, 66 + 6);
    }

    @Test
    void featureMaps() throws Exception {
        NDArray maps = NDArray.zeros(2, 3, 12, 12);
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 12; i++) {
                    for (int j = 0; j < 12; j++) {
                        maps.set(Math.sin((i + n) * (c + 1) / 3.0) * Math.cos(j / 4.0), n, c, i, j);
                    }
                }
            }
        }
        int cell = 12 * 5 + 6;
        Png.save(Images.featureMaps(maps), "ch7_feature_maps", 3 * cell + 6, 2 * cell + 6);
        Png.save(Images.featureMaps(maps.reshape(6, 12, 12)), "ch7_feature_maps_3d", 6 * cell + 6, cell + 6);
        assertThrows(IllegalArgumentException.class, () -> Images.featureMaps(NDArray.zeros(12, 12)));
    }

    /** Gray levels at the centres of the cells of an image drawn {@code scale} times enlarged. */
    private static int[][] cellGrays(BufferedImage img, int rows, int cols, int scale) {
        int[][] g = new int[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                g[i][j] = Png.gray(img, j * scale + scale / 2, i * scale + scale / 2);
            }
        }
        return g;
    }

    @Test
    void im2colOfValues0To3ShowsItsOwnRange() throws Exception {
        // notebook 08: the 4x9 im2col matrix of a 4x4 input with values 0..3 used to be read as
        // gray levels out of 255, a black rectangle; now 0 is black, 3 white, 1 and 2 between
        NDArray input = NDArray.of(new double[][] {{1, 2, 3, 0}, {0, 1, 2, 3}, {3, 0, 1, 2}, {2, 3, 0, 1}});
        NDArray col = dlfs.layers.Im2Col.im2col(input.reshape(1, 1, 4, 4), 3, 3, 1, 0);
        BufferedImage img = Images.image(col, 40);
        Png.save(img, "ch8_im2col_col", 9 * 40, 4 * 40);
        int[][] g = cellGrays(img, 4, 9, 40);
        java.util.Set<Integer> levels = new java.util.TreeSet<>();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 9; j++) {
                int expected = (int) Math.round(255 * col.get(i, j) / 3);
                assertEquals(expected, g[i][j], "cell (" + i + ", " + j + ") of value " + col.get(i, j));
                levels.add(g[i][j]);
            }
        }
        assertEquals(java.util.Set.of(0, 85, 170, 255), levels);
        // on the fixed byte scale the same matrix is (nearly) black, as before
        BufferedImage bytes = Images.image(col, 40, 0, 255);
        for (int[] row : cellGrays(bytes, 4, 9, 40)) {
            for (int v : row) {
                assertTrue(v <= 3, "gray " + v + " on the 0..255 scale");
            }
        }
    }

    @Test
    void mnistDigitsLookTheSameNormalizedOrRaw() throws Exception {
        dlfs.data.Dataset d = dlfs.data.Datasets.digits(LoadOptions.normalized()).head(10, 8);
        NDArray unit = d.xTest();                       // pixels in [0, 1]
        NDArray raw = unit.mul(255.0);                  // the same digits as 0..255
        BufferedImage a = Images.digitGrid(unit, null, null, 8);
        BufferedImage b = Images.digitGrid(raw, null, null, 8);
        BufferedImage c = Images.digitGrid(unit, null, null, 8, 0, 1);
        assertEquals(0, differingPixels(a, b), "[0, 1] and 0..255 pixels drawn differently");
        assertEquals(0, differingPixels(a, c), "the default is not the 0..1 scale for MNIST pixels");
        BufferedImage one = Images.image(unit.slice(0, 1).reshape(28, 28), 4);
        assertEquals(0, differingPixels(one, Images.image(raw.slice(0, 1).reshape(28, 28), 4)));
        assertEquals(0, differingPixels(one, Images.image(raw.slice(0, 1).reshape(28, 28), 4, 0, 255)));
        // gray: the background black, the strokes light
        assertTrue(Png.count(one, 0x000000, 0) > one.getWidth() * one.getHeight() / 2, "background not black");
        assertTrue(Png.count(one, 0xffffff, 60) > 16 * 20, "strokes not light");
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) == b.getRGB(x, y) ? 0 : 1;
            }
        }
        return n;
    }

    @Test
    void constantImagesAreMidGray() throws Exception {
        for (double v : new double[] {0, 7, -1e300, Double.MAX_VALUE, Double.MIN_VALUE}) {
            NDArray flat = NDArray.zeros(3, 5).add(v);
            assertEquals(128, Png.gray(Images.image(flat, 4), 5, 5), "constant " + v);
            BufferedImage maps = Images.featureMaps(NDArray.zeros(2, 3, 3).add(v));
            assertEquals(128, Png.gray(maps, 6 + 10, 6 + 10), "feature map of constant " + v);
            BufferedImage filters = Images.filterGrid(NDArray.zeros(2, 1, 3, 3).add(v), 2);
            assertEquals(127, Png.gray(filters, 6 + 10, 6 + 10), "gray_r filter of constant " + v);
        }
        // a scale of its own is checked: lo < hi, finite
        NDArray x = NDArray.zeros(2, 2);
        assertThrows(IllegalArgumentException.class, () -> Images.image(x, 4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Images.image(x, 4, 0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Images.digitGrid(NDArray.zeros(1, 4), null, null, 1, 2, 1));
    }

    @Test
    void nanIsRefusedNamingTheImage() {
        NDArray digits = NDArray.zeros(4, 16);
        digits.set(Double.NaN, 2, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Images.digitGrid(digits, null, null, 4));
        assertTrue(e.getMessage().startsWith("digitGrid: image 2 has 1 NaN value (first at element 5)"), e.getMessage());
        NDArray one = NDArray.zeros(3, 3);
        one.set(Double.NEGATIVE_INFINITY, 1, 1);
        e = assertThrows(IllegalArgumentException.class, () -> Images.image(one, 4));
        assertTrue(e.getMessage().startsWith("image: the image has 1 infinite value"), e.getMessage());
        NDArray w = NDArray.zeros(3, 1, 2, 2);
        w.set(Double.NaN, 1, 0, 1, 1);
        e = assertThrows(IllegalArgumentException.class, () -> Images.filterGrid(w, 3));
        assertTrue(e.getMessage().startsWith("filterGrid: filter 1 has 1 NaN value"), e.getMessage());
        NDArray maps = NDArray.zeros(2, 3, 2, 2);
        maps.set(Double.NaN, 1, 2, 0, 0);
        e = assertThrows(IllegalArgumentException.class, () -> Images.featureMaps(maps));
        assertTrue(e.getMessage().startsWith("featureMaps: map 5 has 1 NaN value"), e.getMessage());
    }

    @Test
    void singleImage() throws Exception {
        BufferedImage img = Images.image(bars(1).reshape(28, 28), 4);
        Png.save(img, "ch3_one_image", 112, 112);
        assertEquals(255, Png.gray(img, 4 * 4 + 1, 10 * 4 + 1));
    }
}
