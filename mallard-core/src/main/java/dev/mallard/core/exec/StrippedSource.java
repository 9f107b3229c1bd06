package dev.mallard.core.exec;

import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.jinja.value.PyChars;

/**
 * dbt reads a model's or a singular test's file with its leading and trailing whitespace stripped,
 * so its compiled code starts and ends where the file's text does ({@code "\n\n  select 1\n\n"}
 * compiles to {@code "select 1"}). Mallard renders the file as it is, so that errors name the
 * file's own lines, and then takes off what the file's leading and trailing whitespace put
 * around the output. Whitespace control ({@code {%- ... -%}}) at either end already removed
 * it when the output does not start or end with it.
 */
final class StrippedSource {
    private StrippedSource() {
    }

    /** Whether dbt strips the file of {@code node} (models, analyses and singular tests; not snapshot blocks). */
    static boolean applies(Node node) {
        return node instanceof ModelNode m ? m.resourceType() != ResourceType.SNAPSHOT
                : node instanceof TestNode t && !t.isGeneric();
    }

    /** {@code output}, rendered from {@code raw}, as dbt renders {@code raw} stripped. */
    static String output(String raw, String output) {
        int start = 0;
        while (start < raw.length() && PyChars.isSpace(raw.codePointAt(start))) {
            start += Character.charCount(raw.codePointAt(start));
        }
        if (start == raw.length()) {
            return output.isBlank() ? "" : output;
        }
        String lead = lineBreaks(raw.substring(0, start));
        // "{%-", "{{-" or "{#-" first: the engine has removed the leading whitespace itself
        boolean leadKept = !(raw.startsWith("-", start + 2) && raw.startsWith("{", start));
        String out = leadKept && output.startsWith(lead) ? output.substring(lead.length()) : output;
        // the template engine has dropped one trailing line break already (Jinja's keep_trailing_newline=False)
        String text = lineBreaks(raw);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        int end = text.length();
        while (end > 0 && PyChars.isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        String trail = text.substring(end);
        // "-%}", "-}}" or "-#}" last: the engine has removed the trailing whitespace itself
        if (end >= 3 && text.charAt(end - 3) == '-' && text.charAt(end - 1) == '}') {
            return out;
        }
        return !trail.isEmpty() && out.endsWith(trail) ? out.substring(0, out.length() - trail.length()) : out;
    }

    /** Line breaks as the template engine reads them: {@code \r\n} and {@code \r} become {@code \n}. */
    private static String lineBreaks(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
