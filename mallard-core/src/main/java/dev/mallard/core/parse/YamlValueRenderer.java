package dev.mallard.core.parse;

import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.project.ValueRenderer;
import java.util.List;
import java.util.Map;

/** Renders Jinja in dbt_project.yml and profiles.yml values: env_var() and var() (CLI vars only). */
public final class YamlValueRenderer implements ValueRenderer {
    private static final JinjaEngine PLAIN = new JinjaEngine(List.of());
    private final Vars vars;

    public YamlValueRenderer(Map<String, Object> cliVars) {
        this.vars = new Vars(cliVars, Map.of(), "");
    }

    @Override
    public Object render(String template, String file) {
        ParseRuntime rt = new ParseRuntime(vars, Map.of(), Map.of(), null);
        return PLAIN.renderNative(new TemplateFile(file, template), rt, Map.of());
    }
}
