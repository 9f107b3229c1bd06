package dev.mallard.core.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One occurrence of one of dbt's deprecation warnings ({@code MissingArgumentsPropertyInGenericTestDeprecation},
 * code {@code D039}): the event's name and code, its description (the text after dbt's
 * "Deprecated functionality" heading) and its fields, as dbt's JSON log shows them.
 * <p>
 * Parsing hands warnings on as text (they are saved with a parse and said again); a deprecation
 * travels among them {@link #encode() encoded}, and whoever prints them {@link #decode decodes} it.
 *
 * @param named      whether dbt's tag names the event ({@code [WARNING][Name]:}); a few say only {@code [WARNING]:}
 * @param resource   the node whose parse gave it (a model's name), or "" when it is not tied to one: a parse that
 *                   reuses the saved parse says again those of the nodes it parses again, as dbt's partial parse does
 * @param occurrence what tells apart two occurrences with the same text (the YAML path of a test entry)
 */
public record Deprecation(String name, String code, boolean named, String description, Map<String, Object> data,
                          String resource, String occurrence) {
    private static final char MARK = '\u001e';
    private static final String SEP = "\u001f";

    public Deprecation {
        data = java.util.Collections.unmodifiableMap(new TreeMap<>(data)); // dbt's JSON lists the fields sorted
        resource = resource == null ? "" : resource;
        occurrence = occurrence == null ? "" : occurrence;
    }

    /** The event's message as dbt words it: the tag, "Deprecated functionality", the description, wrapped to {@code width}. */
    public String message(boolean colors, int width) {
        String warning = colors ? "\u001b[33mWARNING\u001b[0m" : "WARNING";
        String tag = "[" + warning + "]" + (named ? "[" + name + "]" : "") + ": ";
        String text = tag + "Deprecated functionality\n\n" + description;
        // dbt fires this one before it knows the printer width, and leaves it unwrapped
        return name.equals("ProjectFlagsMovedDeprecation") ? text : TextWrap.lineWrapMessage(text, width);
    }

    /** This occurrence as a warning's text (see {@link #decode}). */
    public String encode() {
        List<String> fields = new ArrayList<>(List.of(name, code, named ? "1" : "0", description, resource, occurrence));
        data.forEach((k, v) -> {
            fields.add(k);
            fields.add(String.valueOf(v));
        });
        return MARK + String.join(SEP, fields);
    }

    /** The deprecation a warning's text encodes, or null when it is an ordinary warning. */
    public static Deprecation decode(String warning) {
        if (warning.isEmpty() || warning.charAt(0) != MARK) {
            return null;
        }
        String[] f = warning.substring(1).split(SEP, -1);
        Map<String, Object> data = new TreeMap<>();
        for (int i = 6; i + 1 < f.length; i += 2) {
            data.put(f[i], f[i + 1]);
        }
        return new Deprecation(f[0], f[1], f[2].equals("1"), f[3], data, f[4], f[5]);
    }

    /** A warning's text as a line of plain text (a deprecation's message without colours, 80 wide). */
    public static String plain(String warning) {
        Deprecation d = decode(warning);
        return d == null ? warning : d.message(false, 80);
    }

    /** Whether a warning's text is an encoded deprecation. */
    public static boolean is(String warning) {
        return !warning.isEmpty() && warning.charAt(0) == MARK;
    }
}
