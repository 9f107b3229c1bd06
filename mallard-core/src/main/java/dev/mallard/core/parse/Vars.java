package dev.mallard.core.parse;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.Map;

/**
 * Variable lookup as dbt does it for a node of package {@code scope}: {@code --vars} first,
 * then the root project's vars (those scoped to the package before the global ones), then
 * the vars of the package's own dbt_project.yml (scoped, then global).
 *
 * @param cli {@code --vars}
 * @param project the root project's {@code vars:}
 * @param scope the package whose node is rendered (the root project's name for its own nodes)
 * @param packageVars each installed package's own {@code vars:}, by package name
 */
public record Vars(Map<String, Object> cli, Map<String, Object> project, String scope,
                   Map<String, Map<String, Object>> packageVars) {
    public Vars {
        cli = Frozen.map(cli);
        project = Frozen.map(project);
        packageVars = Map.copyOf(packageVars);
    }

    public Vars(Map<String, Object> cli, Map<String, Object> project, String scope) {
        this(cli, project, scope, Map.of());
    }

    /** The lookup for a node of package {@code packageName}. */
    public Vars scopedTo(String packageName) {
        return packageName == null || packageName.equals(scope) ? this
                : new Vars(cli, project, packageName, packageVars);
    }

    public Object get(String name, Object defaultValue, boolean hasDefault) {
        if (cli.containsKey(name)) {
            return cli.get(name);
        }
        Object[] found = lookup(project, name);
        if (found == null) {
            found = lookup(packageVars.getOrDefault(scope, Map.of()), name);
        }
        if (found != null) {
            return found[0];
        }
        if (hasDefault) {
            return defaultValue;
        }
        throw new MallardException(ErrorCode.JINJA, "required var '" + name + "' not found in --vars or dbt_project.yml",
                null, 0, "define it under vars: in dbt_project.yml or pass --vars '{" + name + ": ...}'", null);
    }

    /** Where {@code name} is set: {@code --vars}, the root's dbt_project.yml or the package's; null when unset. */
    public String origin(String name) {
        if (cli.containsKey(name)) {
            return "--vars";
        }
        if (lookup(project, name) != null) {
            return "dbt_project.yml";
        }
        return lookup(packageVars.getOrDefault(scope, Map.of()), name) != null
                ? "the dbt_project.yml of package '" + scope + "'" : null;
    }

    /** {value} from the vars scoped to this package, else from the global ones; null when absent. */
    private Object[] lookup(Map<String, Object> vars, String name) {
        if (vars.get(scope) instanceof Map<?, ?> scoped && scoped.containsKey(name)) {
            return new Object[] {scoped.get(name)};
        }
        if (vars.containsKey(name)) {
            return new Object[] {vars.get(name)};
        }
        return null;
    }
}
