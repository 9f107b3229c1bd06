package dev.mallard.core.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * A step's command line split into arguments as a POSIX shell splits words: blanks separate,
 * single quotes keep everything, double quotes keep blanks, a backslash escapes one character.
 * No variables, globs or other shell features.
 */
final class StepLine {
    private StepLine() {
    }

    static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    args.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " quote in '" + line + "'");
        }
        if (inWord) {
            args.add(word.toString());
        }
        return args;
    }
}
