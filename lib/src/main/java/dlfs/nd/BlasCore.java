package dlfs.nd;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which OpenBLAS kernels ("core") this process gets, and whether the kit should choose them.
 *
 * <p>OpenBLAS picks its kernels once, when the library loads, from the CPU's model number. An
 * OpenBLAS older than the CPU (Debian 12 has 0.3.21) does not know newer models and falls back to
 * generic SSE3 kernels ("Prescott"), several times slower; the variable {@code OPENBLAS_CORETYPE},
 * set before the process starts, overrides that. The kit's launchers ({@code lib/blas-env.sh},
 * used by start.sh, bench.sh, the kernel scripts and CI; the grader for its test JVMs) set it only
 * where OpenBLAS's own choice is such a fallback, never over the user's own setting. This class
 * holds the decision ({@link #coreTypeToSet}), the same as the shell's, and finds OpenBLAS's choice
 * ({@code openblas_get_corename()}) for the banners.
 *
 * <p>The native BLAS binding (dev.ludovic.netlib's JNI bridge) exposes only BLAS routines, so the
 * core name comes from, in order: the launcher's {@code DLFS_BLAS_CORE} (what it found before
 * starting this JVM), the Foreign Function API on Java 22+ when native access is enabled
 * ({@code --enable-native-access=ALL-UNNAMED}), or one {@code python3} ctypes call (tens of ms).
 */
public final class BlasCore {
    /** Kernels OpenBLAS falls back to when it does not know the CPU: generic, far below what an AVX CPU can do. */
    static final Set<String> GENERIC = Set.of("prescott", "core2", "penryn", "dunnington", "nehalem", "atom",
            "katmai", "coppermine", "northwood", "banias", "athlon", "opteron", "opteron_sse3", "barcelona", "unknown");

    private static final String SCRIPT = "import ctypes,sys\n"
            + "l=ctypes.CDLL(sys.argv[1])\n"
            + "l.openblas_get_corename.restype=ctypes.c_char_p\n"
            + "l.openblas_get_config.restype=ctypes.c_char_p\n"
            + "print(l.openblas_get_corename().decode()+'|'+l.openblas_get_config().decode())\n";

    private static volatile String[] found; // {corename, config} or {"", ""}

    private BlasCore() {
    }

    /**
     * What {@code OPENBLAS_CORETYPE} should be on a machine whose {@code /proc/cpuinfo} reads
     * {@code cpuinfo} and whose OpenBLAS chose {@code detectedCore} by itself, or null to leave it
     * alone: when OpenBLAS's choice is unknown (null or empty), not a generic fallback, or the
     * CPU is not an x86 one with AVX (ARM: nothing known to fix).
     */
    public static String coreTypeToSet(String cpuinfo, String detectedCore) {
        if (detectedCore == null || detectedCore.isBlank()) return null;
        if (!GENERIC.contains(detectedCore.strip().toLowerCase(java.util.Locale.ROOT))) return null;
        Set<String> f = flags(cpuinfo);
        if (f.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq")))
            return f.contains("avx512_bf16") ? "Cooperlake" : "SkylakeX";
        if (f.contains("avx2") && f.contains("fma")) return "Haswell";
        if (f.contains("avx")) return "Sandybridge";
        return null;
    }

    /** Why {@link #coreTypeToSet} chose {@code coreType}, e.g. "CPU has AVX-512, OpenBLAS detected Prescott". */
    static String reason(String coreType, String detectedCore) {
        String simd = coreType.equals("Haswell") ? "AVX2" : coreType.equals("Sandybridge") ? "AVX" : "AVX-512";
        return "CPU has " + simd + ", OpenBLAS detected " + detectedCore;
    }

    /** The x86 feature flags of the first processor in cpuinfo text (empty for ARM's "Features" or none). */
    static Set<String> flags(String cpuinfo) {
        if (cpuinfo == null) return Set.of();
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("flags"))
                return Set.of(line.substring(colon + 1).strip().split("\\s+"));
        }
        return Set.of();
    }

    static String cpuinfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1);
        } catch (Exception | Error absent) { // no /proc (sandbox, macOS), or not allowed
            return "";
        }
    }

    /** The core OpenBLAS runs in this process ("" when unknown or not OpenBLAS). */
    public static String corename() {
        return find(Gemm.nativeFile())[0];
    }

    /**
     * One line for banners: "OpenBLAS 0.3.21, core Cooperlake (detected)", "(set by DLFS: CPU has
     * AVX-512, OpenBLAS detected Prescott)", "(set by OPENBLAS_CORETYPE)", or "" when unknown.
     */
    public static String describe() {
        String launcher = launcherLine();
        if (launcher != null) return launcher;
        String[] cc = find(Gemm.nativeFile());
        if (cc[0].isEmpty()) return "";
        String version = version(cc[1]);
        String env = System.getenv("OPENBLAS_CORETYPE");
        String how = env == null || env.isBlank() ? "detected" : "set by OPENBLAS_CORETYPE=" + env;
        return version + ", core " + cc[0] + " (" + how + ")";
    }

    /**
     * The launcher's DLFS_BLAS_CORE when it still matches this process's OPENBLAS_CORETYPE (a
     * command may have changed that after the launcher looked), else null.
     */
    static String launcherLine() {
        String line = System.getenv("DLFS_BLAS_CORE"), env = System.getenv("OPENBLAS_CORETYPE");
        if (line == null || line.isBlank()) return null;
        boolean matches = env == null || env.isBlank() ? line.contains("(detected)")
                : line.toLowerCase(java.util.Locale.ROOT).contains("core " + env.strip().toLowerCase(java.util.Locale.ROOT) + " (set");
        return matches ? line.strip() : null;
    }

    /** "OpenBLAS 0.3.21" from openblas_get_config()'s "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH ...". */
    static String version(String config) {
        String[] w = config.strip().split("\\s+");
        return w.length >= 2 ? w[0] + " " + w[1] : "OpenBLAS";
    }

    /**
     * Called once when the native backend loads: a warning line on stderr when OpenBLAS fell back
     * to generic kernels and nobody chose the core, naming the fix.
     */
    static void warnIfGeneric(String libraryFile) {
        if (System.getenv("OPENBLAS_CORETYPE") != null) return; // the user's (or launcher's) choice
        if (launcherLine() != null) return; // the launcher looked already
        String info = cpuinfo();
        Set<String> f = flags(info);
        if (!f.contains("avx")) return; // nothing faster to choose: skip the look-up
        String core = find(libraryFile)[0];
        String set = coreTypeToSet(info, core);
        if (set != null)
            System.err.println("dlfs: OpenBLAS uses its generic " + core + " kernels on this CPU (" + reason(set, core)
                    + "), several times slower: start Java with OPENBLAS_CORETYPE=" + set
                    + " in the environment (./start.sh, ./bench.sh and the grader do this)");
    }

    /**
     * What a child JVM's command line should start with so that it gets the right kernels: {@code
     * [/usr/bin/env, OPENBLAS_CORETYPE=X]} when this machine needs X and the user set none, else
     * empty. (A prefix rather than the process environment: the grader's sandbox clears that.)
     */
    public static List<String> childEnvPrefix() {
        List<String> out = new ArrayList<>();
        if (System.getenv("OPENBLAS_CORETYPE") != null || !Files.isExecutable(Path.of("/usr/bin/env"))) return out;
        String info = cpuinfo();
        if (!flags(info).contains("avx")) return out;
        String core = find(Gemm.nativeFile().isEmpty() ? "libopenblas.so.0" : Gemm.nativeFile())[0];
        String set = coreTypeToSet(info, core);
        if (set == null) return out;
        out.add("/usr/bin/env");
        out.add("OPENBLAS_CORETYPE=" + set);
        out.add("DLFS_BLAS_CORE=" + version(find("libopenblas.so.0")[1]) + ", core " + set + " (set by DLFS: " + reason(set, core) + ")");
        return out;
    }

    private static String[] find(String libraryFile) {
        String[] f = found;
        if (f != null) return f;
        synchronized (BlasCore.class) {
            if (found == null) found = lookUp(libraryFile == null || libraryFile.isEmpty() ? "libopenblas.so.0" : libraryFile);
            return found;
        }
    }

    private static String[] lookUp(String lib) {
        String[] viaFfm = foreign(lib);
        if (viaFfm != null) return viaFfm;
        try {
            Path py = Path.of("/usr/bin/python3");
            if (!Files.isExecutable(py)) return new String[]{"", ""};
            Process p = new ProcessBuilder(py.toString(), "-c", SCRIPT, lib).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new String[]{"", ""};
            }
            String line = new String(out, StandardCharsets.UTF_8).strip();
            int bar = line.indexOf('|');
            if (p.exitValue() != 0 || bar <= 0 || line.contains("\n")) return new String[]{"", ""};
            return new String[]{line.substring(0, bar), line.substring(bar + 1)};
        } catch (Exception | Error cannot) { // no python3, no ctypes, a sandbox that forbids processes
            return new String[]{"", ""};
        }
    }

    /** openblas_get_corename/config through java.lang.foreign (Java 22+, native access enabled), else null. */
    private static String[] foreign(String lib) {
        if (Runtime.version().feature() < 22) return null;
        try {
            Module me = BlasCore.class.getModule();
            if (!(Boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(me)) return null;
            Class<?> linkerC = Class.forName("java.lang.foreign.Linker");
            Class<?> lookupC = Class.forName("java.lang.foreign.SymbolLookup");
            Class<?> arenaC = Class.forName("java.lang.foreign.Arena");
            Class<?> segC = Class.forName("java.lang.foreign.MemorySegment");
            Class<?> layoutC = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> descC = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> optC = Class.forName("[Ljava.lang.foreign.Linker$Option;");
            Object linker = linkerC.getMethod("nativeLinker").invoke(null);
            Object arena = arenaC.getMethod("global").invoke(null);
            Object lookup = lookupC.getMethod("libraryLookup", String.class, arenaC).invoke(null, lib, arena);
            Object address = Class.forName("java.lang.foreign.ValueLayout").getField("ADDRESS").get(null);
            Object desc = descC.getMethod("of", layoutC, Class.forName("[Ljava.lang.foreign.MemoryLayout;"))
                    .invoke(null, address, java.lang.reflect.Array.newInstance(layoutC, 0));
            String[] out = new String[2];
            String[] names = {"openblas_get_corename", "openblas_get_config"};
            for (int i = 0; i < 2; i++) {
                java.util.Optional<?> sym = (java.util.Optional<?>) lookupC.getMethod("find", String.class).invoke(lookup, names[i]);
                if (sym.isEmpty()) return null;
                java.lang.invoke.MethodHandle h = (java.lang.invoke.MethodHandle) linkerC
                        .getMethod("downcallHandle", segC, descC, optC)
                        .invoke(linker, sym.get(), desc, java.lang.reflect.Array.newInstance(optC.getComponentType(), 0));
                Object seg = h.invokeWithArguments();
                seg = segC.getMethod("reinterpret", long.class).invoke(seg, 4096L);
                out[i] = (String) segC.getMethod("getString", long.class).invoke(seg, 0L);
            }
            return out;
        } catch (Throwable notThere) {
            return null;
        }
    }
}
