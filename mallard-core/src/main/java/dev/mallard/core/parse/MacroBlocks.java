package dev.mallard.core.parse;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of each top-level macro block of a macro file ({@code macro_sql}), by the name the
 * macro is called by, cut as dbt cuts it: from the opening tag to the end of the closing tag;
 * a {@code {%-} opening takes the whitespace before it, a {@code -%}} closing the whitespace
 * after it. Comments and raw blocks are skipped.
 */
final class MacroBlocks {
    private static final Pattern TAG = Pattern.compile(
            "\\{#.*?#}|\\{%-?\\s*raw\\s*-?%}.*?\\{%-?\\s*endraw\\s*-?%}"
                    + "|(\\{%-?)\\s*(macro|test|materialization|endmacro|endtest|endmaterialization)\\b(.*?)(-?%})",
            Pattern.DOTALL);
    private static final Pattern MATERIALIZATION = Pattern.compile(
            "\\s*(\\w+)\\s*(?:,\\s*(?:adapter\\s*=\\s*)?['\"](\\w+)['\"])?.*", Pattern.DOTALL);

    private MacroBlocks() {
    }

    static Map<String, String> of(String text) {
        Map<String, String> out = new HashMap<>();
        Matcher m = TAG.matcher(text);
        int depth = 0;
        int start = 0;
        int previousEnd = 0;
        String name = null;
        while (m.find()) {
            if (m.group(2) == null) {
                continue;
            }
            boolean opening = !m.group(2).startsWith("end");
            if (opening) {
                if (depth++ == 0) {
                    start = m.start();
                    if (m.group(1).endsWith("-")) {
                        while (start > previousEnd && Character.isWhitespace(text.charAt(start - 1))) {
                            start--;
                        }
                    }
                    name = name(m.group(2), m.group(3));
                }
                continue;
            }
            if (depth == 0 || --depth > 0) {
                continue;
            }
            int end = m.end();
            if (m.group(4).startsWith("-")) {
                while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
            }
            if (name != null) {
                out.putIfAbsent(name, text.substring(start, end));
            }
            previousEnd = end;
        }
        return out;
    }

    /** The name a block's macro is called by: {@code test_<name>}, {@code materialization_<name>_<adapter>}. */
    private static String name(String kind, String rest) {
        if (kind.equals("materialization")) {
            Matcher mm = MATERIALIZATION.matcher(rest);
            if (!mm.matches()) {
                return null;
            }
            return "materialization_" + mm.group(1) + "_" + (mm.group(2) == null ? "default" : mm.group(2));
        }
        Matcher id = Pattern.compile("\\s*(\\w+)").matcher(rest);
        if (!id.lookingAt()) {
            return null;
        }
        return kind.equals("test") ? "test_" + id.group(1) : id.group(1);
    }
}
