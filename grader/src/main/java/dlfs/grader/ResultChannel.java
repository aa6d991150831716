package dlfs.grader;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How the test JVM tells the grader what happened, in a way the student's code in that JVM cannot
 * forge. The grader never reads a file the test JVM can write.
 *
 * <p><b>Design.</b> The parent draws a fresh 256-bit key for every test JVM and writes it (with
 * the run's settings) to the child's standard input, which {@link ChildMain} reads to the end
 * before any student class is loaded and then replaces with an empty stream. The key is kept only
 * inside a JCA {@link Mac} held in a private static field of this class. Every result record goes
 * to the child's original standard output (a pipe the parent reads) as one line
 * {@code DLFS-RESULT <seq> <hmac> <fields…>}, where the HMAC-SHA256 covers the sequence number and
 * the fields. {@code System.out} and {@code System.err} in the child both go to its standard
 * error, so a student's printing never reaches the channel (printed lines made to look like records
 * are counted and named by the {@link Grader}); {@link BytecodeCheck} refuses
 * {@code FileDescriptor} and the file streams, so student code has no other way to the descriptor.
 * The parent accepts a record only with a valid MAC and a sequence number above the last one it
 * accepted; anything else that looks like a record is counted as forged and named in the report,
 * and other lines are ignored. Each record is written with one
 * {@code write} of at most {@link #MAX_RECORD} bytes, which a pipe delivers whole, after a newline,
 * so a student's partial line cannot swallow it.
 *
 * <p><b>Why the student's code cannot compute a MAC.</b> It runs in the same JVM, so the key must
 * be unreachable from it: reaching a private static of another class needs reflection, method
 * handles, {@code sun.misc.Unsafe}, native code (JNI or the foreign-function API), an agent, or
 * reading the process's own memory through {@code /proc/self/mem}. {@link BytecodeCheck} refuses,
 * before anything runs, student classes that use any of these (or define classes from bytes, which
 * would bring in unchecked code, or open any file), and the OS sandbox ({@link Isolation}) has no
 * {@code /proc} besides. Without the OS sandbox the report says "not isolated".
 */
final class ResultChannel {
    static final String PREFIX = "DLFS-RESULT";
    /** Below PIPE_BUF (4096 on Linux): a write of this size reaches the pipe in one piece. */
    static final int MAX_RECORD = 4000;
    private static final HexFormat HEX = HexFormat.of();

    // ---- the test JVM's side: set once by ChildMain, reachable only from this package
    private static Mac mac;
    private static OutputStream out;
    private static long seq;

    private ResultChannel() {
    }

    /** A fresh key for one test JVM. */
    static byte[] newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    static Mac mac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("grader: HMAC-SHA256 is not available in this JDK: " + e, e);
        }
    }

    /** In the test JVM: from now on records go, authenticated with {@code key}, to the original standard output. */
    static synchronized void open(byte[] key) {
        if (mac != null) throw new IllegalStateException("grader: the result channel is already open");
        mac = mac(key);
        java.util.Arrays.fill(key, (byte) 0);
        out = new FileOutputStream(FileDescriptor.out);
    }

    /** In the test JVM: sends one record (fields are escaped; long ones are cut to fit one pipe write). */
    static synchronized void send(String... fields) {
        if (mac == null) throw new IllegalStateException("grader: the result channel is not open");
        String payload = payload(fields, MAX_RECORD - 120);
        long n = ++seq;
        String line = "\n" + PREFIX + "\t" + n + "\t" + sign(mac, n, payload) + "\t" + payload + "\n";
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the parent is gone, or the student closed the descriptor: the parent sees the gap
        }
    }

    /** The fields joined by tabs, each escaped, cut (by whole characters) to fit {@code maxBytes}. */
    static String payload(String[] fields, int maxBytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) sb.append('\t');
            sb.append(ChildMain.escape(fields[i] == null ? "" : fields[i]));
        }
        String s = sb.toString();
        while (s.getBytes(StandardCharsets.UTF_8).length > maxBytes) s = s.substring(0, s.length() * 3 / 4) + "…";
        return s;
    }

    static String sign(Mac m, long n, String payload) {
        m.reset();
        return HEX.formatHex(m.doFinal((n + "\t" + payload).getBytes(StandardCharsets.UTF_8)));
    }

    /** The parent's side: checks each line of the child's standard output. */
    static final class Verifier {
        private final Mac mac;
        private long last;
        private int forged;

        Verifier(byte[] key) {
            this.mac = mac(key);
        }

        /** The record's unescaped fields when {@code line} is an authentic, new record; null otherwise. */
        String[] accept(String line) {
            if (!line.startsWith(PREFIX + "\t")) return null;
            String[] parts = line.split("\t", 4);
            long n;
            try {
                n = parts.length == 4 ? Long.parseLong(parts[1]) : -1;
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n <= last || !MessageDigest.isEqual(sign(mac, n, parts[3]).getBytes(StandardCharsets.US_ASCII),
                    parts[2].getBytes(StandardCharsets.US_ASCII))) {
                forged++;
                return null;
            }
            last = n;
            String[] f = parts[3].split("\t", -1);
            for (int i = 0; i < f.length; i++) f[i] = ChildMain.unescape(f[i]);
            return f;
        }

        /** How many lines looked like records but were not authentic (or were replayed). */
        int forged() {
            return forged;
        }
    }
}
