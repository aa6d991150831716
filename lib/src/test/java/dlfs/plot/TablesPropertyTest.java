package dlfs.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

/**
 * {@link Tables} on seeded random input: tables of any finite values (and of NaN, which a results
 * table legitimately shows, e.g. for a diverged run), empty ones included, keep every value and
 * print; confusion matrices add up.
 */
class TablesPropertyTest {

    @Test
    void columnsKeepEveryValueAndPrint() {
        Gen gen = new Gen(41);
        for (int k = 0; k < 40; k++) {
            int rows = gen.random().nextInt(8);            // 0 rows too
            int cols = 1 + gen.random().nextInt(4);
            String[] names = new String[cols];
            double[][] columns = new double[cols][];
            for (int c = 0; c < cols; c++) {
                names[c] = "col " + c;
                columns[c] = gen.values(Math.max(1, rows));
                columns[c] = java.util.Arrays.copyOf(columns[c], rows);
                if (rows > 0 && gen.random().nextInt(4) == 0) {
                    columns[c][0] = Double.NaN;
                }
            }
            Table t = Tables.of("table " + k, names, columns);
            assertEquals(rows, t.rowCount());
            assertEquals(java.util.List.of(names), t.columnNames());
            for (int c = 0; c < cols; c++) {
                for (int i = 0; i < rows; i++) {
                    double expected = columns[c][i];
                    double got = t.doubleColumn(names[c]).getDouble(i);
                    assertTrue(Double.compare(expected, got) == 0 || (Double.isNaN(expected) && Double.isNaN(got)),
                        "cell (" + i + ", " + c + "): " + expected + " became " + got);
                }
            }
            String text = t.print();
            for (String n : names) {
                assertTrue(text.contains(n), "printed table lacks column " + n);
            }
            Map<String, double[]> history = new LinkedHashMap<>();
            for (int c = 0; c < cols; c++) {
                history.put(names[c], columns[c]);
            }
            Table h = Tables.of(k % 2 == 0 ? "epoch" : null, history);
            assertEquals(rows, h.rowCount());
            assertEquals(cols + (k % 2 == 0 ? 1 : 0), h.columnCount());
            h.print();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Tables.of(new String[] {"a", "b"}, new double[] {1}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("'b' has 2 values"), e.getMessage());
    }

    @Test
    void confusionMatricesAddUp() {
        Random r = new Random(42);
        for (int k = 0; k < 40; k++) {
            int classes = 1 + r.nextInt(10);
            int n = r.nextInt(200);                         // no samples at all too
            int[] actual = new int[n];
            int[] predicted = new int[n];
            for (int i = 0; i < n; i++) {
                actual[i] = r.nextInt(classes);
                predicted[i] = r.nextBoolean() ? actual[i] : r.nextInt(classes);
            }
            Table t = Tables.confusionMatrix(predicted, actual, classes);
            assertEquals(classes, t.rowCount());
            int total = 0;
            int correct = 0;
            for (int a = 0; a < classes; a++) {
                int rowSum = 0;
                for (int p = 0; p < classes; p++) {
                    rowSum += t.intColumn("pred " + p).getInt(a);
                }
                assertEquals(rowSum, t.intColumn("total").getInt(a));
                double recall = t.doubleColumn("recall").getDouble(a);
                assertTrue(rowSum == 0 ? Double.isNaN(recall) : recall >= 0 && recall <= 1, "recall " + recall);
                total += rowSum;
                correct += t.intColumn("pred " + a).getInt(a);
            }
            assertEquals(n, total);
            int right = 0;
            for (int i = 0; i < n; i++) {
                right += predicted[i] == actual[i] ? 1 : 0;
            }
            assertEquals(right, correct);
            t.print();
        }
    }

    @Test
    void truthTablesAndRows() {
        Random r = new Random(43);
        for (int k = 0; k < 20; k++) {
            int rows = r.nextInt(6);
            int[][] data = new int[rows][3];
            for (int[] row : data) {
                for (int c = 0; c < 3; c++) {
                    row[c] = r.nextInt();
                }
            }
            Table t = Tables.truthTable("gate " + k, data);
            assertEquals(rows, t.rowCount());
            for (int i = 0; i < rows; i++) {
                assertEquals(data[i][2], t.intColumn("y").getInt(i));
            }
            t.print();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Tables.ofRows(new String[] {"a", "b"}, new int[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1 has 1 values"), e.getMessage());
    }
}
