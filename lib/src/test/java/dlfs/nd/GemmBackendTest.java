package dlfs.nd;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matrix backend is the one asked for ({@code -Ddlfs.blas=java} in CI's run on the kit's own
 * kernel), never netlib's slow reference BLAS by default, and it says which it is.
 */
class GemmBackendTest {
    @Test
    void theBackendIsTheOneAskedFor() {
        String backend = Gemm.backend();
        System.out.println("matrix backend: " + backend + (System.getenv("OPENBLAS_CORETYPE") == null ? ""
                : " (OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE") + ")"));
        String asked = System.getProperty("dlfs.blas", "");
        if (asked.equalsIgnoreCase("java")) assertTrue(backend.startsWith("java"), backend);
        if (backend.startsWith("native")) assertTrue(!backend.contains("/blas/libblas") || asked.equalsIgnoreCase("native"),
                "the reference BLAS is used only when asked for by name: " + backend);
        // whatever the backend, a product is right
        NDArray a = NDArray.of(new double[][]{{1, 2}, {3, 4}}), b = NDArray.of(new double[][]{{5, 6}, {7, 8}});
        assertEquals(NDArray.of(new double[][]{{19, 22}, {43, 50}}), a.matmul(b));
    }
}
