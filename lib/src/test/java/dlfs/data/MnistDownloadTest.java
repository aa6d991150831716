package dlfs.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The download path against mirrors on 127.0.0.1 (never the internet): one answering 403, one
 * serving corrupted bytes, one redirecting, one good.
 */
class MnistDownloadTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private Path served;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @BeforeEach
    void startServer() throws IOException {
        served = Files.createDirectories(tmp.resolve("served"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/forbidden/", ex -> respond(ex, "forbidden", 403, "nope".getBytes()));
        server.createContext("/corrupt/", ex -> {
            if (!Files.isRegularFile(servedFile(ex))) {
                respond(ex, "corrupt", 404, "not here".getBytes());
                return;
            }
            byte[] b = Files.readAllBytes(servedFile(ex));
            b[b.length / 2] ^= 0x01; // one bit flipped, same length
            respond(ex, "corrupt", 200, b);
        });
        server.createContext("/redirect/", ex -> {
            hit("redirect");
            ex.getResponseHeaders().add("Location", "/good/" + fileName(ex));
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/good/", ex -> {
            Path f = servedFile(ex);
            if (Files.isRegularFile(f)) respond(ex, "good", 200, Files.readAllBytes(f));
            else respond(ex, "good", 404, "not here".getBytes());
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI mirror(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/");
    }

    private static String fileName(HttpExchange ex) {
        String p = ex.getRequestURI().getPath();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private Path servedFile(HttpExchange ex) {
        return served.resolve(fileName(ex));
    }

    private void hit(String mirror) {
        requests.computeIfAbsent(mirror, k -> new AtomicInteger()).incrementAndGet();
    }

    private int count(String... mirrors) {
        return Arrays.stream(mirrors).mapToInt(m -> requests.getOrDefault(m, new AtomicInteger()).get()).sum();
    }

    private void respond(HttpExchange ex, String mirror, int status, byte[] body) throws IOException {
        hit(mirror);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    private String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    private static List<Path> partFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".part")).toList();
        }
    }

    /** A made-up IDX file in the served folder; returns its MD5. */
    private String serve(String name, int n) {
        double[] d = new double[n * 28 * 28];
        for (int i = 0; i < d.length; i++) d[i] = (i * 31) % 256;
        IdxReader.write(served.resolve(name), NDArray.of(d, n, 28, 28));
        return Mnist.md5Of(served.resolve(name));
    }

    @Test
    void skips403AndBadChecksumThenCachesTheGoodFile() throws IOException {
        String md5 = serve("images.gz", 50);
        Path dir = tmp.resolve("data").resolve("mnist");
        List<URI> mirrors = List.of(mirror("forbidden"), mirror("corrupt"), mirror("good"));

        Path got = Mnist.fetch(dir, mirrors, "images.gz", md5, log);
        assertEquals(dir.resolve("images.gz"), got);
        assertEquals(md5, Mnist.md5Of(got));
        assertArrayEquals(Files.readAllBytes(served.resolve("images.gz")), Files.readAllBytes(got));
        assertEquals(1, count("forbidden"));
        assertEquals(1, count("corrupt"));
        assertEquals(1, count("good"));
        assertTrue(logged().contains(mirror("forbidden") + "images.gz: HTTP 403"), logged());
        assertTrue(logged().contains(mirror("corrupt") + "images.gz: bad checksum: MD5 "), logged());
        assertTrue(logged().contains(", expected " + md5), logged());
        assertEquals(List.of(), partFiles(dir), "no temporary file left behind");

        // second call: the cached file is verified and reused, no request at all
        Mnist.fetch(dir, mirrors, "images.gz", md5, log);
        assertEquals(3, count("forbidden", "corrupt", "good"));
        assertTrue(logged().contains(got + " already there, MD5 verified"));

        // a damaged cached file is noticed and replaced
        Files.write(got, new byte[]{1, 2, 3});
        Mnist.fetch(dir, mirrors, "images.gz", md5, log);
        assertEquals(6, count("forbidden", "corrupt", "good"));
        assertEquals(md5, Mnist.md5Of(got));
        assertTrue(logged().contains("downloading it again"));
    }

    @Test
    void followsRedirects() {
        String md5 = serve("r.gz", 3);
        Path got = Mnist.fetch(tmp.resolve("d"), List.of(mirror("redirect")), "r.gz", md5, log);
        assertEquals(md5, Mnist.md5Of(got));
        assertEquals(1, count("redirect"));
        assertEquals(1, count("good"));
    }

    @Test
    void everyMirrorFailingIsOneErrorListingThemAll() throws IOException {
        String md5 = serve("x.gz", 2);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI refused = URI.create("http://127.0.0.1:" + closedPort + "/mnist/");
        Path dir = tmp.resolve("d");
        List<URI> mirrors = List.of(mirror("forbidden"), refused, mirror("corrupt"));
        DataFileException e = assertThrows(DataFileException.class,
                () -> Mnist.fetch(dir, mirrors, "x.gz", md5, log));
        String m = e.getMessage();
        assertTrue(m.startsWith(dir.resolve("x.gz") + ": no mirror delivered it (expected MD5 " + md5 + ")"), m);
        assertTrue(m.contains("\n  " + mirror("forbidden") + "x.gz: HTTP 403"), m);
        assertTrue(m.contains("\n  " + refused + "x.gz: ConnectException"), m);
        assertTrue(m.contains("\n  " + mirror("corrupt") + "x.gz: bad checksum"), m);
        assertTrue(m.contains("by hand"), m);
        assertFalse(Files.exists(dir.resolve("x.gz")), "nothing unverified is kept");
        assertEquals(List.of(), partFiles(dir));
    }

    @Test
    void unknownFileNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mnist.fetch(tmp, List.of(mirror("good")), "train-images.gz"));
        assertTrue(e.getMessage().contains("unknown file train-images.gz, expected one of ["
                + "train-images-idx3-ubyte.gz"), e.getMessage());
    }

    /**
     * The real MNIST files with their real MD5s, served from ../shared/data/mnist. That folder
     * lacks train-images, so the three files it has are downloaded one by one, and a full
     * download then fails on train-images, naming every mirror.
     */
    @Test
    void realMnistFilesFromLoopbackMirrors() throws IOException {
        var shared = Datasets.sharedMnistDir();
        assumeTrue(shared.isPresent(), "skipped: no shared/data/mnist beside the project"
                + " (dev-only real MNIST files); the download path is still tested above");
        for (String f : List.of(Mnist.TEST_IMAGES, Mnist.TEST_LABELS, Mnist.TRAIN_LABELS)) {
            Files.copy(shared.get().resolve(f), served.resolve(f));
        }
        Path dir = tmp.resolve("data").resolve("mnist");
        List<URI> mirrors = List.of(mirror("forbidden"), mirror("corrupt"), mirror("good"));
        PrintStream stdout = System.out;
        System.setOut(log);
        try {
            for (String f : List.of(Mnist.TEST_IMAGES, Mnist.TEST_LABELS, Mnist.TRAIN_LABELS)) {
                assertEquals(Mnist.MD5.get(f), Mnist.md5Of(Mnist.fetch(dir, mirrors, f)));
            }
            assertEquals(9, count("forbidden", "corrupt", "good"));
            for (String f : List.of(Mnist.TEST_IMAGES, Mnist.TEST_LABELS, Mnist.TRAIN_LABELS)) {
                Mnist.fetch(dir, mirrors, f);
            }
            assertEquals(9, count("forbidden", "corrupt", "good"), "second time all from the cache");

            DataFileException e = assertThrows(DataFileException.class, () -> Mnist.download(dir, mirrors));
            assertTrue(e.getMessage().startsWith(dir + ": could not download 1 of 4 MNIST files"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(dir.resolve(Mnist.TRAIN_IMAGES) + ": no mirror"), e.getMessage());
            assertEquals(12, count("forbidden", "corrupt", "good"), "only train-images requested");
            assertTrue(e.getMessage().contains(mirror("good") + Mnist.TRAIN_IMAGES + ": HTTP 404"), e.getMessage());
        } finally {
            System.setOut(stdout);
        }
        assertTrue(logged().contains("dlfs:   75% "), "progress printed for the 1.6 MB images: " + logged());
        NDArray labels = IdxReader.read(dir.resolve(Mnist.TEST_LABELS));
        assertArrayEquals(new double[]{7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(labels.data(), 10));
        NDArray images = IdxReader.read(dir.resolve(Mnist.TEST_IMAGES));
        assertArrayEquals(new int[]{10000, 28, 28}, images.shape());
    }
}
