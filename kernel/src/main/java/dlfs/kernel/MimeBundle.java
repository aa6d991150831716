package dlfs.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rich output, as Jupyter's messages carry it: a map from MIME type to content
 * ({@code "image/png"} to base64, {@code "text/html"} to markup, {@code "text/plain"} always),
 * plus per-type metadata (an image's display width and height).
 */
public final class MimeBundle {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";

    private final Map<String, String> data = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    public MimeBundle put(String mimeType, String content) {
        data.put(mimeType, content);
        return this;
    }

    public MimeBundle putMetadata(String mimeType, Map<String, Object> meta) {
        metadata.put(mimeType, meta);
        return this;
    }

    public boolean has(String mimeType) {
        return data.containsKey(mimeType);
    }

    public String get(String mimeType) {
        return data.get(mimeType);
    }

    public Map<String, String> data() {
        return Collections.unmodifiableMap(data);
    }

    public Map<String, Object> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    @Override
    public String toString() {
        return "MimeBundle" + data.keySet();
    }
}
