package dlfs.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a Gradescope autograder zip that runs offline: {@code setup.sh} (installs a JDK and
 * bubblewrap from the image's package manager), {@code run_autograder}, {@code lib/} with every
 * jar the grader needs (the grader's and the library's classes packed as jars, JUnit, ASM), the
 * visible tests' sources in {@code tests/} and, when given, the hidden ones in {@code hidden/}.
 * {@code run_autograder} finds the student's sources under {@code submission/} (the shallowest
 * folder holding {@code dlfs/}), grades them with {@code Main grade} and copies Gradescope's
 * {@code results.json} (per-test visibility, hidden tests marked hidden) to {@code results/}. The
 * root is {@code /autograder}, or {@code $AUTOGRADER_ROOT} (to try the zip locally).
 */
public final class GradescopeZip {
    private GradescopeZip() {
    }

    static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope runs this once when it builds the autograder image.
            set -euo pipefail
            export DEBIAN_FRONTEND=noninteractive
            apt-get update
            apt-get install -y openjdk-17-jdk-headless bubblewrap
            """;

    static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this for every submission: grade submission/, write results/results.json.
            set -euo pipefail
            root="${AUTOGRADER_ROOT:-/autograder}"
            here="$root/source"
            [ -d "$here/lib" ] || here=$(cd "$(dirname "$0")" && pwd)
            cp=$(find "$here/lib" -name '*.jar' | sort | tr '\\n' ':')
            mkdir -p "$root/results"
            src=$(find "$root/submission" -type d -name dlfs -printf '%d %p\\n' 2>/dev/null | sort -n | head -1 | cut -d' ' -f2-)
            if [ -z "$src" ]; then
              printf '{"score": 0, "output": "No Java sources with a dlfs/ package folder in the submission: upload your exercises/src/main/java folder (or a zip of it).", "tests": []}\\n' > "$root/results/results.json"
              exit 0
            fi
            hidden=()
            [ -d "$here/hidden" ] && hidden=(--hidden "$here/hidden")
            java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
            work=$(mktemp -d)
            "$java" -Xmx384m -cp "$cp" dlfs.grader.Main grade --src "$(dirname "$src")" --tests "$here/tests" "${hidden[@]}" \\
              --out "$work/out" --work "$work/grading" --label gradescope --classpath "$cp" --timeout "${DLFS_TIMEOUT:-10}" \\
              --budget "${DLFS_BUDGET:-1200}"
            cp "$work/out/results.json" "$root/results/results.json"
            """;

    /** Writes the zip; {@code classpath} is what the grader runs with (test-only folders are left out). */
    public static void build(Path zip, Path tests, Path hidden, String classpath) {
        if (!Files.isDirectory(tests)) throw new IllegalArgumentException("grader: the tests folder " + tests + " does not exist");
        if (hidden != null && !Files.isDirectory(hidden)) hidden = null;
        try {
            Path target = zip.toAbsolutePath().normalize();
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            // the zip file system writes Unix permissions, so the scripts are executable once unpacked
            try (FileSystem z = FileSystems.newFileSystem(URI.create("jar:" + target.toUri()),
                    Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
                put(z, "setup.sh", SETUP.getBytes(StandardCharsets.UTF_8), true);
                put(z, "run_autograder", RUN.getBytes(StandardCharsets.UTF_8), true);
                List<String> names = new ArrayList<>();
                int n = 0;
                for (String e : Grader.childClasspath(classpath)) {
                    Path p = Path.of(e);
                    String name;
                    byte[] bytes;
                    if (Files.isDirectory(p)) {
                        // target/classes of a module: named after the module's folder
                        Path module = p.getParent() != null && p.getParent().getParent() != null ? p.getParent().getParent() : p;
                        name = String.format("%02d-%s.jar", n++, module.getFileName());
                        bytes = jar(p);
                    } else if (e.endsWith(".jar") && Files.isRegularFile(p)) {
                        name = String.format("%02d-%s", n++, p.getFileName());
                        bytes = Files.readAllBytes(p);
                    } else continue;
                    names.add(name);
                    put(z, "lib/" + name, bytes, false);
                }
                if (names.isEmpty()) throw new IllegalArgumentException("grader: nothing to pack from the class path " + classpath);
                tree(z, tests, "tests/");
                if (hidden != null) tree(z, hidden, "hidden/");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("grader: cannot write " + zip + ": " + e.getMessage(), e);
        }
    }

    private static void tree(FileSystem z, Path dir, String prefix) throws IOException {
        for (Path p : Plan.javaFiles(dir)) put(z, prefix + dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p), false);
    }

    /** A folder of classes as a jar's bytes. */
    private static byte[] jar(Path dir) throws IOException {
        var buf = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream j = new ZipOutputStream(buf); Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new ZipEntry(dir.relativize(p).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
        }
        return buf.toByteArray();
    }

    private static void put(FileSystem z, String name, byte[] bytes, boolean executable) throws IOException {
        Path p = z.getPath(name);
        if (p.getParent() != null) Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }
}
