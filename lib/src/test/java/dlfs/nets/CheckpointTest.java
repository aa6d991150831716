package dlfs.nets;

import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CheckpointTest {
    @TempDir
    Path dir;

    private static Map<String, NDArray> params() {
        Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("W1", NDArray.arange(12).mul(0.5).reshape(3, 4));
        m.put("b1", NDArray.of(-1.0, 2.5, 1e-300, Double.MAX_VALUE));
        return m;
    }

    @Test
    void roundTripKeepsEveryValueAndTheLayout() throws Exception {
        Path f = dir.resolve("net.dlfs");
        Checkpoint.save(f, "Test(4)", params());
        // 8 magic + 4 version + (2+7) arch + 4 count + (2+2+4+8+96) + (2+2+4+4+32) + 8 end
        assertEquals(8 + 4 + 9 + 4 + 112 + 44 + 8, Files.size(f));
        Checkpoint c = Checkpoint.read(f);
        assertEquals("Test(4)", c.architecture());
        assertEquals(params(), c.arrays());
        Map<String, NDArray> target = new LinkedHashMap<>();
        target.put("W1", NDArray.zeros(3, 4));
        target.put("b1", NDArray.zeros(4));
        NDArray liveW = target.get("W1");
        c.copyInto("Test(4)", target);
        assertSame(liveW, target.get("W1"));
        assertEquals(params().get("W1"), liveW);
    }

    @Test
    void otherArchitectureTruncatedOrForeignFilesFailClearly() throws Exception {
        Path f = dir.resolve("net.dlfs");
        Checkpoint.save(f, "Test(4)", params());
        Checkpoint c = Checkpoint.read(f);
        Exception e = assertThrows(IllegalArgumentException.class, () -> c.copyInto("Test(5)", params()));
        assertTrue(e.getMessage().contains("file: Test(4)") && e.getMessage().contains("net:  Test(5)"), e.getMessage());

        Map<String, NDArray> wrongShape = params();
        wrongShape.put("W1", NDArray.zeros(4, 3));
        e = assertThrows(IllegalArgumentException.class, () -> c.copyInto("Test(4)", wrongShape));
        assertTrue(e.getMessage().contains("'W1' has shape (3, 4) in the file but (4, 3) in the net"), e.getMessage());

        Map<String, NDArray> missing = new LinkedHashMap<>(params());
        missing.remove("b1");
        e = assertThrows(IllegalArgumentException.class, () -> c.copyInto("Test(4)", missing));
        assertTrue(e.getMessage().contains("[W1, b1]"), e.getMessage());

        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.dlfs");
        Files.write(cut, Arrays.copyOf(all, all.length - 20));
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        Path other = dir.resolve("other.bin");
        Files.writeString(other, "hello, this is not a parameter file");
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(other));
        assertTrue(e.getMessage().contains("not a DLFS parameter file"), e.getMessage());
    }
}
