package dlfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The library's package structure, read from the compiled classes (lib/target/classes): every
 * class's constant pool (the classes it names, and the types in its descriptors and signatures)
 * gives the packages it depends on. Three rules:
 * <ol>
 *   <li>no package cycles: packages that depend on each other, directly or around a loop, fail
 *       with the loop and, for each step of it, the classes that make it;</li>
 *   <li>the library does not depend on the chapters' experiments ({@code dlfs.experiments.*});</li>
 *   <li>the benchmark ({@code dlfs.bench}, the bench/ module) is neither in the library nor used by it.</li>
 * </ol>
 */
class PackageCyclesTest {
    /** A reference of a class to a type named in its constant pool, e.g. {@code Ldlfs/nets/Net;} in a descriptor. */
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L(dlfs/[A-Za-z0-9_/$]+)[;<]");
    private static final String EXPERIMENTS = "dlfs.experiments";
    /** The benchmark's package: it lives in its own module (bench/, dlfs-bench), never in the library. */
    private static final String BENCH = "dlfs.bench";

    /** package → the packages it depends on → the class-level references that make each edge, e.g. "dlfs.gradient.NumericalGradient -> dlfs.nets.Net". */
    private static Map<String, Map<String, Set<String>>> dependencies() throws IOException, URISyntaxException {
        Path classes = Path.of(Course.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(classes.resolve("dlfs")), "compiled library classes at " + classes);
        Map<String, Map<String, Set<String>>> deps = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        for (Path f : files) {
            ClassReader cr;
            try (InputStream in = Files.newInputStream(f)) {
                cr = new ClassReader(in);
            }
            String self = cr.getClassName();
            if (self.endsWith("package-info") || self.endsWith("module-info")) continue;
            String from = packageOf(self);
            Map<String, Set<String>> out = deps.computeIfAbsent(from, k -> new TreeMap<>());
            for (String type : referencedTypes(cr)) {
                String to = packageOf(type);
                if (!to.equals(from) && to.startsWith("dlfs"))
                    out.computeIfAbsent(to, k -> new TreeSet<>()).add(dotted(outer(self)) + " -> " + dotted(outer(type)));
            }
        }
        return deps;
    }

    /** Every type a class file names: its CONSTANT_Class entries and the L...; types in its descriptors and signatures. */
    static Set<String> referencedTypes(ClassReader cr) {
        Set<String> types = new TreeSet<>();
        char[] buf = new char[cr.getMaxStringLength()];
        for (int i = 1; i < cr.getItemCount(); i++) {
            int offset = cr.getItem(i);
            if (offset == 0) continue;  // the second slot of a long or double
            int tag = cr.readByte(offset - 1);
            if (tag == 7) {  // CONSTANT_Class: an internal name, or an array descriptor
                String name = cr.readUTF8(offset, buf);
                if (name.startsWith("[")) {
                    Matcher m = DESCRIPTOR_TYPE.matcher(name);
                    while (m.find()) types.add(m.group(1));
                } else {
                    types.add(name);
                }
            } else if (tag == 1) {  // CONSTANT_Utf8: descriptors and signatures (class names are ASCII)
                int length = cr.readUnsignedShort(offset);
                byte[] bytes = new byte[length];
                for (int k = 0; k < length; k++) bytes[k] = (byte) cr.readByte(offset + 2 + k);
                Matcher m = DESCRIPTOR_TYPE.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
                while (m.find()) types.add(m.group(1));
            }
        }
        return types;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }

    private static String outer(String internalName) {
        int dollar = internalName.indexOf('$');
        return dollar < 0 ? internalName : internalName.substring(0, dollar);
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    /**
     * The package cycles of a dependency graph, each as a closed loop "a -> b -> a" with the class
     * references of every step: Tarjan's strongly connected components, then one shortest loop
     * through each component of more than one package.
     */
    static List<String> cycles(Map<String, Map<String, Set<String>>> deps) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String v : new TreeSet<>(deps.keySet()))
            if (!index.containsKey(v)) strongConnect(v, deps, index, low, stack, onStack, components, counter);
        List<String> cycles = new ArrayList<>();
        for (Set<String> c : components) {
            if (c.size() < 2) continue;
            String start = c.iterator().next();
            List<String> loop = shortestLoop(start, c, deps);
            StringBuilder sb = new StringBuilder(String.join(" -> ", loop));
            for (int i = 0; i + 1 < loop.size(); i++)
                sb.append("\n    ").append(loop.get(i)).append(" -> ").append(loop.get(i + 1)).append(": ")
                        .append(String.join(", ", deps.get(loop.get(i)).get(loop.get(i + 1))));
            sb.append("\n    (packages in this cycle: ").append(c).append(")");
            cycles.add(sb.toString());
        }
        return cycles;
    }

    private static void strongConnect(String v, Map<String, Map<String, Set<String>>> deps, Map<String, Integer> index,
                                      Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                      List<Set<String>> components, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : deps.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                strongConnect(w, deps, index, low, stack, onStack, components, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> c = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                c.add(w);
            } while (!w.equals(v));
            components.add(c);
        }
    }

    /** A shortest path start -> ... -> start inside one component (breadth first). */
    private static List<String> shortestLoop(String start, Set<String> component, Map<String, Map<String, Set<String>>> deps) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String w : deps.getOrDefault(v, Map.of()).keySet()) {
                if (!component.contains(w)) continue;
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String u = v; !u.equals(start); u = parent.get(u)) path.add(1, u);
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(w)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("no loop through " + start);
    }

    @Test
    void theLibraryHasNoPackageCycles() throws Exception {
        Map<String, Map<String, Set<String>>> deps = dependencies();
        assertTrue(deps.containsKey("dlfs.nets") && deps.containsKey("dlfs.train"), "the library's packages were read: " + deps.keySet());
        List<String> cycles = cycles(deps);
        assertTrue(cycles.isEmpty(), "package cycles in the library (break each by moving the class"
                + " that points back, or an interface it needs, to the lower package):\n  " + String.join("\n  ", cycles));
    }

    @Test
    void theLibraryDoesNotDependOnTheExperiments() throws Exception {
        List<String> wrong = new ArrayList<>();
        dependencies().forEach((from, out) -> {
            if (from.startsWith(EXPERIMENTS)) return;
            out.forEach((to, refs) -> {
                if (to.startsWith(EXPERIMENTS)) wrong.add(from + " -> " + to + ": " + String.join(", ", refs));
            });
        });
        assertTrue(wrong.isEmpty(), "library packages that use the chapters' experiments:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void theBenchmarkIsNotInTheLibrary() throws Exception {
        List<String> wrong = new ArrayList<>();
        dependencies().forEach((from, out) -> {
            if (from.equals(BENCH) || from.startsWith(BENCH + ".")) wrong.add(from + " is compiled into the library");
            out.forEach((to, refs) -> {
                if (to.equals(BENCH) || to.startsWith(BENCH + ".")) wrong.add(from + " -> " + to + ": " + String.join(", ", refs));
            });
        });
        assertTrue(wrong.isEmpty(), "the benchmark belongs in bench/ (dlfs-bench), not in the library:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void aCycleIsFoundAndListedWithItsClasses() {
        Map<String, Map<String, Set<String>>> deps = new TreeMap<>();
        deps.put("a", Map.of("b", Set.of("a.X -> b.Y")));
        deps.put("b", Map.of("c", Set.of("b.Y -> c.Z")));
        deps.put("c", Map.of("a", Set.of("c.Z -> a.X"), "d", Set.of("c.Z -> d.W")));
        deps.put("d", Map.of());
        List<String> cycles = cycles(deps);
        assertEquals(1, cycles.size(), String.valueOf(cycles));
        assertTrue(cycles.get(0).startsWith("a -> b -> c -> a"), cycles.get(0));
        assertTrue(cycles.get(0).contains("c -> a: c.Z -> a.X"), cycles.get(0));
        assertFalse(cycles.get(0).contains("d"), cycles.get(0));
    }

    @Test
    void descriptorsAndClassEntriesAreRead() {
        try (InputStream in = PackageCyclesTest.class.getResourceAsStream("/dlfs/nets/Net.class")) {
            Set<String> types = referencedTypes(new ClassReader(in));
            assertTrue(types.contains("dlfs/nd/NDArray"), String.valueOf(types));
            assertTrue(types.contains("dlfs/gradient/Differentiable"), String.valueOf(types));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
