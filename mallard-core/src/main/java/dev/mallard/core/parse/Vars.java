package dev.mallard.core.parse;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.Map;

/** Variable lookup: --vars first, then the project's vars (package-scoped ones included). */
public record Vars(Map<String, Object> cli, Map<String, Object> project, String projectName) {
    public Vars {
        cli = Frozen.map(cli);
        project = Frozen.map(project);
    }

    @SuppressWarnings("unchecked")
    public Object get(String name, Object defaultValue, boolean hasDefault) {
        if (cli.containsKey(name)) {
            return cli.get(name);
        }
        if (project.get(projectName) instanceof Map<?, ?> scoped && scoped.containsKey(name)) {
            return ((Map<String, Object>) scoped).get(name);
        }
        if (project.containsKey(name)) {
            return project.get(name);
        }
        if (hasDefault) {
            return defaultValue;
        }
        throw new MallardException(ErrorCode.JINJA, "required var '" + name + "' not found in --vars or dbt_project.yml",
                null, 0, "define it under vars: in dbt_project.yml or pass --vars '{" + name + ": ...}'", null);
    }
}
