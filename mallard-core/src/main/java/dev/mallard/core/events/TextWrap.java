package dev.mallard.core.events;

import java.util.ArrayList;
import java.util.List;

/**
 * dbt's {@code line_wrap_message}: each paragraph (split on a blank line) filled to the printer
 * width as Python's {@code textwrap.fill(width, break_on_hyphens=False)} fills it, the paragraphs
 * then joined by a single line break. Hand-written because the line breaks must fall exactly
 * where dbt's do, and no Java library reproduces textwrap's greedy rules (whitespace runs are
 * chunks of their own, dropped at line ends; over-long words are cut).
 */
public final class TextWrap {
    private TextWrap() {
    }

    /** {@code message} as dbt prints a wrapped event message; colour codes count towards the width, as in dbt. */
    public static String lineWrapMessage(String message, int width) {
        List<String> out = new ArrayList<>();
        for (String paragraph : message.split("\n\n", -1)) {
            out.add(fill(paragraph, width));
        }
        return String.join("\n", out);
    }

    /** Python's {@code textwrap.fill(text, width, break_on_hyphens=False)}. */
    public static String fill(String text, int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("invalid width " + width + " (must be > 0)");
        }
        List<String> chunks = chunks(expandTabs(text));
        List<String> lines = new ArrayList<>();
        int next = 0;
        while (next < chunks.size()) {
            if (isSpace(chunks.get(next)) && !lines.isEmpty()) {
                next++; // a line never starts with the whitespace that ended the previous one
                if (next == chunks.size()) {
                    break;
                }
            }
            List<String> line = new ArrayList<>();
            int length = 0;
            while (next < chunks.size() && length + len(chunks.get(next)) <= width) {
                length += len(chunks.get(next));
                line.add(chunks.get(next++));
            }
            if (next < chunks.size() && len(chunks.get(next)) > width) {
                // a word longer than a whole line is cut to fill what is left of this one
                String word = chunks.get(next);
                int end = word.offsetByCodePoints(0, Math.max(width - length, 1));
                line.add(word.substring(0, end));
                chunks.set(next, word.substring(end));
            }
            if (!line.isEmpty() && isSpace(line.get(line.size() - 1))) {
                line.remove(line.size() - 1);
            }
            if (!line.isEmpty()) {
                lines.add(String.join("", line));
            }
        }
        return String.join("\n", lines);
    }

    /** textwrap's chunks: runs of its whitespace (each character made a space) and the words between them. */
    private static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
            if (current.length() > 0 && space != inSpace) {
                out.add(current.toString());
                current.setLength(0);
            }
            inSpace = space;
            current.append(space ? ' ' : c);
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** Python's {@code str.expandtabs()} (tab stops every 8 columns, counted from each line's start). */
    private static String expandTabs(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                int spaces = 8 - column % 8;
                sb.append(" ".repeat(spaces));
                column += spaces;
            } else {
                sb.append(c);
                column = c == '\n' || c == '\r' ? 0 : column + 1;
            }
        }
        return sb.toString();
    }

    private static boolean isSpace(String chunk) {
        return chunk.isBlank();
    }

    private static int len(String s) {
        return s.codePointCount(0, s.length());
    }
}
