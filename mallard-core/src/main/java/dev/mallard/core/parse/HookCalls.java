package dev.mallard.core.parse;

import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ref() and source() calls of a node's hooks. dbt renders every pre- and post-hook while
 * parsing, so a hook that reads another model ({@code post_hook="insert into {{ ref('log') }} ..."})
 * makes the node depend on it: its refs follow the body's, and the run builds the hook's model
 * first. dbt renders the hooks once with the file's config and, when the node's properties
 * set a config, once more with it, listing their calls again (as its manifest shows). The
 * macros the hooks call follow the body's in the node's depends_on.macros.
 */
record HookCalls(List<RefCall> refs, List<SourceCall> sources, List<String> macros) {
    static final HookCalls NONE = new HookCalls(List.of(), List.of(), List.of());

    HookCalls {
        refs = List.copyOf(refs);
        sources = List.copyOf(sources);
        macros = List.copyOf(macros);
    }

    /**
     * @param beforePatch the node's config from the project and its file's config()
     * @param afterPatch the config with its properties' config too, or null when they set none
     * @param runtime a parse runtime for the node (ref/source give the node's own relation, as in dbt)
     */
    static HookCalls of(JinjaEngine jinja, String file, NodeConfig beforePatch, NodeConfig afterPatch,
                        Supplier<ParseRuntime> runtime) {
        List<String> hooks = new ArrayList<>(hooks(beforePatch));
        if (afterPatch != null) {
            hooks.addAll(hooks(afterPatch));
        }
        // most hooks call nothing (grants, analyze): they are not rendered at all
        if (hooks.stream().noneMatch(h -> h.contains("(") || h.contains("ref") || h.contains("source"))) {
            return NONE;
        }
        List<RefCall> refs = new ArrayList<>();
        List<SourceCall> sources = new ArrayList<>();
        java.util.Set<String> macros = new java.util.LinkedHashSet<>();
        for (String hook : hooks) {
            ParseRuntime rt = runtime.get();
            try {
                jinja.render(new TemplateFile(file, hook), rt, Map.of());
            } catch (RuntimeException e) {
                // a hook that only renders at run time (it reads run_query results) is checked then
                continue;
            }
            refs.addAll(rt.refs);
            sources.addAll(rt.sources);
            macros.addAll(rt.macroCalls);
        }
        return new HookCalls(refs, sources, new ArrayList<>(macros));
    }

    private static List<String> hooks(NodeConfig config) {
        List<String> out = new ArrayList<>(config.preHooks());
        out.addAll(config.postHooks());
        return out;
    }

    List<RefCall> after(List<RefCall> bodyRefs) {
        return refs.isEmpty() ? bodyRefs : concat(bodyRefs, refs);
    }

    /** The body's macro calls, then those of the hooks it does not make itself. */
    List<String> macrosAfter(List<String> bodyMacros) {
        if (macros.isEmpty()) {
            return bodyMacros;
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>(bodyMacros);
        out.addAll(macros);
        return List.copyOf(out);
    }

    List<SourceCall> afterSources(List<SourceCall> bodySources) {
        return sources.isEmpty() ? bodySources : concat(bodySources, sources);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
