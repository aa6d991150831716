package dlfs.kernel;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One evaluator for all tests of a class, as one kernel serves a whole notebook, and what each
 * test's cells {@code display(...)} in {@link #displayed} (collected afresh for every test).
 */
abstract class EvaluatorSession {
    static Evaluator ev;
    final List<MimeBundle> displayed = new ArrayList<>();

    @BeforeAll
    static void start() {
        ev = new Evaluator();
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    @BeforeEach
    void collectDisplays() {
        Evaluator.setDisplaySink(displayed::add);
    }
}
