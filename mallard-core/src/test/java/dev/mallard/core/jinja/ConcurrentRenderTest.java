package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One engine, shared macros, many threads: every render sees only its own runtime and values. */
class ConcurrentRenderTest {
    private static final String MACROS = """
            {% macro cols(n) %}{% set out = [] %}{% for i in range(n) %}{% do out.append('c' ~ i) %}{% endfor %}\
            {{ return(out) }}{% endmacro %}
            {% macro select_from(name, n) %}select {{ cols(n) | join(', ') }} from {{ ref(name) }}{% endmacro %}
            {% macro checked(n) %}{% if n % 7 == 0 %}{{ exceptions.raise_compiler_error('bad ' ~ n) }}{% endif %}ok{% endmacro %}
            """;

    @Test
    void concurrentRendersOfTemplatesCallingSharedMacros() throws Exception {
        JinjaEngine engine = new JinjaEngine(List.of(new TemplateFile("macros/m.sql", MACROS)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    FakeRuntime runtime = new FakeRuntime(true);
                    String out = engine.render(new TemplateFile("models/m" + n + ".sql",
                            "{{ config(materialized='view', n=" + n + ") }}{{ select_from('t" + n + "', " + (n % 5 + 1)
                                    + ") }}|{{ 'x.%s' % model_id }}|{{ config.get('n') }}"),
                            runtime, Map.of("model_id", n));
                    assertEquals((long) n, runtime.config.get("n"));
                    return out;
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                StringBuilder cols = new StringBuilder();
                for (int c = 0; c < i % 5 + 1; c++) {
                    cols.append(c == 0 ? "" : ", ").append('c').append(c);
                }
                assertEquals("select " + cols + " from \"db\".\"main\".\"t" + i + "\"|x." + i + "|" + i,
                        results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentErrorsStayWithTheirOwnRender() throws Exception {
        JinjaEngine engine = new JinjaEngine(List.of(new TemplateFile("macros/m.sql", MACROS)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    try {
                        return engine.render(new TemplateFile("models/m" + n + ".sql", "\n{{ checked(" + n + ") }}"),
                                new FakeRuntime(true), Map.of());
                    } catch (MallardException e) {
                        return e.describe();
                    }
                }));
            }
            for (int i = 1; i <= 200; i++) {
                String out = results.get(i - 1).get();
                if (i % 7 == 0) {
                    assertTrue(out.startsWith("models/m" + i + ".sql:2: bad " + i), out);
                } else {
                    assertEquals("\nok", out);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
