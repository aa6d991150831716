package dlfs.data;

import dlfs.Course;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Downloads the full MNIST (60,000 training and 10,000 test images, chapter 3.6) into
 * {@code data/mnist/} of the project, the way the book's {@code dataset/mnist.py} does, but
 * robust to what users of the book's code hit: the original site answering 403.
 *
 * <p>Each of the four files is fetched on its own: the mirrors are tried in order; a mirror
 * that fails (HTTP error, network error, or a file whose MD5 is not the known one) is noted and
 * the next one tried. A file is downloaded to a temporary {@code .part} file next to its target,
 * verified, then moved into place, so {@code data/mnist/} never holds a half-written file.
 * A file already there with the right MD5 is reused without any request. When every mirror
 * fails the error lists each mirror and what it answered.
 *
 * <p>The MD5s are torchvision's, the same published checksums every mirror must match.
 */
public final class Mnist {
    private Mnist() {
    }

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    /** The four files with their MD5 checksums (as published by torchvision). */
    public static final Map<String, String> MD5 = md5Table();

    /**
     * Public mirrors, tried in this order. The first two are the ones torchvision and
     * TensorFlow use; the last is the original site, which often answers 403 nowadays.
     */
    public static final List<URI> MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            URI.create("http://yann.lecun.com/exdb/mnist/"));

    private static final int CONNECT_TIMEOUT_MS = 20_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    private static final int MAX_REDIRECTS = 5;

    private static Map<String, String> md5Table() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TRAIN_IMAGES, "f68b3c2dcbeaaa9fbdd348bbdeb94873");
        m.put(TRAIN_LABELS, "d53e105ee54ea40749a09fcbcd1e9432");
        m.put(TEST_IMAGES, "9fb629c4189551a2d022fa330f9573f3");
        m.put(TEST_LABELS, "ec29112dd5afa0611ce80d1b7f02629c");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** {@code data/mnist/} under the project root, where the full MNIST is cached. */
    public static Path dir() {
        return Course.dataDir().resolve("mnist");
    }

    /** Downloads (or finds cached) all four files into {@link #dir()} from {@link #MIRRORS}. */
    public static Path download() {
        return download(dir(), MIRRORS);
    }

    /**
     * Downloads (or finds cached) all four MNIST files into dir, trying the mirrors in order.
     *
     * Each file is tried even when another failed, so whatever can be fetched is cached.
     *
     * @return dir
     * @throws DataFileException naming each file no mirror could deliver, with every mirror
     *                           and what it answered
     */
    public static Path download(Path dir, List<URI> mirrors) {
        List<String> failed = new ArrayList<>();
        for (String file : MD5.keySet()) {
            try {
                fetch(dir, mirrors, file);
            } catch (DataFileException e) {
                failed.add(e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new DataFileException(dir, "could not download " + failed.size() + " of "
                    + MD5.size() + " MNIST files (the others are cached):\n"
                    + String.join("\n", failed));
        }
        return dir;
    }

    /** One of the four MNIST files (by name, e.g. {@link #TEST_LABELS}) into dir. */
    public static Path fetch(Path dir, List<URI> mirrors, String file) {
        String md5 = MD5.get(file);
        if (md5 == null) {
            throw new IllegalArgumentException("Mnist.fetch: unknown file " + file
                    + ", expected one of " + MD5.keySet());
        }
        return fetch(dir, mirrors, file, md5, System.out);
    }

    /**
     * Any file with a known MD5 into dir: reused when already there with that MD5, else fetched
     * from mirror + file for each mirror in turn until one delivers the right bytes.
     */
    public static Path fetch(Path dir, List<URI> mirrors, String file, String md5, PrintStream log) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("Mnist.fetch: no mirrors given");
        }
        Path target = dir.resolve(file);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataFileException(dir, "cannot create the download directory: " + e, e);
        }
        if (Files.isRegularFile(target)) {
            String have = md5Of(target);
            if (have.equalsIgnoreCase(md5)) {
                log.println("dlfs: " + target + " already there, MD5 verified");
                return target;
            }
            log.println("dlfs: " + target + " has MD5 " + have + ", expected " + md5
                    + ": downloading it again");
        }
        List<String> tried = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI uri = mirror.resolve(file);
            String outcome = tryMirror(uri, dir, target, md5, log);
            if (outcome == null) {
                return target;
            }
            log.println("dlfs:   " + uri + ": " + outcome);
            tried.add("  " + uri + ": " + outcome);
        }
        throw new DataFileException(target, "no mirror delivered it (expected MD5 " + md5 + "):\n"
                + String.join("\n", tried) + "\nDownload " + file + " by hand from any MNIST mirror"
                + " into " + dir + "; it is verified against the MD5 and used.");
    }

    /** Downloads uri into target via a temp file; null on success, else what went wrong. */
    private static String tryMirror(URI uri, Path dir, Path target, String md5, PrintStream log) {
        Path part = null;
        try {
            HttpURLConnection c = open(uri);
            int status = c.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                String msg = c.getResponseMessage();
                c.disconnect();
                return "HTTP " + status + (msg == null || msg.isEmpty() ? "" : " " + msg);
            }
            long length = c.getContentLengthLong();
            log.println("dlfs: downloading " + uri + (length > 0
                    ? String.format(" (%.1f MB)", length / 1e6) : ""));
            part = Files.createTempFile(dir, target.getFileName() + ".", ".part");
            MessageDigest digest = newMd5();
            long got = 0;
            try (InputStream in = new DigestInputStream(c.getInputStream(), digest);
                 OutputStream out = Files.newOutputStream(part)) {
                byte[] buf = new byte[1 << 16];
                int nextQuarter = 1;
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    got += n;
                    if (length > 1_000_000 && got * 4 >= nextQuarter * length && nextQuarter < 4) {
                        log.printf("dlfs:   %d%% (%.1f / %.1f MB)%n", 25 * nextQuarter, got / 1e6,
                                length / 1e6);
                        nextQuarter++;
                    }
                }
            }
            if (length >= 0 && got != length) {
                return "connection ended after " + got + " of " + length + " bytes";
            }
            String have = HexFormat.of().formatHex(digest.digest());
            if (!have.equalsIgnoreCase(md5)) {
                return "bad checksum: MD5 " + have + ", expected " + md5 + " (" + got + " bytes)";
            }
            moveIntoPlace(part, target);
            part = null;
            log.println("dlfs:   saved " + target + " (" + got + " bytes, MD5 verified)");
            return null;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a stray .part file is harmless: never read, overwritten by name next time
                }
            }
        }
    }

    /** Opens uri, following redirects (also http to https, which HttpURLConnection won't). */
    private static HttpURLConnection open(URI uri) throws IOException {
        URL url = uri.toURL();
        for (int hop = 0; ; hop++) {
            HttpURLConnection c = (HttpURLConnection) url.openConnection();
            c.setConnectTimeout(CONNECT_TIMEOUT_MS);
            c.setReadTimeout(READ_TIMEOUT_MS);
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("User-Agent", "dlfs-java (MNIST download)");
            int status = c.getResponseCode();
            String location = c.getHeaderField("Location");
            if (status / 100 != 3 || location == null) {
                return c;
            }
            c.disconnect();
            if (hop == MAX_REDIRECTS) {
                throw new IOException("more than " + MAX_REDIRECTS + " redirects");
            }
            try {
                url = url.toURI().resolve(location).toURL();
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                throw new IOException("bad redirect to " + location + ": " + e.getMessage(), e);
            }
        }
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** MD5 of a file, as lowercase hex. */
    public static String md5Of(Path file) {
        MessageDigest digest = newMd5();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }
}
