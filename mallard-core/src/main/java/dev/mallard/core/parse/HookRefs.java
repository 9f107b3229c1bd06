package dev.mallard.core.parse;

import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a node's pre- and post-hooks ref: dbt renders a node's hooks at parse time, so a
 * {@code ref()} or {@code source()} in a hook (from dbt_project.yml, properties or config())
 * is a dependency of the node, listed after those of its SQL.
 */
final class HookRefs {
    private HookRefs() {
    }

    /** The refs and sources of the hooks in {@code config}, as rendered with {@code rt} (whose lists they fill). */
    static void capture(JinjaEngine jinja, Map<String, Object> config, ParseRuntime rt, String file) {
        for (String key : List.of("pre-hook", "post-hook", "pre_hook", "post_hook")) {
            for (String sql : texts(config.get(key))) {
                if (!sql.contains("{{") && !sql.contains("{%")) {
                    continue;
                }
                try {
                    jinja.render(new TemplateFile(file, sql), rt, Map.of());
                } catch (RuntimeException e) {
                    // a hook that cannot render at parse time (e.g. it reads the database) still runs;
                    // its run reports any error, as a gap of the parse context must not fail the project
                }
            }
        }
    }

    /** A hook config's SQL texts: a string, a {@code {sql: ...}} map, or a list of those. */
    private static List<String> texts(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof Map<?, ?> m && m.get("sql") instanceof String s) {
            out.add(s);
        } else if (value instanceof List<?> list) {
            list.forEach(v -> out.addAll(texts(v)));
        }
        return out;
    }

    /** {@code first} followed by {@code more}. */
    static <T> List<T> concat(List<T> first, List<T> more) {
        if (more.isEmpty()) {
            return first;
        }
        List<T> out = new ArrayList<>(first);
        out.addAll(more);
        return out;
    }
}
