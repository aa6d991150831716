package dlfs.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * {@code System.out} and {@code System.err} inside the kernel: bytes go on to Jupyter at every
 * line end, at every {@code \r} (so {@code print("\rstep " + i)} updates a progress line in
 * place), and at least every {@link #PERIOD_MS} ms while a cell runs. Without this a long
 * training cell would show its output only when it finished.
 */
final class LiveOutput extends OutputStream {
    static final long PERIOD_MS = 100;

    private final PrintStream target;
    private boolean dirty;

    LiveOutput(PrintStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) {
        target.write(b);
        dirty = true;
        if (b == '\n' || b == '\r') {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        target.write(b, off, len);
        dirty = true;
        for (int i = off + len - 1; i >= off; i--) {
            if (b[i] == '\n' || b[i] == '\r') {
                flush();
                break;
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (dirty) {
            dirty = false;
            target.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** Flushes {@code streams} every {@link #PERIOD_MS} ms on a daemon thread. */
    static void startFlusher(LiveOutput... streams) {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
                for (LiveOutput s : streams) {
                    s.flush();
                }
            }
        }, "dlfs-output-flusher");
        t.setDaemon(true);
        t.start();
    }
}
