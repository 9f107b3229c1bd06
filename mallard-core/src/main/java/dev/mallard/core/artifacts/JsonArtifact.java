package dev.mallard.core.artifacts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an artifact atomically: to a temporary file in the same folder, then renamed
 * over the old one, so a reader (or a crash) sees the old file or the new one whole.
 */
public final class JsonArtifact {
    /**
     * Generators for the artifacts, from jackson-core alone: the maps and lists of an artifact
     * need no data binding, and setting up an {@link ObjectMapper} (~25 ms of a command's start,
     * at its first artifact) is left to the rare value that does ({@link Mapper}).
     */
    static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /**
     * Field names met so far, with their quoted UTF-8 kept: the same few dozen names ({@code
     * database}, {@code config}, ...) open every entry of a manifest, and writing one pre-encoded
     * is a copy instead of an escape check per character (a quarter of a 10,000-model manifest's
     * encoding). Bounded: maps keyed by node ids would fill it with names met once.
     */
    private static final Map<String, com.fasterxml.jackson.core.io.SerializedString> NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int NAMES_KEPT = 4096;

    /** The mapper for values other than maps, lists, strings, numbers and booleans; made on first use. */
    static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

        private Mapper() {
        }
    }

    private JsonArtifact() {
    }

    /** A JSON object with keys in the order given; values may be null. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * Writes plain maps, lists, strings, numbers and booleans straight to the generator (a
     * manifest is tens of megabytes of them, and this is several times faster than looking
     * up a serializer for each value); anything else goes to the mapper, so the bytes are the
     * ones an {@code ObjectMapper}'s {@code writeValue} gives.
     */
    static void writeTree(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = e.getKey() instanceof String k ? k : String.valueOf(e.getKey());
                com.fasterxml.jackson.core.io.SerializedString known = NAMES.get(key);
                if (known != null) {
                    json.writeFieldName(known);
                } else {
                    json.writeFieldName(key);
                    // a unique id, path or file name (they have dots) keys a map of one entry per node: kept,
                    // thousands of them would fill the table before the names every entry repeats
                    if (NAMES.size() < NAMES_KEPT && key.indexOf('.') < 0) {
                        NAMES.putIfAbsent(key, new com.fasterxml.jackson.core.io.SerializedString(key));
                    }
                }
                writeTree(json, e.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeTree(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Deferred d) {
            writeTree(json, d.make());
        } else {
            Mapper.INSTANCE.writeValue(json, value);
        }
    }

    /**
     * A value made only when it is written (on the thread that encodes it), and dropped after:
     * a large manifest's entries then never live all at once as maps.
     */
    @FunctionalInterface
    interface Deferred {
        Object make();
    }

    /** Writes {@code document} as JSON to {@code file} atomically (temp file in the same folder, then rename). */
    public static Path write(Path file, Object document) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // a unique name in the same folder, readable like any artifact (createTempFile would be 0600)
            tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Thread.currentThread().getId() + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                writeTree(json, document);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that is the error worth reporting
                }
            }
            throw new MallardException(ErrorCode.PROJECT, "could not write " + file + ": " + e.getMessage(),
                    file.toString(), 0, null, e);
        }
    }
}
