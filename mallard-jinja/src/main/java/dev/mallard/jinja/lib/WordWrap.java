package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.PyChars;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code wordwrap} filter: Python's {@code textwrap.wrap} as Jinja2 calls it (tabs kept,
 * whitespace not replaced, whitespace dropped at line ends), each existing line wrapped on its own.
 */
final class WordWrap {
    private static final String WS = "[\\t\\n\\x0B\\f\\r ]";
    private static final String NWS = "[^\\t\\n\\x0B\\f\\r ]";
    private static final String WP = "[\\w!\"'&.,?]";
    private static final String LT = "[^\\d\\W]";
    /** textwrap's chunker: whitespace runs, em-dashes, and words split after their hyphens. */
    private static final Pattern WORD_SEPARATOR = Pattern.compile("(" + WS + "+"
            + "|(?<=" + WP + ")-{2,}(?=\\w)"
            + "|" + NWS + "+?(?:-(?:(?<=" + LT + "{2}-)|(?<=" + LT + "-" + LT + "-))(?=" + LT + "-?" + LT + ")"
            + "|(?=" + WS + "|\\z)"
            + "|(?<=" + WP + ")(?=-{2,}\\w)))", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SIMPLE_SEPARATOR = Pattern.compile("(" + WS + "+)");

    private WordWrap() {
    }

    static String wrap(String s, int width, boolean breakLongWords, String wrapstring, boolean breakOnHyphens) {
        StringBuilder out = new StringBuilder();
        boolean firstLine = true;
        for (String line : splitlines(s)) {
            if (!firstLine) {
                out.append(wrapstring);
            }
            firstLine = false;
            out.append(String.join(wrapstring, wrapLine(line, width, breakLongWords, breakOnHyphens)));
        }
        return out.toString();
    }

    private static List<String> splitlines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (PyChars.isLineBreak(cp)) {
                if (cp == '\r' && next < s.length() && s.charAt(next) == '\n') {
                    next++;
                }
                lines.add(s.substring(start, i));
                start = next;
            }
            i = next;
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    private static List<String> chunks(String text, boolean breakOnHyphens) {
        Matcher m = (breakOnHyphens ? WORD_SEPARATOR : SIMPLE_SEPARATOR).matcher(text);
        List<String> chunks = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            chunks.add(text.substring(last, m.start()));
            chunks.add(m.group(1));
            last = m.end();
        }
        chunks.add(text.substring(last));
        chunks.removeIf(String::isEmpty);
        return chunks;
    }

    private static List<String> wrapLine(String text, int width, boolean breakLongWords, boolean breakOnHyphens) {
        if (width <= 0) {
            throw new JinjaError("invalid width " + width + " (must be > 0)");
        }
        List<String> chunks = chunks(text, breakOnHyphens);
        java.util.Collections.reverse(chunks);
        List<String> lines = new ArrayList<>();
        while (!chunks.isEmpty()) {
            List<String> line = new ArrayList<>();
            int length = 0;
            if (isBlank(last(chunks)) && !lines.isEmpty()) {
                chunks.remove(chunks.size() - 1);
            }
            while (!chunks.isEmpty()) {
                int l = len(last(chunks));
                if (length + l > width) {
                    break;
                }
                line.add(chunks.remove(chunks.size() - 1));
                length += l;
            }
            if (!chunks.isEmpty() && len(last(chunks)) > width) {
                longWord(chunks, line, length, width, breakLongWords, breakOnHyphens);
                length = line.stream().mapToInt(WordWrap::len).sum();
            }
            if (!line.isEmpty() && isBlank(line.get(line.size() - 1))) {
                length -= len(line.remove(line.size() - 1));
            }
            if (!line.isEmpty()) {
                lines.add(String.join("", line));
            }
        }
        return lines;
    }

    private static void longWord(List<String> chunks, List<String> line, int length, int width,
                                 boolean breakLongWords, boolean breakOnHyphens) {
        int spaceLeft = width < 1 ? 1 : width - length;
        if (breakLongWords) {
            int end = spaceLeft;
            String chunk = last(chunks);
            if (breakOnHyphens && len(chunk) > spaceLeft) {
                String head = cut(chunk, spaceLeft);
                int hyphen = head.lastIndexOf('-');
                if (hyphen > 0 && head.substring(0, hyphen).chars().anyMatch(c -> c != '-')) {
                    end = head.codePointCount(0, hyphen) + 1;
                }
            }
            line.add(cut(chunk, end));
            chunks.set(chunks.size() - 1, chunk.substring(cut(chunk, end).length()));
        } else if (line.isEmpty()) {
            line.add(chunks.remove(chunks.size() - 1));
        }
    }

    private static String cut(String s, int codePoints) {
        return codePoints >= len(s) ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
    }

    private static String last(List<String> chunks) {
        return chunks.get(chunks.size() - 1);
    }

    private static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    private static boolean isBlank(String s) {
        return s.codePoints().allMatch(PyChars::isSpace);
    }
}
