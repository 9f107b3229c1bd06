package dev.mallard.core.parse;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.jinja.ast.Stmt;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectConfig;
import dev.mallard.core.project.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Snapshots: {@code {% snapshot name %}} blocks in the snapshot-paths files and
 * {@code snapshots:} entries with a {@code relation:} in properties YAML. Each becomes a
 * {@link ModelNode} of resource type snapshot whose raw code is the block's body, as dbt
 * keeps it.
 */
final class SnapshotReader {
    private static final Set<String> HARD_DELETES = Set.of("ignore", "invalidate", "new_record");

    private final Project project;
    private final Vars vars;
    private final JinjaEngine jinja;
    private final RelationNamer namer;
    private final ProjectConfigTree tree;

    SnapshotReader(Project project, Vars vars, JinjaEngine jinja, RelationNamer namer) {
        this.project = project;
        this.vars = vars;
        this.jinja = jinja;
        this.namer = namer;
        this.tree = ProjectConfigTree.of(project, ProjectConfig::snapshots);
    }

    /** Every enabled snapshot; {@code disabled} receives the names of disabled ones. */
    List<ModelNode> read(Map<String, PropertyPatch> patches, List<String> disabled) {
        List<ModelNode> out = new ArrayList<>();
        for (SourceFile f : project.snapshotFiles()) {
            if (!f.relativeToProject().endsWith(".sql")) {
                continue;
            }
            String text = Parser.read(f);
            for (Stmt stmt : jinja.parse(new TemplateFile(f.relativeToProject(), text)).body()) {
                if (!(stmt instanceof Stmt.Snapshot block)) {
                    continue;
                }
                // keep line numbers of errors in the body right by padding it to its place in the file
                String template = "\n".repeat(block.bodyLine() - 1) + block.source();
                // dbt's fqn of a snapshot block names its file too: [package, folders..., file stem, name]
                List<String> folders = new ArrayList<>(f.folders());
                folders.add(f.stem());
                ModelNode node = build(block.name(), f.relativeToRoot(), f.relativeToProject(), folders, template,
                        block.source(), patches.get(block.name()), block.pos().line(), Checksums.ofFileContents(text));
                if (node == null) {
                    disabled.add(block.name());
                } else {
                    out.add(node);
                }
            }
        }
        for (PropertyPatch patch : patches.values()) {
            Object relation = patch.raw().get("relation");
            if (relation == null) {
                continue;
            }
            String body = "select * from {{ " + relation + " }}";
            String yamlPath = patch.file().contains("/") ? patch.file().substring(patch.file().indexOf('/') + 1)
                    : patch.file();
            List<String> folders = new ArrayList<>(List.of(yamlPath.split("/")));
            folders.remove(folders.size() - 1);
            // as dbt names it: the YAML file's path with the snapshot as a file below it
            ModelNode node = build(patch.name(), yamlPath + "/" + patch.name() + ".sql", patch.file(), folders, body,
                    body, patch, 0, Checksums.sha256(body));
            if (node == null) {
                disabled.add(patch.name());
            } else {
                out.add(node);
            }
        }
        return out;
    }

    private ModelNode build(String name, String path, String file, List<String> folders, String template, String raw,
                            PropertyPatch patch, int line, String checksum) {
        String pkg = project.name();
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        fqn.addAll(folders);
        fqn.add(name);
        Map<String, Object> config = tree.configFor(fqn);
        if (patch != null) {
            ConfigMerger.mergeInto(config, patch.config());
        }
        Relation preliminary = new Relation(project.target().effectiveDatabase(), project.target().schema(), name);
        ParseRuntime rt = new ParseRuntime(vars, project.target().context(), config, preliminary);
        rt.deferMissingVars = true; // as dbt's parse-time var(): None; compiling the snapshot reports it
        jinja.render(new TemplateFile(file, template), rt, Map.of("model", Map.of("name", name)));
        ConfigMerger.mergeInto(config, rt.config);
        NodeConfig nodeConfig = new NodeConfig(config, "snapshot".equals(config.put("materialized", "snapshot"))
                ? java.util.Set.of() : java.util.Set.of("materialized"));
        if (!nodeConfig.enabled()) {
            return null;
        }
        check(name, config, file, line);
        Map<String, Object> naming = new LinkedHashMap<>(config);
        // legacy target_schema/target_database name the relation as given, without generate_schema_name
        Relation relation = namer.name(name, naming, nodeContext(name, fqn, path, file));
        if (config.get("target_schema") != null) {
            relation = relation.withSchema(String.valueOf(config.get("target_schema")).trim());
        }
        if (config.get("target_database") != null) {
            relation = new Relation(String.valueOf(config.get("target_database")).trim(), relation.schema(),
                    relation.identifier());
        }
        HookCalls hooks = HookCalls.NONE;
        if (!nodeConfig.preHooks().isEmpty() || !nodeConfig.postHooks().isEmpty()) {
            Map<String, Object> unpatched = tree.configFor(fqn);
            ConfigMerger.mergeInto(unpatched, rt.config);
            Relation self = relation;
            hooks = HookCalls.of(jinja, file, new NodeConfig(unpatched),
                    patch != null && !patch.config().isEmpty() ? nodeConfig : null,
                    () -> new ParseRuntime(vars, project.target().context(), config, self));
        }
        return new ModelNode(NodeId.of(ResourceType.SNAPSHOT, pkg, name), ResourceType.SNAPSHOT, name, pkg, path, file,
                fqn, raw, nodeConfig, relation, patch == null ? "" : patch.description(),
                patch == null ? Map.of() : patch.columns(), hooks.after(rt.refs), hooks.afterSources(rt.sources),
                patch == null ? null : pkg + "://" + patch.file(), checksum);
    }

    /** dbt refuses these at parse time; so do we, before the database is opened. */
    private static void check(String name, Map<String, Object> config, String file, int line) {
        String strategy = config.get("strategy") == null ? null : String.valueOf(config.get("strategy"));
        String where = "snapshot '" + name + "'";
        if (strategy == null) {
            throw new MallardException(ErrorCode.PROJECT, where + " has no 'strategy' config", file, line,
                    "set strategy='timestamp' (with updated_at) or strategy='check' (with check_cols)", null);
        }
        if (config.get("unique_key") == null) {
            throw new MallardException(ErrorCode.PROJECT, where + " has no 'unique_key' config", file, line);
        }
        if (strategy.equals("timestamp")) {
            if (config.get("updated_at") == null) {
                throw new MallardException(ErrorCode.PROJECT, where + " uses strategy 'timestamp' but has no 'updated_at'",
                        file, line);
            }
        } else if (strategy.equals("check")) {
            Object cols = config.get("check_cols");
            if (cols == null || !(cols instanceof List<?> || "all".equals(cols))) {
                throw new MallardException(ErrorCode.PROJECT, where + " uses strategy 'check' but 'check_cols' is "
                        + (cols == null ? "missing" : "'" + cols + "'") + " (use 'all' or a list of columns)", file, line);
            }
        } else {
            throw new MallardException(ErrorCode.PROJECT, where + " uses strategy '" + strategy
                    + "', which is not supported (supported: timestamp, check)", file, line);
        }
        Object hardDeletes = config.get("hard_deletes");
        if (hardDeletes != null && config.get("invalidate_hard_deletes") != null) {
            throw new MallardException(ErrorCode.PROJECT, where + " sets both invalidate_hard_deletes and hard_deletes",
                    file, line);
        }
        if (hardDeletes != null && !HARD_DELETES.contains(String.valueOf(hardDeletes))) {
            throw new MallardException(ErrorCode.PROJECT, where + " has an invalid hard_deletes '" + hardDeletes
                    + "' (use ignore, invalidate or new_record)", file, line);
        }
    }

    private Map<String, Object> nodeContext(String name, List<String> fqn, String path, String file) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", name);
        node.put("fqn", fqn);
        node.put("resource_type", ResourceType.SNAPSHOT.dbtName());
        node.put("path", path);
        node.put("original_file_path", file);
        node.put("package_name", project.name());
        return node;
    }
}
