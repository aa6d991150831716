package dlfs.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import dlfs.Course;

/** Charts in the notebook's language: the words from {@link Course#text}, fonts that draw Chinese. */
class ChineseChartsTest {

    @AfterEach
    void reset() {
        Course.lang(null);
    }

    @Test
    void englishChartsKeepTheirWordsAndSansSerif() {
        Course.lang("en");
        XYChart c = Plots.lossCurve(new double[] {3, 2, 1}, 2);
        assertEquals("training loss", c.getTitle());
        assertEquals("iteration", c.getXAxisTitle());
        assertEquals("loss", c.getYAxisTitle());
        assertEquals(List.of("loss", "moving average (2)"), List.copyOf(c.getSeriesMap().keySet()));
        assertEquals(Font.SANS_SERIF, c.getStyler().getChartTitleFont().getFamily());
        XYChart a = Plots.accuracyCurves(new double[] {0.5, 0.9}, new double[] {0.4, 0.8});
        assertEquals(List.of("train acc", "test acc"), List.copyOf(a.getSeriesMap().keySet()));
    }

    @Test
    void chineseChartsUseTheChineseEditionsWords() {
        Course.lang("zh");
        XYChart c = Plots.lossCurve(new double[] {3, 2, 1}, 2);
        assertEquals("损失函数值的推移", c.getTitle());
        assertEquals("迭代次数", c.getXAxisTitle());
        assertEquals("损失函数值", c.getYAxisTitle());
        assertEquals(List.of("损失函数值", "移动平均（2）"), List.copyOf(c.getSeriesMap().keySet()));
        XYChart a = Plots.accuracyCurves(new double[] {0.5, 0.9}, new double[] {0.4, 0.8});
        assertEquals("识别精度", a.getYAxisTitle());
        assertEquals(List.of("训练数据", "测试数据"), List.copyOf(a.getSeriesMap().keySet()));
        XYChart h = Plots.hyperparameterScatter(new double[] {1e-3}, new double[] {1e-6}, new double[] {0.3});
        assertEquals("学习率", h.getXAxisTitle());
        assertEquals("权值衰减", h.getYAxisTitle());
    }

    /**
     * The fonts of a Chinese chart draw its Chinese words: each character's glyph exists in the
     * font and paints differently from the font's missing-glyph box. Without a CJK font on the
     * machine this is skipped, naming the package to install.
     */
    @Test
    void chineseTitlesAreDrawnWithGlyphsNotBoxes() throws Exception {
        Assumptions.assumeTrue(Charts.cjkFontFamily().isPresent(),
            "no font with Chinese glyphs is installed, so Chinese chart text would show as boxes: install "
                + Charts.CJK_FONT_PACKAGE + " (Debian/Ubuntu: sudo apt-get install " + Charts.CJK_FONT_PACKAGE
                + "; ./start.sh does) or any CJK font (fonts-noto-cjk)");
        Course.lang("zh");
        XYChart c = Plots.lossCurve(new double[] {3, 2.5, 1.2, 1.1, 0.7}, 2);
        Png.save(c, "zh_loss_curve", Charts.WIDTH, Charts.HEIGHT);
        String words = c.getTitle() + c.getXAxisTitle() + c.getYAxisTitle() + String.join("", c.getSeriesMap().keySet());
        for (Font f : List.of(c.getStyler().getChartTitleFont(), c.getStyler().getAxisTitleFont(),
                c.getStyler().getLegendFont())) {
            assertEquals(-1, f.canDisplayUpTo(words), f + " cannot draw '" + words + "'");
            assertDrawsGlyphs(f, c.getTitle().replace("的", "") + "迭代次数训练数据测试数据");
        }
        BufferedImage grid = Images.digitGrid(dlfs.nd.NDArray.zeros(2, 28, 28), new int[] {1, 2}, new int[] {1, 3}, 2);
        Png.save(grid, "zh_digit_grid", grid.getWidth(), grid.getHeight());
    }

    private static void assertDrawsGlyphs(Font font, String text) {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        int missing = font.getMissingGlyphCode();
        int[] box = pixels(font.createGlyphVector(frc, new int[] {missing}));
        for (int i = 0; i < text.length(); i++) {
            String ch = text.substring(i, i + 1);
            GlyphVector gv = font.createGlyphVector(frc, ch);
            assertNotEquals(missing, gv.getGlyphCode(0), font + ": no glyph for " + ch);
            int[] drawn = pixels(gv);
            assertFalse(Arrays.equals(box, drawn), font + " draws " + ch + " as its missing-glyph box");
            assertTrue(Arrays.stream(drawn).anyMatch(p -> (p & 0xff) < 128), font + " draws nothing for " + ch);
        }
    }

    private static int[] pixels(GlyphVector gv) {
        BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 40);
        g.setColor(Color.BLACK);
        g.drawGlyphVector(gv, 4, 30);
        g.dispose();
        return img.getRGB(0, 0, 40, 40, null, 0, 40);
    }
}
