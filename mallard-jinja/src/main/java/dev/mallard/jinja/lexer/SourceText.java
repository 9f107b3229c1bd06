package dev.mallard.jinja.lexer;

/**
 * A template's text as Jinja2's lexer sees it: line breaks ({@code \r\n}, {@code \r},
 * {@code \n}) become {@code \n} and one trailing line break is dropped
 * ({@code keep_trailing_newline=False}). Also turns offsets into 1-based lines and columns.
 */
final class SourceText {
    private final String text;
    private final boolean hasSurrogates;
    private int cursorOffset;
    private int cursorLine = 1;
    private int cursorLineStart;

    private SourceText(String text) {
        this.text = text;
        boolean surrogates = false;
        for (int i = 0; i < text.length() && !surrogates; i++) {
            surrogates = Character.isSurrogate(text.charAt(i));
        }
        this.hasSurrogates = surrogates;
    }

    /** Normalises {@code source} as Jinja2 does before lexing. */
    static SourceText of(String source) {
        String s = source;
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return new SourceText(s);
    }

    String text() {
        return text;
    }

    /** The number of characters (code points) before {@code offset}, as Python counts positions. */
    int codePointIndex(int offset) {
        return hasSurrogates ? text.codePointCount(0, offset) : offset;
    }

    /**
     * The line of {@code offset}; offsets must be asked in increasing order (tokens are), so
     * the scan for line breaks runs once over the text.
     */
    int lineAt(int offset) {
        moveTo(offset);
        return cursorLine;
    }

    /** The 1-based column of {@code offset}, counted in characters (code points). */
    int columnAt(int offset) {
        moveTo(offset);
        return (hasSurrogates ? text.codePointCount(cursorLineStart, offset) : offset - cursorLineStart) + 1;
    }

    private void moveTo(int offset) {
        if (offset < cursorOffset) {
            cursorOffset = 0;
            cursorLine = 1;
            cursorLineStart = 0;
        }
        int nl = text.indexOf('\n', cursorOffset);
        while (nl >= 0 && nl < offset) {
            cursorLine++;
            cursorLineStart = nl + 1;
            nl = text.indexOf('\n', nl + 1);
        }
        cursorOffset = offset;
    }
}
