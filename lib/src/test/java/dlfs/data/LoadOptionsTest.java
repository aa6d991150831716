package dlfs.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link LoadOptions}: the book's load_mnist keywords by name. */
class LoadOptionsTest {
    @Test
    void namesTheBooksKeywords() {
        assertEquals(new LoadOptions(true, true, false), LoadOptions.normalized());
        assertEquals(new LoadOptions(true, true, true), LoadOptions.normalized().oneHot());
        assertEquals(new LoadOptions(true, false, false), LoadOptions.normalized().images());
        assertEquals(new LoadOptions(false, false, true), LoadOptions.raw().images().oneHot());
        assertEquals("normalize=True, flatten=False, one_hot_label=True", LoadOptions.normalized().oneHot().images().toString());
    }

    @Test
    void theShippedDigitsLoadAsNamed() {
        Samples s = Datasets.digits(LoadOptions.normalized().images().oneHot()).test();
        assertEquals(4, s.x().ndim());
        assertEquals(10, s.t().shape(1));
    }
}
