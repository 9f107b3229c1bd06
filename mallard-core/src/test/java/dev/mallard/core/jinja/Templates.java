package dev.mallard.core.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: an engine over inline macro files, rendering inline templates. */
final class Templates {
    final JinjaEngine engine;
    final FakeRuntime runtime;

    private Templates(JinjaEngine engine, FakeRuntime runtime) {
        this.engine = engine;
        this.runtime = runtime;
    }

    /** Pairs of (path, text) for macro files. */
    static Templates withMacros(String... pathsAndTexts) {
        return withMacros(true, pathsAndTexts);
    }

    static Templates withMacros(boolean execute, String... pathsAndTexts) {
        List<TemplateFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(new TemplateFile(pathsAndTexts[i], pathsAndTexts[i + 1]));
        }
        return new Templates(new JinjaEngine(files), new FakeRuntime(execute));
    }

    /** An engine with Mallard's built-in macros (dbt's library) and then the given project macros. */
    static Templates withDbtLibrary(String... pathsAndTexts) {
        List<TemplateFile> files = new ArrayList<>(dev.mallard.core.parse.BuiltinMacros.templates());
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(new TemplateFile(pathsAndTexts[i], pathsAndTexts[i + 1]));
        }
        return new Templates(new JinjaEngine(files), new FakeRuntime(true));
    }

    String render(String text) {
        return engine.render(new TemplateFile("models/m.sql", text), runtime, Map.of());
    }

    String render(String text, Map<String, Object> extra) {
        return engine.render(new TemplateFile("models/m.sql", text), runtime, extra);
    }
}
