package dlfs.nets;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

/** Shared input check of the conv nets: (N, C, H, W) as given, or a flat (N, C·H·W) batch reshaped. */
final class ConvInput {
    private ConvInput() {
    }

    static NDArray toImages(String net, NDArray x, int[] dim) {
        int per = dim[0] * dim[1] * dim[2];
        if (x.ndim() == 4 && x.shape(1) == dim[0] && x.shape(2) == dim[1] && x.shape(3) == dim[2]) return x;
        if (x.ndim() == 2 && x.shape(1) == per) return x.reshape(x.shape(0), dim[0], dim[1], dim[2]);
        throw new ShapeException(net + ": input " + x.shapeString() + " is neither (N, " + dim[0] + ", " + dim[1] + ", " + dim[2]
                + ") nor (N, " + per + ")");
    }
}
