package dlfs.nets;

import dlfs.nd.NDArray;

import java.nio.file.Path;
import java.util.Map;

/**
 * A {@link Net} that can write its trained state to a file and read it back (ch7's
 * {@code save_params} / {@code load_params}), in the {@link Checkpoint} format.
 */
public interface SavableNet extends Net {
    /**
     * A one-line description of the architecture (layer sizes, activation, options): a file is only
     * loaded into a net with the same line.
     */
    String architecture();

    /**
     * Everything {@link #save} writes, by name: the parameters and any non-trainable state such as
     * BatchNormalization's running mean and variance (live arrays).
     */
    default Map<String, NDArray> state() {
        return params();
    }

    /** Writes {@link #state()} to {@code file}. */
    default void save(Path file) {
        Checkpoint.save(file, architecture(), state());
    }

    /** Loads a file written by {@link #save} from a net of the same architecture, in place. */
    default void load(Path file) {
        Checkpoint.read(file).copyInto(architecture(), state());
    }
}
