package dlfs.kernel;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * This JVM's classpath as cells need it: the kernel, the library, XChart and Tablesaw, with the
 * {@code Class-Path} of a manifest-only jar (as Maven's surefire uses) expanded, so cells compile
 * against exactly what the kernel runs with.
 */
final class JvmClasspath {

    private JvmClasspath() {
    }

    /** The entries of {@code java.class.path}, each jar followed by the entries its manifest names. */
    static List<String> entries() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            out.add(entry);
            Path p = Paths.get(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                out.addAll(manifestClassPath(p));
            }
        }
        return out;
    }

    private static List<String> manifestClassPath(Path jar) {
        List<String> out = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
            if (cp == null) {
                return out;
            }
            for (String url : cp.trim().split("\\s+")) {
                try {
                    URI uri = jar.toUri().resolve(url);
                    out.add(Paths.get(uri).toString());
                } catch (IllegalArgumentException | FileSystemNotFoundException e) {
                    // not a file URL: nothing a compiler could use
                }
            }
        } catch (IOException e) {
            // an unreadable jar adds nothing
        }
        return out;
    }
}
