package dlfs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/** Output reaches Jupyter at line ends and carriage returns; bundles convert to Jupyter's form; the warm-up runs. */
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

    @Test
    void flushesAtNewlineAndCarriageReturnOnly() {
        Recorder jupyter = new Recorder();
        PrintStream cell = new PrintStream(new LiveOutput(new PrintStream(jupyter, false, StandardCharsets.UTF_8)), false,
                StandardCharsets.UTF_8);
        cell.print("loss 2.3");
        cell.flush();  // PrintStream.flush reaches LiveOutput.flush: a periodic flush sends what is there
        cell.print("\rloss 1.1");
        cell.print(" acc 0.5");
        assertEquals(List.of("loss 2.3", "\rloss 1.1"), jupyter.sent.subList(0, 2));
        cell.println();
        assertEquals(List.of("loss 2.3", "\rloss 1.1", " acc 0.5\n"), jupyter.sent);
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
