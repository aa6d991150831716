package dlfs.plot;

import java.util.Map;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Small Tablesaw tables for the notebooks (the kernel renders a {@link Table} as HTML, and
 * {@code table.print()} gives text): ch2 truth tables of the logic gates, the confusion matrix of
 * a classifier (ch3-ch8), and columns of numbers such as a training history or the results of the
 * ch6 hyperparameter search.
 *
 * <p>Values are kept as they are, at any magnitude, NaN and ±Infinity included (a diverged run's
 * NaN loss is information in a results table); a table of no rows is a table of no rows.
 */
public final class Tables {

    private Tables() {
    }

    /**
     * Named columns of equal length as a table, e.g. {@code Tables.of(new String[] {"lr", "val acc"}, lr, acc)}.
     */
    public static Table of(String[] names, double[]... columns) {
        return of("", names, columns);
    }

    /** {@link #of(String[], double[]...)} with a table name (shown as its title). */
    public static Table of(String tableName, String[] names, double[]... columns) {
        if (names.length != columns.length) {
            throw new IllegalArgumentException("Tables.of: " + names.length + " names but " + columns.length + " columns");
        }
        Table t = Table.create(tableName);
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != columns[0].length) {
                throw new IllegalArgumentException("Tables.of: column '" + names[c] + "' has " + columns[c].length
                    + " values but '" + names[0] + "' has " + columns[0].length);
            }
            t.addColumns(DoubleColumn.create(names[c], columns[c]));
        }
        return t;
    }

    /**
     * Columns by name in the map's order (e.g. a training history {@code {"loss": ..., "train acc": ...}}),
     * after an integer index column {@code indexName} 0, 1, 2, ... (e.g. "epoch"); a null indexName
     * leaves the index out.
     */
    public static Table of(String indexName, Map<String, double[]> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Tables.of: no columns");
        }
        int n = columns.values().iterator().next().length;
        Table t = Table.create("");
        if (indexName != null) {
            IntColumn idx = IntColumn.create(indexName);
            for (int i = 0; i < n; i++) {
                idx.append(i);
            }
            t.addColumns(idx);
        }
        String first = columns.keySet().iterator().next();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("Tables.of: column '" + e.getKey() + "' has " + e.getValue().length
                    + " values but '" + first + "' has " + n);
            }
            t.addColumns(DoubleColumn.create(e.getKey(), e.getValue()));
        }
        return t;
    }

    /** Integer rows as a table: rows[i][c] goes to column names[c]. */
    public static Table ofRows(String[] names, int[][] rows) {
        Table t = Table.create("");
        for (int c = 0; c < names.length; c++) {
            IntColumn col = IntColumn.create(names[c]);
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != names.length) {
                    throw new IllegalArgumentException("Tables.ofRows: row " + i + " has " + rows[i].length
                        + " values but there are " + names.length + " columns");
                }
                col.append(rows[i][c]);
            }
            t.addColumns(col);
        }
        return t;
    }

    /**
     * A ch2 truth table: rows {x1, x2, y} (e.g. from {@code LogicGates.truthTable(LogicGates::and)})
     * as columns x1, x2, y, titled with the gate's name.
     */
    public static Table truthTable(String gate, int[][] rows) {
        Table t = ofRows(new String[] {"x1", "x2", "y"}, rows);
        t.setName(gate);
        return t;
    }

    /**
     * The confusion matrix of a classifier: row i counts the samples of actual class i by predicted
     * class (columns "pred 0" .. "pred k-1"), then the row's total and recall (the fraction of
     * class i predicted right). The diagonal holds the correct predictions.
     */
    public static Table confusionMatrix(int[] predicted, int[] actual, int classes) {
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException("confusionMatrix: " + predicted.length + " predictions but "
                + actual.length + " actual labels");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("confusionMatrix: classes must be >= 1, got " + classes);
        }
        int[][] m = new int[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            if (actual[i] < 0 || actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("confusionMatrix: sample " + i + " has actual " + actual[i]
                    + ", predicted " + predicted[i] + ", outside classes 0.." + (classes - 1));
            }
            m[actual[i]][predicted[i]]++;
        }
        Table t = Table.create("confusion matrix (rows: actual, columns: predicted)");
        IntColumn act = IntColumn.create("actual");
        for (int c = 0; c < classes; c++) {
            act.append(c);
        }
        t.addColumns(act);
        for (int p = 0; p < classes; p++) {
            IntColumn col = IntColumn.create("pred " + p);
            for (int a = 0; a < classes; a++) {
                col.append(m[a][p]);
            }
            t.addColumns(col);
        }
        IntColumn total = IntColumn.create("total");
        DoubleColumn recall = DoubleColumn.create("recall");
        for (int a = 0; a < classes; a++) {
            int s = 0;
            for (int p = 0; p < classes; p++) {
                s += m[a][p];
            }
            total.append(s);
            recall.append(s == 0 ? Double.NaN : m[a][a] / (double) s);
        }
        t.addColumns(total, recall);
        return t;
    }
}
