package dev.mallard.core.jinja;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A macro file as dbt reads it: its top-level macro, test and materialization blocks, nothing
 * else. dbt cuts those blocks out before parsing them, so the text between them (usage examples
 * in SQL comments, stray {@code {{ ... }}}) is never parsed and need not be valid Jinja.
 */
final class MacroFileText {
    private static final Pattern TAG = Pattern.compile(
            "\\{#.*?#}|\\{%-?\\s*raw\\s*-?%}.*?\\{%-?\\s*endraw\\s*-?%}"
                    + "|\\{%-?\\s*(macro|test|data_test|materialization"
                    + "|endmacro|endtest|enddata_test|endmaterialization)\\b.*?-?%}",
            Pattern.DOTALL);

    private MacroFileText() {
    }

    /**
     * {@code text} with everything outside its top-level blocks blanked: each character becomes a
     * space and each line break stays, so the blocks keep their lines and columns.
     */
    static String blocksOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = TAG.matcher(text);
        int depth = 0;
        int kept = 0;
        int start = 0;
        while (m.find()) {
            if (m.group(1) == null) {
                continue; // a comment or raw block: inside a block it stays, outside it is blanked
            }
            if (!m.group(1).startsWith("end")) {
                if (depth++ == 0) {
                    start = m.start();
                }
            } else if (depth > 0 && --depth == 0) {
                blank(text, kept, start, out);
                out.append(text, start, m.end());
                kept = m.end();
            }
        }
        if (depth > 0) {
            // a block without its end tag stays, so that parsing it reports the missing end as dbt does
            blank(text, kept, start, out);
            out.append(text, start, text.length());
            return out.toString();
        }
        blank(text, kept, text.length(), out);
        return out.toString();
    }

    private static void blank(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            out.append(c == '\n' || c == '\r' ? c : ' ');
        }
    }
}
