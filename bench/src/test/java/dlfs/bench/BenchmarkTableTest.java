package dlfs.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The benchmark's table and notes (no timing here: the numbers are made up). */
class BenchmarkTableTest {
    @Test
    void timesCompareAsRatiosAndAccuraciesAsPoints() {
        assertEquals("2.00x faster", new Benchmark.Row("two_layer", "seconds for 10,000 iterations", 3, 6, false).ratio());
        assertEquals("0.50x slower", new Benchmark.Row("two_layer", "seconds for 10,000 iterations", 6, 3, false).ratio());
        assertEquals("1.10x faster", new Benchmark.Row("matmul", "GFLOPS 1024^3 float64 (native BLAS)", 110, 100, true).ratio());
        assertEquals("-2.0 points", new Benchmark.Row("two_layer", "test accuracy", 0.85, 0.87, true).ratio());
        assertEquals("", new Benchmark.Row("two_layer", "test accuracy", 0.85, Double.NaN, true).ratio());
    }

    @Test
    void notesStateTheTargetAndWhetherTheMatmulFloorIsAboveIt() {
        List<Benchmark.Row> rows = List.of(
                new Benchmark.Row("two_layer", "seconds for 10,000 iterations", 6.0, 6.6, false),
                new Benchmark.Row("two_layer", Workloads.MATMUL_FLOOR, 4.5, Double.NaN, false),
                new Benchmark.Row("two_layer", "test accuracy", 0.85, 0.87, true));
        String notes = Benchmark.notes(rows);
        assertTrue(notes.contains("half of numpy's time, 3.30 s"), notes);
        assertTrue(notes.contains("alone take 4.50 s") && notes.contains("above the target"), notes);
        assertTrue(notes.contains("one run each"), notes);
        String fast = Benchmark.notes(List.of(new Benchmark.Row("two_layer", "seconds for 10,000 iterations", 6.0, 6.6, false),
                new Benchmark.Row("two_layer", Workloads.MATMUL_FLOOR, 2.0, Double.NaN, false)));
        assertFalse(fast.contains("above the target"), fast);
        assertEquals("", Benchmark.notes(List.of(new Benchmark.Row("matmul", "us/call (100x50)@(50x10)", 5, Double.NaN, false))));
    }
}
