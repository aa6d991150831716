package dlfs.bench;

import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.data.LoadOptions;
import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** How simple_conv's epoch holds its data and starts its JVM (no training here: the shipped digits, a few rows). */
class SimpleConvEpochTest {
    @Test
    void pixelBatchesAreTheFloat64ImagesToTheLastBit() {
        Dataset pixels = Datasets.digits(LoadOptions.raw().images().dtype(Dtype.FLOAT32));
        Dataset float64 = Datasets.digits(LoadOptions.normalized().images());
        Workloads.Data d = new Workloads.Data(pixels.xTrain(), pixels.tTrain(), pixels.xTest(), pixels.tTest(), true);
        int[] rows = {0, 7, 7999, 123};
        NDArray batch = d.batch(d.xTrain(), rows, pixels.xTrain().rows(new int[rows.length]));
        assertEquals(Dtype.FLOAT64, batch.dtype());
        assertArrayEquals(float64.xTrain().rows(rows).data(), batch.data()); // numpy's x / 255.0, exactly
        // the float32 run's data is the images loaded in float32: batches are their rows as they are
        Dataset f32 = Datasets.digits(LoadOptions.normalized().images().dtype(Dtype.FLOAT32));
        Workloads.Data d32 = new Workloads.Data(f32.xTrain(), f32.tTrain(), f32.xTest(), f32.tTest(), false);
        NDArray b32 = d32.batch(d32.xTrain(), rows, f32.xTrain().rows(new int[rows.length]));
        assertArrayEquals(float64.xTrain().rows(rows).astype(Dtype.FLOAT32).floatData(), b32.floatData());
    }

    @Test
    void theEpochsJvmHasTheCapForItsOnlyHeapSize() {
        List<String> cmd = SimpleConvEpoch.command(Dtype.FLOAT32);
        assertEquals(1, cmd.stream().filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")).count(), cmd.toString());
        assertTrue(cmd.contains("-Xmx" + SimpleConvEpoch.HEAP_CAP_MIB + "m"), cmd.toString());
        assertEquals(List.of(SimpleConvEpoch.class.getName(), "float32"), cmd.subList(cmd.size() - 2, cmd.size()));
        assertTrue(cmd.get(0).endsWith("java"), cmd.get(0));
    }
}
