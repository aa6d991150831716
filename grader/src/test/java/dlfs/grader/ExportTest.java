package dlfs.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What instructors import: the Canvas gradebook file and the Gradescope autograder zip (built, unpacked and run). */
class ExportTest {
    private static GradeReport report(String who, double gates, double affine) {
        TestOutcome g = new TestOutcome("ch2.Gates", "", "p.GatesTest", "and", "and", 2, 0, Status.NOT_RUN, "", Visibility.VISIBLE);
        TestOutcome a = new TestOutcome("ch5.Affine", "", "p.AffineTest", "fw", "fw", 3, 0, Status.NOT_RUN, "", Visibility.VISIBLE);
        return new GradeReport(who, List.of(g.with(gates > 0 ? Status.PASSED : Status.FAILED, ""),
                a.with(affine > 0 ? Status.PASSED : Status.FAILED, "")), List.of(), 1, "isolated (test)");
    }

    private static ClassGrader.ClassReport classReport() {
        return new ClassGrader.ClassReport(List.of("ch2.Gates", "ch5.Affine"), List.of(
                new ClassGrader.Row("alice", report("alice", 2, 3), "ok"),
                new ClassGrader.Row("bob", report("bob", 2, 0), "failed tests: ch5.Affine 0/3"),
                new ClassGrader.Row("dave", report("dave", 0, 0), "")), 1);
    }

    @Test
    void canvasGradebookHasCanvasColumnsAndOneRowPerRosterStudent(@TempDir Path tmp) throws IOException {
        Path roster = tmp.resolve("roster.csv");
        Files.writeString(roster, """
                folder,student,id,sis_user_id,sis_login_id,section
                alice,"Liddell, Alice",101,S101,alice@uni.edu,Sec 1
                bob.zip,Bob Builder,102,S102,bob@uni.edu,Sec 2
                carol,Carol C,103,S103,carol@uni.edu,Sec 1
                """);
        List<CanvasExport.Student> students = CanvasExport.readRoster(roster);
        String total = CanvasExport.csv(classReport(), students, "DLFS exercises", false);
        assertEquals("""
                Student,ID,SIS User ID,SIS Login ID,Section,DLFS exercises
                    Points Possible,,,,,5
                "Liddell, Alice",101,S101,alice@uni.edu,Sec 1,5
                Bob Builder,102,S102,bob@uni.edu,Sec 2,2
                Carol C,103,S103,carol@uni.edu,Sec 1,
                """, total);
        String per = CanvasExport.csv(classReport(), students, "Lab", true);
        assertTrue(per.startsWith("Student,ID,SIS User ID,SIS Login ID,Section,Lab: ch2.Gates,Lab: ch5.Affine\n    Points Possible,,,,,2,3\n"), per);
        assertTrue(per.contains("Bob Builder,102,S102,bob@uni.edu,Sec 2,2,0\n"), per);
        assertEquals(List.of("dave"), CanvasExport.unmatched(classReport(), students));
        assertTrue(Files.readString(CanvasExport.write(tmp.resolve("out"), classReport(), students, "A", false)).startsWith("Student,ID,"));

        Files.writeString(roster, "name,id\nalice,1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CanvasExport.readRoster(roster));
        assertTrue(e.getMessage().contains("needs the columns folder,student,id"), e.getMessage());
        Files.writeString(roster, "folder,student,id\nalice,A,1\nalice,B,2\n");
        e = assertThrows(IllegalArgumentException.class, () -> CanvasExport.readRoster(roster));
        assertTrue(e.getMessage().contains("line 3: the folder alice is listed twice"), e.getMessage());
    }

    @Test
    void gradescopeZipRunsOfflineOnASubmission(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("autograder.zip");
        assertEquals(0, Main.run(new String[] {"gradescope", "--out", zip.toString(), "--tests", ClassGraderTest.TESTS.toString(),
                "--hidden", ClassGraderTest.HIDDEN.toString(), "--classpath", Grader.currentClasspath()}));
        Path root = tmp.resolve("autograder");
        Path source = root.resolve("source");
        try (FileSystem z = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> s = Files.walk(z.getPath("/"))) {
            List<Path> entries = s.filter(Files::isRegularFile).toList();
            List<String> names = entries.stream().map(p -> p.toString().substring(1)).toList();
            for (String must : List.of("setup.sh", "run_autograder", "tests/dlfs/exercises/Check.java",
                    "tests/dlfs/exercises/ch5/SigmoidLayerTest.java", "hidden/dlfs/exercises/ch2/GatesHiddenTest.java"))
                assertTrue(names.contains(must), must + " missing: " + names);
            for (String jar : List.of("grader.jar", "lib.jar", "junit-jupiter-engine", "junit-platform-launcher", "asm-"))
                assertTrue(names.stream().anyMatch(n -> n.startsWith("lib/") && n.contains(jar)), jar + " missing: " + names);
            assertTrue(names.stream().noneMatch(n -> n.contains("solutions") || n.contains("test-classes")), names.toString());
            assertTrue(Files.getPosixFilePermissions(z.getPath("/run_autograder")).contains(PosixFilePermission.OWNER_EXECUTE));
            for (Path p : entries) {
                Path t = source.resolve(p.toString().substring(1));
                Files.createDirectories(t.getParent());
                Files.copy(p, t);
            }
        }
        // Gradescope's layout: the submission folder holds whatever the student uploaded (here a nested exercises folder)
        Path src = root.resolve("submission/upload/exercises/src/main/java");
        ClassGraderTest.copyTree(ClassGraderTest.SOLUTIONS, src);
        Files.copy(ClassGraderTest.STUBS.resolve(ClassGraderTest.EX + "ch2/Gates.java"), src.resolve(ClassGraderTest.EX + "ch2/Gates.java"),
                StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder pb = new ProcessBuilder("bash", source.resolve("run_autograder").toString()).redirectErrorStream(true);
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // offline: the zip's jars only, no Maven
        pb.environment().remove("MAVEN_HOME");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        String results = Files.readString(root.resolve("results/results.json"));
        Plan plan = Plan.read(ClassGraderTest.TESTS, ClassGraderTest.HIDDEN);
        double gates = plan.exercises().stream().filter(e -> e.id().equals("ch2.Gates")).flatMap(e -> e.tests().stream())
                .mapToDouble(Plan.TestSpec::points).sum();
        assertTrue(results.contains("\"score\": " + Json.number(plan.maxScore() - gates) + ","), results);
        assertTrue(results.contains("\"visibility\": \"hidden\"") && results.contains("\"visibility\": \"visible\""), results);
        assertTrue(results.contains("isolation: "), results);
        assertTrue(results.contains("not implemented yet"), results);
    }
}
