package dlfs.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

class TablesTest {

    @Test
    void confusionMatrixCountsByActualRowAndPredictedColumn() {
        int[] actual = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] predicted = {0, 0, 1, 1, 1, 2, 2, 0, 1};
        Table t = Tables.confusionMatrix(predicted, actual, 3);
        assertEquals(List.of("actual", "pred 0", "pred 1", "pred 2", "total", "recall"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(2, t.intColumn("pred 0").get(0));
        assertEquals(1, t.intColumn("pred 1").get(0));
        assertEquals(1, t.intColumn("pred 0").get(2));
        assertEquals(1, t.intColumn("pred 1").get(2));
        assertEquals(2, t.intColumn("pred 2").get(2));
        assertEquals(4, t.intColumn("total").get(2));
        assertEquals(2.0 / 3, t.doubleColumn("recall").get(0), 1e-12);
        assertEquals(1.0, t.doubleColumn("recall").get(1), 1e-12);
        assertEquals(0.5, t.doubleColumn("recall").get(2), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Tables.confusionMatrix(new int[] {3}, new int[] {0}, 3));
        assertTrue(e.getMessage().contains("predicted 3"), e.getMessage());
    }

    @Test
    void truthTableOfAnd() {
        Table t = Tables.truthTable("AND", new int[][] {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 1}});
        assertEquals("AND", t.name());
        assertEquals(List.of("x1", "x2", "y"), t.columnNames());
        assertEquals(1, t.intColumn("y").get(3));
        assertEquals(0, t.intColumn("y").get(2));
        assertTrue(t.print().contains("x1"));
        assertThrows(IllegalArgumentException.class, () -> Tables.truthTable("AND", new int[][] {{0, 0}}));
    }

    @Test
    void columnsAndHistory() {
        Table t = Tables.of(new String[] {"lr", "val acc"}, new double[] {1e-3, 1e-2}, new double[] {0.81, 0.9});
        assertEquals(0.9, t.doubleColumn("val acc").get(1), 0);
        assertThrows(IllegalArgumentException.class,
            () -> Tables.of(new String[] {"a", "b"}, new double[] {1}, new double[] {1, 2}));

        Map<String, double[]> h = new LinkedHashMap<>();
        h.put("train acc", new double[] {0.1, 0.8, 0.9});
        h.put("test acc", new double[] {0.1, 0.79, 0.88});
        Table hist = Tables.of("epoch", h);
        assertEquals(List.of("epoch", "train acc", "test acc"), hist.columnNames());
        assertEquals(2, hist.intColumn("epoch").get(2));
        assertEquals(0.88, hist.doubleColumn("test acc").get(2), 0);
    }
}
