package dlfs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/** Output reaches Jupyter in coalesced chunks, whole characters, within the data-rate budget; bundles convert to Jupyter's form; the warm-up runs. */
class LiveOutputTest {
    /** Records what each flush would send to Jupyter. */
    static final class Recorder extends ByteArrayOutputStream {
        final List<String> sent = new ArrayList<>();

        @Override
        public synchronized void flush() {
            if (size() > 0) {
                sent.add(toString(StandardCharsets.UTF_8));
                reset();
            }
        }
    }

    private static PrintStream cellPrinting(Recorder jupyter, LiveOutput.Budget budget) {
        return new PrintStream(new LiveOutput(new PrintStream(jupyter, false, StandardCharsets.UTF_8), budget), false,
                StandardCharsets.UTF_8);
    }

    private static LiveOutput.Budget unlimited() {
        return new LiveOutput.Budget(Long.MAX_VALUE, 1);
    }

    @Test
    void linesGatherUntilAFlushThenGoAsOneMessage() {
        Recorder jupyter = new Recorder();
        PrintStream cell = cellPrinting(jupyter, unlimited());
        for (int i = 0; i < 1000; i++) {
            cell.println("line " + i);
        }
        cell.print("\rloss 1.1");
        assertEquals(List.of(), jupyter.sent, "nothing is sent line by line");
        cell.flush();  // the periodic flush, or the end of the cell
        assertEquals(1, jupyter.sent.size());
        assertEquals(1000, jupyter.sent.get(0).split("\n", -1).length - 1);
        assertTrue(jupyter.sent.get(0).endsWith("line 999\n\rloss 1.1"));
    }

    @Test
    void aLongOutputGoesInChunksThatNeverSplitACharacter() {
        Recorder jupyter = new Recorder();
        PrintStream cell = cellPrinting(jupyter, unlimited());
        String line = "é€😀 ".repeat(7) + "\n";  // 2-, 3- and 4-byte characters
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            cell.print(line);
            all.append(line);
        }
        cell.flush();
        assertTrue(jupyter.sent.size() > 5, "sent in chunks of at most " + LiveOutput.CHUNK_BYTES + " bytes");
        for (String chunk : jupyter.sent) {
            assertTrue(chunk.getBytes(StandardCharsets.UTF_8).length <= LiveOutput.CHUNK_BYTES);
            assertFalse(chunk.contains("\uFFFD"), "a character was split between messages");
        }
        assertEquals(all.toString(), String.join("", jupyter.sent));
    }

    @Test
    void theBudgetMakesAFastPrinterWaitInsteadOfDroppingOutput() {
        LiveOutput.Budget budget = new LiveOutput.Budget(40_000, 200_000_000L);  // 40 kB per 0.2 s
        Recorder jupyter = new Recorder();
        PrintStream cell = cellPrinting(jupyter, budget);
        long t0 = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            cell.println("0123456789");  // 110 kB in all
        }
        cell.flush();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds >= 0.35, "110 kB at 40 kB per 0.2 s needs two waits, took " + seconds + " s");
        assertEquals(110_000, String.join("", jupyter.sent).length());
    }

    @Test
    void aTrainingRunIsOneDisplayUpdatedInPlace() {
        List<String> events = new ArrayList<>();
        ProgressBar bar = new ProgressBar((bundle, id, first) -> events.add((first ? "display " : "update ") + id + " "
                + bundle.get(MimeBundle.TEXT) + " | " + bundle.has(MimeBundle.HTML)));
        bar.show(new dlfs.train.Progress.Status("Net", 10, 100, 1, 2, 0.5, Double.NaN, Double.NaN, 1, false, false));
        bar.show(new dlfs.train.Progress.Status("Net", 100, 100, 2, 2, 0.25, 0.9, 0.8, 10, true, false));
        assertEquals(2, events.size());
        String id = events.get(0).split(" ")[1];
        assertTrue(id.startsWith("dlfs-progress-"), id);
        assertEquals("display " + id + " Net  10%  epoch 1/2  iter 10/100  loss 0.5000  9.0 s left | true", events.get(0));
        assertEquals("update " + id + " Net 100%  epoch 2/2  iter 100/100  loss 0.2500  train 0.9000 test 0.8000  done in 10.0 s | true",
                events.get(1));
        String html = ProgressBar.render(new dlfs.train.Progress.Status("<Net>", 5, 10, 0, 0, Double.NaN, Double.NaN, Double.NaN, 1, false, false))
                .get(MimeBundle.HTML);
        assertTrue(html.contains("width:50%") && html.contains("&lt;Net&gt;"), html);
    }

    @Test
    void warmUpRunsTheCellsStartShRecords() throws Exception {
        JavaKernel.warmUp();  // throws if its chart did not render
    }

    @Test
    void bundlesBecomeDisplayDataWithMetadata() {
        MimeBundle b = new MimeBundle().put(MimeBundle.PNG, "iVBOR").put(MimeBundle.TEXT, "<chart>")
                .putMetadata(MimeBundle.PNG, Map.of("width", 300));
        DisplayData d = JavaKernel.toDisplayData(b);
        assertEquals("iVBOR", d.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG));
        assertEquals("<chart>", d.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
    }
}
