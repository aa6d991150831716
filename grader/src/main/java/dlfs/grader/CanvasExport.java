package dlfs.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A class's scores as a Canvas gradebook import file: the columns Canvas's own export has,
 * {@code Student, ID, SIS User ID, SIS Login ID, Section}, then one column for the assignment (or
 * one per exercise), a {@code Points Possible} row, and one row per student of the roster. The
 * roster is a CSV file with the header {@code folder,student,id,sis_user_id,sis_login_id,section}
 * that maps each submission folder (or zip, without {@code .zip}) to the student's Canvas names;
 * a roster student without a submission gets an empty cell (Canvas leaves that grade as it is), and
 * a submission without a roster entry is not exported and is listed by {@link #unmatched}.
 */
public final class CanvasExport {
    /** One roster line. */
    public record Student(String folder, String name, String id, String sisUserId, String sisLoginId, String section) {
    }

    private CanvasExport() {
    }

    private static final List<String> HEADER = List.of("folder", "student", "id", "sis_user_id", "sis_login_id", "section");

    /** Reads a roster; a clear error names the file and line of anything wrong. */
    public static List<Student> readRoster(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("grader: cannot read the roster " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) throw new IllegalArgumentException("grader: the roster " + file + " is empty");
        List<String> head = parse(lines.get(0).replace("\uFEFF", "")).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> col = new LinkedHashMap<>();
        for (String h : HEADER) {
            int i = head.indexOf(h);
            if (i < 0 && !h.equals("section") && !h.equals("sis_login_id") && !h.equals("sis_user_id"))
                throw new IllegalArgumentException("grader: the roster " + file + " needs the columns " + String.join(",", HEADER)
                        + " (section and the SIS ones may be left out); its header is: " + lines.get(0));
            col.put(h, i);
        }
        List<Student> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) continue;
            List<String> f = parse(lines.get(n));
            String folder = get(f, col.get("folder"));
            if (folder.isEmpty()) throw new IllegalArgumentException("grader: " + file + " line " + (n + 1) + ": no folder");
            if (seen.put(folder, n + 1) != null)
                throw new IllegalArgumentException("grader: " + file + " line " + (n + 1) + ": the folder " + folder + " is listed twice");
            out.add(new Student(folder, get(f, col.get("student")), get(f, col.get("id")), get(f, col.get("sis_user_id")),
                    get(f, col.get("sis_login_id")), get(f, col.get("section"))));
        }
        return out;
    }

    private static String get(List<String> f, Integer i) {
        return i == null || i < 0 || i >= f.size() ? "" : f.get(i).strip();
    }

    /** One CSV line's fields (quotes as in RFC 4180). */
    static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else sb.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else sb.append(c);
        }
        out.add(sb.toString());
        return out;
    }

    /**
     * The gradebook file: one column named {@code assignment} with each student's total, or, when
     * {@code perExercise}, one column per exercise named "assignment: exercise".
     */
    public static String csv(ClassGrader.ClassReport report, List<Student> roster, String assignment, boolean perExercise) {
        Map<String, ClassGrader.Row> byFolder = new LinkedHashMap<>();
        for (ClassGrader.Row r : report.rows()) byFolder.put(r.student(), r);
        List<String> columns = new ArrayList<>();
        Map<String, Double> possible = new LinkedHashMap<>();
        ClassGrader.Row any = report.rows().isEmpty() ? null : report.rows().get(0);
        if (perExercise) {
            for (String id : report.exerciseIds()) {
                columns.add(assignment + ": " + id);
                possible.put(id, any == null ? 0 : any.report().exercises().stream().filter(e -> e.id().equals(id))
                        .mapToDouble(GradeReport.ExerciseSummary::maxScore).sum());
            }
        } else {
            columns.add(assignment);
            possible.put("", any == null ? 0 : any.report().maxScore());
        }
        StringBuilder sb = new StringBuilder("Student,ID,SIS User ID,SIS Login ID,Section");
        for (String c : columns) sb.append(',').append(GradeReport.csv(c));
        sb.append("\n    Points Possible,,,,");
        for (double p : possible.values()) sb.append(',').append(Json.number(p));
        sb.append('\n');
        for (Student s : roster) {
            sb.append(String.join(",", GradeReport.csv(s.name()), GradeReport.csv(s.id()), GradeReport.csv(s.sisUserId()),
                    GradeReport.csv(s.sisLoginId()), GradeReport.csv(s.section())));
            ClassGrader.Row r = byFolder.get(ClassGrader.studentName(Path.of(s.folder())));
            if (perExercise) {
                Map<String, Double> by = new LinkedHashMap<>();
                if (r != null) for (GradeReport.ExerciseSummary e : r.report().exercises()) by.put(e.id(), e.score());
                for (String id : report.exerciseIds()) sb.append(',').append(r == null ? "" : Json.number(by.getOrDefault(id, 0.0)));
            } else sb.append(',').append(r == null ? "" : Json.number(r.report().score()));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Graded submissions that no roster line names (they are not in the gradebook file). */
    public static List<String> unmatched(ClassGrader.ClassReport report, List<Student> roster) {
        List<String> names = roster.stream().map(s -> ClassGrader.studentName(Path.of(s.folder()))).toList();
        return report.rows().stream().map(ClassGrader.Row::student).filter(n -> !names.contains(n)).toList();
    }

    /** Writes {@code canvas-gradebook.csv} into {@code dir}; returns its path. */
    public static Path write(Path dir, ClassGrader.ClassReport report, List<Student> roster, String assignment, boolean perExercise) {
        Path f = dir.resolve("canvas-gradebook.csv");
        try {
            Files.createDirectories(dir);
            Files.writeString(f, csv(report, roster, assignment, perExercise), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("grader: cannot write " + f + ": " + e.getMessage(), e);
        }
        return f;
    }
}
