package dlfs.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ChartsTest {

    @Test
    void pngBytesAtScaleTwoHaveTwiceThePixels() throws Exception {
        XYChart c = Plots.line(new double[] {0, 1, 2}, new double[] {0, 1, 4}, "squares");
        BufferedImage one = ImageIO.read(new ByteArrayInputStream(Charts.toPngBytes(c)));
        BufferedImage two = ImageIO.read(new ByteArrayInputStream(Charts.toPngBytes(c, 2.0)));
        assertEquals(640, one.getWidth());
        assertEquals(420, one.getHeight());
        assertEquals(1280, two.getWidth());
        assertEquals(840, two.getHeight());
        Png.save(Charts.toImage(c, 2.0), "chart_scale2", 1280, 840);
        // painted at another size, the chart lays itself out again
        Png.save(Charts.paint(c, 900, 300, 1.0), "chart_900x300", 900, 300);
    }

    @Test
    void gridOfChartsAndImages() throws Exception {
        XYChart a = Plots.line(new double[] {0, 1}, new double[] {0, 1}, "a");
        BufferedImage b = Images.image(dlfs.nd.NDArray.eye(8), 10);
        BufferedImage g = Charts.grid(List.of(a, b, a), 2, 300, 200);
        Png.save(g, "grid", 600, 400);
        // the image sits centred in cell 2: its top-left pixel (white, the diagonal) at (300 + 110, 60)
        assertEquals(255, Png.gray(g, 300 + 110 + 2, 60 + 2));
        assertEquals(0, Png.gray(g, 300 + 110 + 15, 60 + 2));
        assertEquals(0xffffff, g.getRGB(300 + 50, 200 + 100) & 0xffffff);   // empty 4th cell stays white
    }

    @Test
    void rejectsWhatIsNotAFigure() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.toPngBytes("chart"));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Charts.toPngBytes(new BufferedImage(2, 2, 1), 0));
    }

    @Test
    void gridsOfExtremeChartsAndImagesRender() {
        Gen gen = new Gen(44);
        java.util.List<Object> panels = new java.util.ArrayList<>();
        for (double[] y : Gen.DEGENERATE) {
            panels.add(Plots.line(Gen.arange(y.length), y, Gen.show(y)));
        }
        panels.add(Images.image(dlfs.nd.NDArray.of(gen.values(12)).reshape(3, 4), 10));
        java.awt.image.BufferedImage g = Charts.grid(panels, 5, 200, 150);
        assertEquals(5 * 200, g.getWidth());
        assertEquals(((panels.size() + 4) / 5) * 150, g.getHeight());
        // every chart cell shows its curve
        for (int i = 0; i < Gen.DEGENERATE.length; i++) {
            java.awt.image.BufferedImage cell = g.getSubimage((i % 5) * 200, (i / 5) * 150, 200, 150);
            assertTrue(Png.count(cell, Charts.color(0).getRGB() & 0xffffff, 40) >= 5, "no curve in cell " + i);
        }
        Png.encode(g);
        Png.encode(Charts.toImage(g, 0.5));
        Png.encode(Charts.toImage(panels.get(0), 2.0));
    }
}
