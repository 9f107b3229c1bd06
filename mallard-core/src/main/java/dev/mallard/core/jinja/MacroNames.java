package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.ast.Pos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each macro of each package is defined. As in dbt, a project's macro may override a
 * package's or dbt's own macro of the same name, but two macros of one name in the same
 * package are an error, or the one read last would silently win.
 */
final class MacroNames {
    private final Map<String, List<Pos>> definitions = new LinkedHashMap<>();

    void add(String packageName, String macroName, Pos pos) {
        definitions.computeIfAbsent(packageName + "\u0000" + macroName, k -> new ArrayList<>()).add(pos);
    }

    /** Refuses every name defined more than once in one package, naming each place it is defined. */
    void requireUnique() {
        List<String> messages = new ArrayList<>();
        Pos first = null;
        for (Map.Entry<String, List<Pos>> e : definitions.entrySet()) {
            List<Pos> places = e.getValue();
            if (places.size() < 2) {
                continue;
            }
            String[] key = e.getKey().split("\u0000", 2);
            StringBuilder sb = new StringBuilder("dbt found " + (places.size() == 2 ? "two" : places.size())
                    + " macros named '" + key[1] + "' in the project '" + key[0]
                    + "'; macro names must be unique within a project. They are defined in:");
            for (Pos p : places) {
                sb.append("\n  - ").append(p.file()).append(':').append(p.line());
            }
            messages.add(sb.toString());
            if (first == null) {
                first = places.get(1);
            }
        }
        if (first != null) {
            throw new MallardException(ErrorCode.JINJA, "Compilation Error: " + String.join("\n", messages),
                    first.file(), first.line(), "rename or remove all but one of them", null);
        }
    }
}
