package dev.mallard.core.parse;

import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.project.ValueRenderer;
import java.util.List;
import java.util.Map;

/** Renders Jinja in dbt_project.yml and profiles.yml values: env_var() and var() (CLI vars only). */
public final class YamlValueRenderer implements ValueRenderer {
    private final Vars vars;

    /** Made on first use: most dbt_project.yml and profiles.yml files hold no Jinja, and a reused parse needs no engine. */
    private static final class Plain {
        static final JinjaEngine ENGINE = new JinjaEngine(List.of());
    }

    public YamlValueRenderer(Map<String, Object> cliVars) {
        this.vars = new Vars(cliVars, Map.of(), "");
    }

    @Override
    public Object render(String template, String file) {
        ParseRuntime rt = new ParseRuntime(vars, Map.of(), Map.of(), null);
        return Plain.ENGINE.renderNative(new TemplateFile(file, template), rt, Map.of());
    }
}
