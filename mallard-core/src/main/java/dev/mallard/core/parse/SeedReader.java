package dev.mallard.core.parse;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SeedNode;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A seed file as a node: its config from dbt_project.yml and its properties, its relation, its checksum. */
final class SeedReader {
    private SeedReader() {
    }

    /** The seed of {@code f}, or null when it is disabled. */
    static SeedNode seed(Project unit, SourceFile f, ProjectConfigTree tree, PropertyPatch patch,
                        RelationNamer namer) {
        return seed(unit, f, tree, patch, namer, unit.name());
    }

    /** @param patchPackage the package whose properties file {@code patch} is in */
    static SeedNode seed(Project unit, SourceFile f, ProjectConfigTree tree, PropertyPatch patch,
                        RelationNamer namer, String patchPackage) {
        String pkg = unit.name();
        String name = f.stem();
        List<String> fqn = ModelParser.fqn(unit, f, name);
        Map<String, Object> config = tree.configFor(fqn);
        if (patch != null) {
            ConfigMerger.mergeInto(config, patch.config());
        }
        boolean written = "seed".equals(config.put("materialized", "seed"));
        NodeConfig nodeConfig = new NodeConfig(config, written ? Set.of() : Set.of("materialized"));
        if (!nodeConfig.enabled()) {
            return null;
        }
        Relation relation = namer.name(name, config, ModelParser.nodeContext(unit, name, fqn, f, ResourceType.SEED));
        return new SeedNode(NodeId.of(ResourceType.SEED, pkg, name), name, pkg, f.relativeToRoot(), f.relativeToProject(),
                fqn, nodeConfig, relation, patch == null ? "" : patch.description(),
                patch == null ? Map.of() : patch.columns(), f.absolute(),
                patch == null ? null : patchPackage + "://" + patch.file(), Checksums.seed(f.absolute()));
    }

    /**
     * dbt refuses, at parse time, a seed whose pre- or post-hook calls ref() or source(): a seed is
     * loaded before anything else and may depend on no node. The hooks are rendered as a model's are
     * ({@link HookCalls}); one that only renders at run time is left to the run, as dbt leaves it.
     */
    static void requireNoDependencies(SeedNode seed, JinjaEngine jinja, Vars vars, Map<String, Object> target) {
        HookCalls calls = HookCalls.of(jinja, seed.originalFilePath(), seed.config(), null,
                () -> new ParseRuntime(vars, target, new java.util.LinkedHashMap<>(seed.config().values()),
                        seed.relation()));
        if (calls.refs().isEmpty() && calls.sources().isEmpty()) {
            return;
        }
        List<String> hooks = new ArrayList<>();
        seed.config().preHooks().forEach(h -> hooks.add("  - pre_hook: \"" + h + "\""));
        seed.config().postHooks().forEach(h -> hooks.add("  - post_hook: \"" + h + "\""));
        throw new MallardException(ErrorCode.PROJECT, "Seeds cannot depend on other nodes. A pre- or post-hook of seed '"
                + seed.name() + "' calls 'ref' or 'source' (directly or through a macro); its hooks:\n"
                + String.join("\n", hooks), seed.originalFilePath(), 1,
                "seeds load before every other node: run the statement in an on-run-end hook, or in a model's hook", null);
    }
}
