package dlfs.nd;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The OPENBLAS_CORETYPE decision: cpuinfo text and OpenBLAS's own choice in, a core type or none out. */
class BlasCoreTest {
    static String x86(String flags) {
        return "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 143\n"
                + "flags\t\t: fpu vme sse sse2 " + flags + "\nbogomips\t: 4000.00\n\nprocessor\t: 1\nflags\t\t: fpu\n";
    }

    static final String SAPPHIRE_RAPIDS = x86("avx avx2 fma avx512f avx512dq avx512bw avx512vl avx512_bf16 amx_tile");
    static final String SKYLAKE_SP = x86("avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl");
    static final String HASWELL = x86("sse4_2 avx avx2 fma f16c");
    static final String SANDY = x86("sse4_2 avx");
    static final String OLD = x86("sse3 ssse3 sse4_1");
    static final String ARM = "processor\t: 0\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd evtstrm aes crc32 atomics\nCPU implementer\t: 0x41\n";

    @Test
    void genericFallbackGetsTheKernelsTheFlagsAllow() {
        assertEquals("Cooperlake", BlasCore.coreTypeToSet(SAPPHIRE_RAPIDS, "Prescott"));
        assertEquals("SkylakeX", BlasCore.coreTypeToSet(SKYLAKE_SP, "Prescott"));
        assertEquals("SkylakeX", BlasCore.coreTypeToSet(SKYLAKE_SP, "nehalem"));
        assertEquals("Haswell", BlasCore.coreTypeToSet(HASWELL, "Core2"));
        assertEquals("Sandybridge", BlasCore.coreTypeToSet(SANDY, "Prescott"));
    }

    @Test
    void aRightDetectionIsLeftAlone() {
        assertNull(BlasCore.coreTypeToSet(SAPPHIRE_RAPIDS, "Cooperlake"));
        assertNull(BlasCore.coreTypeToSet(SAPPHIRE_RAPIDS, "SapphireRapids"));
        assertNull(BlasCore.coreTypeToSet(SKYLAKE_SP, "SkylakeX"));
        assertNull(BlasCore.coreTypeToSet(HASWELL, "Haswell"));
        assertNull(BlasCore.coreTypeToSet(HASWELL, "Zen"));
    }

    @Test
    void nothingToChooseOrNothingKnown() {
        assertNull(BlasCore.coreTypeToSet(OLD, "Prescott"), "no AVX: the generic kernels are the right ones");
        assertNull(BlasCore.coreTypeToSet(ARM, "armv8"), "ARM: nothing known to fix");
        assertNull(BlasCore.coreTypeToSet(ARM, "unknown"), "ARM without x86 flags: no x86 core type");
        assertNull(BlasCore.coreTypeToSet(SAPPHIRE_RAPIDS, null), "OpenBLAS's choice unknown: leave it alone");
        assertNull(BlasCore.coreTypeToSet(SAPPHIRE_RAPIDS, ""));
        assertNull(BlasCore.coreTypeToSet("", "Prescott"));
        assertNull(BlasCore.coreTypeToSet(null, "Prescott"));
    }

    @Test
    void onlyTheFirstProcessorsFlagsCount() {
        assertEquals(java.util.Set.of("fpu", "vme", "sse", "sse2", "avx"), BlasCore.flags(x86("avx")));
    }

    @Test
    void versionAndReason() {
        assertEquals("OpenBLAS 0.3.21", BlasCore.version("OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Cooperlake MAX_THREADS=64"));
        assertEquals("CPU has AVX-512, OpenBLAS detected Prescott", BlasCore.reason("SkylakeX", "Prescott"));
        assertEquals("CPU has AVX2, OpenBLAS detected Core2", BlasCore.reason("Haswell", "Core2"));
    }
}
