package dev.mallard.core.ingest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads one response body in a single streaming pass (Jackson's parser, no tree): the
 * records at {@code records_path} are copied out byte for byte as NDJSON lines, the few other values the
 * pagination needs (next cursor, next URL, totals) are captured, and the rest is skipped.
 * Along the way it notes each record field's JSON kinds, for the schema check, and the
 * largest value of the cursor field.
 */
final class PageParser {

    /** JSON kinds of a record field, as bit positions in {@link PageResult#fields()}. */
    static final String[] KINDS = {"a string", "an integer", "a decimal number", "a boolean", "an object", "a list"};
    static final int STRING = 0, INTEGER = 1, FLOAT = 2, BOOLEAN = 3, OBJECT = 4, ARRAY = 5;

    /** Why a body could not be read; the caller adds the ingest, URL and page. */
    static final class BadPage extends Exception {
        BadPage(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What one page held: its records as NDJSON, their count, for each field the (1-based)
     * index of the first record where each kind appeared (0 = never), the largest cursor
     * value, and the captured values by path.
     */
    record PageResult(byte[] ndjson, int records, Map<String, int[]> fields, String maxCursor,
            Map<String, String> captured) {}

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final String recordsPath;
    private final Set<String> captures;
    private final String cursorField;
    private final boolean trackFields;

    PageParser(String recordsPath, Set<String> captures, String cursorField, boolean trackFields) {
        this.recordsPath = recordsPath;
        this.captures = Set.copyOf(captures);
        this.cursorField = cursorField;
        this.trackFields = trackFields;
    }

    PageResult parse(byte[] body, String contentType) throws BadPage {
        int first = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb ? 3 : 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first == body.length) {
            throw new BadPage("the response body is empty");
        }
        if (body[first] == '<') {
            throw new BadPage("the response is HTML or XML, not JSON (Content-Type: " + contentType + ")");
        }
        Walk walk = new Walk(body);
        try (JsonParser p = FACTORY.createParser(body)) {
            p.nextToken();
            walk.value(p, "");
            if (p.nextToken() != null) {
                throw new BadPage("unexpected content after the JSON value at line " + p.currentLocation().getLineNr()
                    + ", column " + p.currentLocation().getColumnNr());
            }
        } catch (JsonEOFException e) {
            throw new BadPage("the JSON ends early after " + body.length + " bytes (a truncated body?)");
        } catch (StreamReadException e) {
            throw new BadPage("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadPage("unreadable JSON: " + e.getMessage());
        }
        if (!walk.found) {
            throw new BadPage(recordsPath.isEmpty() ? "the response is not a list of records (set records_path)"
                : "records_path '" + recordsPath + "' is not in the response");
        }
        return new PageResult(walk.out.toByteArray(), walk.count, walk.fields, walk.maxCursor, walk.captured);
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }

    /**
     * {@code body} with its line breaks made spaces: in valid JSON they can only be whitespace
     * between tokens, so records copied from it stay valid and on one line each.
     */
    static byte[] flatten(byte[] body) {
        byte[] flat = body;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == '\n' || b == '\r') {
                if (flat == body) {
                    flat = body.clone();
                }
                flat[i] = ' ';
            }
        }
        return flat;
    }

    static int kind(JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> STRING;
            case VALUE_NUMBER_INT -> INTEGER;
            case VALUE_NUMBER_FLOAT -> FLOAT;
            case VALUE_TRUE, VALUE_FALSE -> BOOLEAN;
            case START_OBJECT -> OBJECT;
            case START_ARRAY -> ARRAY;
            default -> -1;
        };
    }

    /** The state of one pass over a body. */
    private final class Walk {
        Walk(byte[] body) {
            this.body = body;
            this.flat = flatten(body);
            this.out = new ByteArrayOutputStream(body.length);
        }

        final ByteArrayOutputStream out;
        final byte[] body;
        /** The body with line breaks made spaces (the same array when it has none). */
        final byte[] flat;
        final Map<String, int[]> fields = new HashMap<>();
        final Map<String, String> captured = new HashMap<>();
        boolean found;
        int count;
        String maxCursor;
        BigDecimal maxCursorNumber;

        void value(JsonParser p, String path) throws IOException, BadPage {
            JsonToken t = p.currentToken();
            if (path.equals(recordsPath)) {
                if (t != JsonToken.START_ARRAY) {
                    int k = kind(t);
                    throw new BadPage("records_path '" + (path.isEmpty() ? "(the whole body)" : path) + "' is "
                        + (k < 0 ? "null" : KINDS[k]) + ", not a list of records");
                }
                found = true;
                records(p);
                return;
            }
            if (captures.contains(path)) {
                captured.put(path, t.isScalarValue() && t != JsonToken.VALUE_NULL ? p.getText() : null);
                p.skipChildren();
                return;
            }
            if (t == JsonToken.START_OBJECT && leadsSomewhere(path)) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    value(p, path.isEmpty() ? name : path + "." + name);
                }
                return;
            }
            p.skipChildren();
        }

        private boolean leadsSomewhere(String path) {
            if (path.isEmpty()) {
                return true;
            }
            String prefix = path + ".";
            if (recordsPath.startsWith(prefix)) {
                return true;
            }
            for (String c : captures) {
                if (c.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Copies each record's bytes as they are (one line each: the newlines of a
         * pretty-printed body are whitespace, so they become spaces), after the parser has
         * checked them and noted their top-level fields.
         */
        private void records(JsonParser p) throws IOException, BadPage {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    int k = kind(t);
                    throw new BadPage("record " + (count + 1) + " is " + (k < 0 ? "null" : KINDS[k]) + ", not an object");
                }
                int start = (int) p.currentTokenLocation().getByteOffset();
                count++;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    if (trackFields) {
                        int[] seen = fields.computeIfAbsent(name, n -> new int[KINDS.length]);
                        int k = kind(v);
                        if (seen[k] == 0) {
                            seen[k] = count;
                        }
                    }
                    if (v.isStructStart()) {
                        p.skipChildren();
                    } else if (name.equals(cursorField)) {
                        cursor(p, v);
                    }
                }
                int end = (int) p.currentLocation().getByteOffset();
                out.write(flat, start, end - start);
                out.write('\n');
            }
        }

        private void cursor(JsonParser p, JsonToken v) throws IOException {
            String text = p.getText();
            if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal n = p.getDecimalValue();
                if (maxCursorNumber == null || n.compareTo(maxCursorNumber) > 0) {
                    maxCursorNumber = n;
                    maxCursor = text;
                }
            } else if (maxCursorNumber == null && (maxCursor == null || text.compareTo(maxCursor) > 0)) {
                maxCursor = text;
            }
        }
    }

    /** The larger of two cursor values: numerically when both are numbers, else as text. */
    static String maxCursor(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) >= 0 ? a : b;
        } catch (NumberFormatException notNumbers) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }
}
