package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** A parsed {@code name(arg, arg=default)} header of the macro-like tags dbt adds. */
record MacroSignature(String name, LinkedHashMap<String, Object> args) {

    /** Parses {@code name(args)} or a bare {@code name}; defaults are evaluated now, as Jinja does. */
    static MacroSignature parse(String header, JinjavaInterpreter interpreter, String tag) {
        String h = header.trim();
        int open = h.indexOf('(');
        String name = (open < 0 ? h : h.substring(0, open)).trim();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new MallardException(ErrorCode.JINJA, "bad {% " + tag + " %} header: '" + header.trim() + "'");
        }
        LinkedHashMap<String, Object> args = new LinkedHashMap<>();
        if (open >= 0) {
            int close = h.lastIndexOf(')');
            if (close < open) {
                throw new MallardException(ErrorCode.JINJA, "unclosed '(' in {% " + tag + " %} header: '" + h + "'");
            }
            for (String part : splitTopLevel(h.substring(open + 1, close))) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    args.put(part.trim(), null);
                } else {
                    Object value = interpreter.resolveELExpression(part.substring(eq + 1).trim(),
                            interpreter.getLineNumber());
                    args.put(part.substring(0, eq).trim(), value);
                }
            }
        }
        return new MacroSignature(name, args);
    }

    /** Splits on commas outside brackets and quotes. */
    static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (!s.substring(start).isBlank()) {
            parts.add(s.substring(start));
        }
        parts.removeIf(String::isBlank);
        return parts;
    }
}
