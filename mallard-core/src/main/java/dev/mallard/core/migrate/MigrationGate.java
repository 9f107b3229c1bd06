package dev.mallard.core.migrate;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.IngestNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.manifest.SourceNode;
import dev.mallard.core.run.Workspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migrations and models in one DAG: before {@code build}, {@code run} or {@code ingest} executes nodes,
 * pending migrations are applied first when the project says
 * {@code migrations: {apply_on_build: true}}; otherwise the command is refused, before
 * anything runs, when a model it would build reads a source table that a pending
 * migration creates, alters, drops or writes, or an ingest would fill such a table.
 */
public final class MigrationGate {
    private static final String NAME = SqlNames.QUALIFIED;
    private static final Pattern TOUCHED = Pattern.compile("(?is)\\b(?:(?:create(?:\\s+or\\s+replace)?"
            + "(?:\\s+(?:temp|temporary))?|alter|drop)\\s+table(?:\\s+if\\s+(?:not\\s+)?exists)?"
            + "|insert\\s+(?:or\\s+\\w+\\s+)?into|update|delete\\s+from|truncate(?:\\s+table)?|merge\\s+into|copy)\\s+"
            + NAME);
    /** String literals and comments, blanked before matching so that their words touch nothing. */
    private static final Pattern LITERALS = Pattern.compile("(?s)'(?:[^']|'')*'|--[^\\n]*|/\\*.*?\\*/");

    private MigrationGate() {
    }

    /**
     * Applies or checks pending migrations for the nodes about to run.
     *
     * @return the migrations applied (empty when none were pending, or the project has none)
     * @throws MallardException when migrations are pending, not applied on build, and a
     *     model to run reads a table they touch
     */
    public static List<Migration> beforeModels(Workspace ws, Collection<NodeId> toRun, Consumer<String> log) {
        MigrationService service = new MigrationService(ws.project(), ws.engine());
        if (service.found().isEmpty()) {
            return List.of();
        }
        List<Migration> pending = service.pending();
        if (pending.isEmpty()) {
            return List.of();
        }
        if (service.config().applyOnBuild()) {
            log.accept("Applying " + pending.size() + " pending migration" + (pending.size() == 1 ? "" : "s")
                    + " first (migrations: apply_on_build)");
            List<Migration> done = service.up(null, log);
            log.accept("");
            return done;
        }
        Set<String> touched = touchedTables(pending, service);
        java.util.Map<String, SourceNode> sources = new java.util.HashMap<>();
        for (Node n : ws.manifest().nodes().values()) {
            if (n instanceof SourceNode s) {
                sources.put(s.sourceName() + "\u0000" + s.name(), s);
            }
        }
        List<String> blocked = new ArrayList<>();
        for (NodeId id : toRun) {
            Node n = ws.manifest().nodes().get(id);
            if (n instanceof IngestNode ingest) {
                // an ingest into a table that a pending migration creates would create it first, its own way
                for (IngestNode.IngestTable t : ingest.tables()) {
                    if (touched.contains(t.relation().identifier().toLowerCase(Locale.ROOT))) {
                        blocked.add("ingest " + ingest.name() + " (" + ingest.originalFilePath() + ") fills " + t.name());
                    }
                }
            }
            for (SourceCall call : n.sourceCalls()) {
                SourceNode source = sources.get(call.sourceName() + "\u0000" + call.tableName());
                if (source != null && touched.contains(source.relation().identifier().toLowerCase(Locale.ROOT))) {
                    blocked.add(n.resourceType().dbtName() + " " + n.name() + " (" + n.originalFilePath() + ") reads "
                            + call.sourceName() + "." + call.tableName());
                }
            }
        }
        if (blocked.isEmpty()) {
            return List.of();
        }
        StringBuilder msg = new StringBuilder(blocked.size() == 1 ? "a model reads a table" : blocked.size()
                + " models read tables").append(" that pending migrations change; nothing was built.");
        if (blocked.stream().anyMatch(b -> b.startsWith("ingest "))) {
            msg = new StringBuilder(blocked.size() + (blocked.size() == 1 ? " node uses a table" : " nodes use tables")
                    + " that pending migrations change; nothing was run.");
        }
        for (String b : new LinkedHashSet<>(blocked)) {
            msg.append("\n  ").append(b);
        }
        msg.append("\n  pending:");
        for (Migration m : pending) {
            msg.append("\n    V").append(m.version()).append(' ').append(m.description()).append(" (")
                    .append(m.script()).append(')');
        }
        throw new MallardException(ErrorCode.PROJECT, msg.toString(), null, 0,
                "run 'mallard migrate up' first, or set migrations: {apply_on_build: true} in dbt_project.yml", null);
    }

    /** Tables (lower-case, unqualified) the pending migrations touch; a Java one may touch any managed table. */
    static Set<String> touchedTables(List<Migration> pending, MigrationService service) {
        Set<String> out = new LinkedHashSet<>();
        for (Migration m : pending) {
            if (m instanceof SqlMigration sql) {
                for (SqlStatement s : sql.upStatements()) {
                    Matcher matcher = TOUCHED.matcher(LITERALS.matcher(s.sql()).replaceAll(" "));
                    while (matcher.find()) {
                        out.add(SqlNames.key(matcher.group(1)));
                    }
                }
            } else {
                service.managedTables().forEach(t -> out.add(t.toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }
}
