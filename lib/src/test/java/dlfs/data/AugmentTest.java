package dlfs.data;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

class AugmentTest {
    /** A 1×1×5×5 image with one lit pixel at (row, col). */
    static NDArray dot(int row, int col) {
        NDArray x = NDArray.zeros(1, 1, 5, 5);
        x.data()[row * 5 + col] = 1;
        return x;
    }

    @Test
    void wholePixelShiftMovesThePixelAndFillsWithZero() {
        double[] out = new double[25];
        Augment.warp(dot(2, 2).data(), out, 0, 1, 5, 5, 0, 1, 1, -2); // right 1, up 2
        assertEquals(NDArray.of(out, 1, 1, 5, 5), dot(0, 3));
        Augment.warp(dot(0, 0).data(), out, 0, 1, 5, 5, 0, 1, -1, 0); // off the left edge
        assertEquals(0, NDArray.of(out, 25).sum());
    }

    @Test
    void quarterTurnRotatesAboutTheCentre() {
        double[] out = new double[25];
        Augment.warp(dot(0, 2).data(), out, 0, 1, 5, 5, Math.PI / 2, 1, 0, 0);
        // the top-middle pixel goes to the right-middle or left-middle, depending on the sense; one of them, exactly
        NDArray r = NDArray.of(out, 1, 1, 5, 5);
        assertTrue(r.allclose(dot(2, 4), 0, 1e-12) || r.allclose(dot(2, 0), 0, 1e-12), r.toString());
    }

    @Test
    void halfPixelShiftSplitsTheValueBilinearly() {
        double[] out = new double[25];
        Augment.warp(dot(2, 2).data(), out, 0, 1, 5, 5, 0, 1, 0.5, 0);
        assertEquals(0.5, out[2 * 5 + 2], 1e-12);
        assertEquals(0.5, out[2 * 5 + 3], 1e-12);
        assertEquals(1.0, NDArray.of(out, 25).sum(), 1e-12);
    }

    @Test
    void zeroRangesLeaveTheBatchAloneAndTheInputIsNotChanged() {
        Rng rng = new Rng(3);
        NDArray x = rng.rand(4, 2, 6, 6), copy = x.copy();
        assertEquals(x, Augment.affine(0, 0, 0, new Rng(1)).apply(x));
        NDArray moved = Augment.affine(2, 10, 0.1, new Rng(1)).apply(x);
        assertEquals(copy, x, "the input batch is not modified");
        assertArrayEquals(x.shape(), moved.shape());
        assertFalse(moved.allclose(x, 0, 1e-3), "a random warp changes the images");
    }

    @Test
    void sameSeedSameWarps() {
        NDArray x = new Rng(4).rand(3, 1, 8, 8);
        UnaryOperator<NDArray> a = Augment.affine(2, 10, 0.1, new Rng(9)), b = Augment.affine(2, 10, 0.1, new Rng(9));
        assertEquals(a.apply(x), b.apply(x));
    }

    @Test
    void flatRowsAndBadRangesAreRefused() {
        ShapeException e = assertThrows(ShapeException.class, () -> Augment.shifts(2, new Rng(1)).apply(NDArray.zeros(3, 784)));
        assertTrue(e.getMessage().contains("(3, 784)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Augment.affine(-1, 0, 0, new Rng(1)));
        assertThrows(IllegalArgumentException.class, () -> Augment.affine(0, 0, 1.5, new Rng(1)));
    }
}
