package dev.mallard.core.parse;

import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.project.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dbt Python model ({@code models/x.py}, {@code def model(dbt, session)}) declares:
 * its {@code dbt.ref(...)}, {@code dbt.source(...)} and {@code dbt.config(...)} calls with
 * literal arguments, as dbt's parser reads them, so that the model is a node of the DAG.
 * Mallard cannot run Python: running one fails that node alone (see NodeCompiler).
 * Hand-written scanning: the calls dbt accepts are literal-only, which a few patterns read
 * without a Python parser (none small enough is on Maven Central).
 */
final class PythonModelReader {
    private static final String STR = "(?:'([^'\\\\]*)'|\"([^\"\\\\]*)\")";
    private static final Pattern REF = Pattern.compile("\\bdbt\\.ref\\(\\s*" + STR + "\\s*(?:,\\s*" + STR
            + "\\s*)?(?:,\\s*(?:v|version)\\s*=\\s*(" + STR + "|[0-9.]+)\\s*)?\\)");
    private static final Pattern SOURCE = Pattern.compile("\\bdbt\\.source\\(\\s*" + STR + "\\s*,\\s*" + STR
            + "\\s*\\)");
    private static final Pattern CONFIG = Pattern.compile("\\bdbt\\.config\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)");
    private static final Pattern KWARG = Pattern.compile("(\\w+)\\s*=\\s*(" + STR
            + "|True|False|None|-?[0-9]+(?:\\.[0-9]+)?|\\[[^\\]]*\\])");

    private PythonModelReader() {
    }

    static boolean isPython(SourceFile f) {
        return f.relativeToProject().endsWith(".py");
    }

    static JavaModelReader.Declared read(String file, String text) {
        String code = withoutComments(text);
        List<RefCall> refs = new ArrayList<>();
        Matcher m = REF.matcher(code);
        while (m.find()) {
            String first = str(m, 1);
            String second = m.group(3) != null || m.group(4) != null ? str(m, 3) : null;
            Object version = null;
            if (m.group(5) != null) {
                version = m.group(6) != null || m.group(7) != null ? str(m, 6) : number(m.group(5));
            }
            refs.add(second == null ? new RefCall(null, first, line(code, m.start()), version)
                    : new RefCall(first, second, line(code, m.start()), version));
        }
        List<SourceCall> sources = new ArrayList<>();
        m = SOURCE.matcher(code);
        while (m.find()) {
            sources.add(new SourceCall(str(m, 1), str(m, 3), line(code, m.start())));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        m = CONFIG.matcher(code);
        while (m.find()) {
            Matcher kw = KWARG.matcher(m.group(1));
            while (kw.find()) {
                config.put(kw.group(1), literal(kw.group(2)));
            }
        }
        return new JavaModelReader.Declared(config, refs, sources);
    }

    /** The text with # comments blanked (outside strings), so a commented-out ref is no dependency. */
    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (comment) {
                if (c == '\n') {
                    comment = false;
                    out.append(c);
                } else {
                    out.append(' ');
                }
                continue;
            }
            if (quote != 0) {
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(c).append(text.charAt(++i));
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#') {
                comment = true;
                out.append(' ');
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String str(Matcher m, int group) {
        return m.group(group) != null ? m.group(group) : m.group(group + 1);
    }

    private static Object number(String text) {
        return text.contains(".") ? (Object) Double.valueOf(text) : (Object) Integer.valueOf(text);
    }

    private static Object literal(String v) {
        if (v.startsWith("'") || v.startsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        if (v.startsWith("[")) {
            List<Object> items = new ArrayList<>();
            for (String part : v.substring(1, v.length() - 1).split(",")) {
                if (!part.isBlank()) {
                    items.add(literal(part.trim()));
                }
            }
            return items;
        }
        return switch (v) {
            case "True" -> true;
            case "False" -> false;
            case "None" -> null;
            default -> number(v);
        };
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
