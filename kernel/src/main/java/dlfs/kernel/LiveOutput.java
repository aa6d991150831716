package dlfs.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * {@code System.out} and {@code System.err} inside the kernel: what a cell prints is collected
 * and sent to Jupyter as one stream message every {@link #PERIOD_MS} ms, whenever
 * {@link #CHUNK_BYTES} have gathered, and at the end of the cell (Jupyter's {@code flush}).
 *
 * <p>One message per printed line would lose output: Jupyter's server drops stream messages past
 * 1,000 a second ({@code iopub_msg_rate_limit}) and the kernel's own message queue drops past
 * its high-water mark. Coalescing keeps a cell printing 100,000 lines to about a hundred
 * messages. All streams of the kernel share one {@link Budget} that keeps the bytes sent under
 * Jupyter's default data rate (1 MB/s over 3 s): past it, the printing cell waits, so nothing is
 * dropped. A progress line rewritten with {@code \r} still updates in place, about 20 times a
 * second.
 */
final class LiveOutput extends OutputStream {
    static final long PERIOD_MS = 50;
    static final int CHUNK_BYTES = 16 * 1024;

    private final OutputStream target;
    private final Budget budget;
    private final byte[] buf = new byte[CHUNK_BYTES];
    private int count;

    /** {@code target} receives one {@code write} and one {@code flush} per message. */
    LiveOutput(OutputStream target, Budget budget) {
        this.target = target;
        this.budget = budget;
    }

    LiveOutput(OutputStream target) {
        this(target, new Budget(Budget.JUPYTER_BYTES_PER_WINDOW, Budget.JUPYTER_WINDOW_NANOS));
    }

    @Override
    public synchronized void write(int b) {
        buf[count++] = (byte) b;
        if (count == CHUNK_BYTES) {
            send();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, CHUNK_BYTES - count);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
            if (count == CHUNK_BYTES) {
                send();
            }
        }
    }

    /** Sends what has gathered (the periodic flush and the end of a cell). */
    @Override
    public synchronized void flush() {
        if (count > 0) {
            send();
        }
    }

    /** Sends the buffer up to its last whole UTF-8 character, so no character is split between messages. */
    private void send() {
        int n = wholeCharacters(buf, count);
        if (n == 0) {
            n = count;  // not UTF-8 at all: send it as it is
        }
        budget.take(n);
        try {
            target.write(buf, 0, n);
            target.flush();
        } catch (IOException e) {
            // Jupyter's streams do not throw; a closed stream has nowhere to report to
        }
        System.arraycopy(buf, n, buf, 0, count - n);
        count -= n;
    }

    /** Length of the longest prefix of {@code b[0..n)} that ends on a UTF-8 character boundary. */
    static int wholeCharacters(byte[] b, int n) {
        int start = n - 1;
        while (start >= 0 && start > n - 4 && (b[start] & 0xC0) == 0x80) {
            start--;
        }
        if (start < 0) {
            return 0;
        }
        int lead = b[start] & 0xFF;
        int len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return start + len <= n ? n : start;
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

    /**
     * Bytes allowed per sliding window, shared by the streams of one kernel: {@link #take} waits
     * until sending {@code n} more bytes keeps the window under its limit.
     */
    static final class Budget {
        /** Jupyter drops output past 1 MB/s averaged over 3 s; stay at 80% of that. */
        static final long JUPYTER_BYTES_PER_WINDOW = 2_400_000;
        static final long JUPYTER_WINDOW_NANOS = 3_000_000_000L;

        private final long limit;
        private final long windowNanos;
        private final ArrayDeque<long[]> sent = new ArrayDeque<>();  // {time, bytes}
        private long inWindow;

        Budget(long limit, long windowNanos) {
            this.limit = limit;
            this.windowNanos = windowNanos;
        }

        synchronized void take(int n) {
            while (true) {
                long now = System.nanoTime();
                while (!sent.isEmpty() && now - sent.peekFirst()[0] >= windowNanos) {
                    inWindow -= sent.pollFirst()[1];
                }
                if (sent.isEmpty() || inWindow + n <= limit) {
                    sent.addLast(new long[] {now, n});
                    inWindow += n;
                    return;
                }
                long waitNanos = windowNanos - (now - sent.peekFirst()[0]);
                try {
                    wait(Math.max(1, waitNanos / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();  // an interrupted cell: send now, let it stop
                    sent.addLast(new long[] {now, n});
                    inWindow += n;
                    return;
                }
            }
        }
    }
}
