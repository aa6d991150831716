package dlfs.optim;

import dlfs.nd.NDArray;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-parameter state of an optimizer (the book's {@code self.v}, {@code self.h}, {@code self.m}
 * dictionaries): one zero-initialised array per parameter name, created on first use with the
 * parameter's shape.
 */
final class Slots {
    private final Map<String, NDArray> slots = new HashMap<>();

    /** The state array of {@code key}, zeros like {@code param} the first time (or if its shape changed). */
    double[] of(String key, NDArray param) {
        NDArray s = slots.get(key);
        if (s == null || !Arrays.equals(s.shape(), param.shape())) {
            s = NDArray.zerosLike(param);
            slots.put(key, s);
        }
        return s.data();
    }
}
