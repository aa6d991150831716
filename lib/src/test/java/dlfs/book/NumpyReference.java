package dlfs.book;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code data/scripts/book_numpy_reference.py} (the book's forward passes in numpy),
 * kept as a test resource: lines such as
 * {@code ch7 SimpleConvNet params.pkl: 9600 of 10000 correct (accuracy 0.9600); 400 wrong at 8 92 ...}.
 */
final class NumpyReference {
    private static final Pattern COUNT = Pattern.compile(": (\\d+) of (\\d+) correct \\(accuracy [0-9.]+\\); (\\d+) wrong at ?(.*)$");
    private final String resource;
    private final List<String> lines;

    private NumpyReference(String resource, List<String> lines) {
        this.resource = resource;
        this.lines = lines;
    }

    static NumpyReference load(String resource) {
        try (InputStream in = NumpyReference.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource dlfs/book/" + resource);
            return new NumpyReference(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text after "name: " on the line starting with it. */
    String value(String name) {
        String prefix = name + ": ";
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length()))
                .orElseThrow(() -> new IllegalStateException(resource + " has no line '" + prefix + "...'"));
    }

    /** The count of correct images of a run. */
    int correct(String name) {
        return Integer.parseInt(count(name).group(1));
    }

    /** The indices of the images a run got wrong. */
    int[] wrong(String name) {
        Matcher m = count(name);
        String list = m.group(4).trim();
        int[] wrong = list.isEmpty() ? new int[0] : Arrays.stream(list.split(" ")).mapToInt(Integer::parseInt).toArray();
        if (wrong.length != Integer.parseInt(m.group(3))) throw new IllegalStateException(resource + ": '" + name + "' lists "
                + wrong.length + " wrong images but counts " + m.group(3));
        return wrong;
    }

    /** The first image's scores of a run ("NAME scores of image 0 (float64, kit input)"). */
    double[] scores(String name) {
        return Arrays.stream(value(name + " scores of image 0 (float64, kit input)").split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** The predicted digit of each image ("NAME predictions: 8188..."). */
    int[] predictions(String name) {
        return value(name + " predictions").chars().map(c -> c - '0').toArray();
    }

    private Matcher count(String name) {
        Matcher m = COUNT.matcher(": " + value(name));
        if (!m.find()) throw new IllegalStateException(resource + ": line '" + name + "' is not a count");
        return m;
    }
}
