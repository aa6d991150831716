package dlfs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classpath cells compile against: a manifest-only jar (surefire's) is expanded to what it names. */
class JvmClasspathTest {
    @TempDir
    Path dir;

    @Test
    void aManifestOnlyJarIsFollowedByTheEntriesItNames() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path lib = Files.createFile(dir.resolve("lib.jar"));
        Path launcher = jar(dir.resolve("launcher.jar"), "classes/ lib.jar http://example.org/remote.jar");
        Path plain = jar(dir.resolve("plain.jar"), null);
        Path broken = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        List<String> entries = withClasspath(String.join(File.pathSeparator,
                launcher.toString(), "", plain.toString(), broken.toString(), classes.toString()));
        // the launcher's relative entries resolve against its folder; a remote URL, a jar without
        // Class-Path and an unreadable jar add nothing; empty entries are dropped
        assertEquals(List.of(launcher.toString(), classes.toString(), lib.toString(), plain.toString(),
                broken.toString(), classes.toString()), entries);
    }

    private static Path jar(Path file, String classPath) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, mf)) {
            return file;
        }
    }

    private static List<String> withClasspath(String classpath) {
        String old = System.getProperty("java.class.path");
        System.setProperty("java.class.path", classpath);
        try {
            return JvmClasspath.entries();
        } finally {
            System.setProperty("java.class.path", old);
        }
    }
}
