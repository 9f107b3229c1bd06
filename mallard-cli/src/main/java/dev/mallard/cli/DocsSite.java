package dev.mallard.cli;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.docs.lineage.ProjectLineage;
import dev.mallard.docs.lineage.SqlSyntaxTree;
import dev.mallard.docs.site.SiteArtifacts;
import dev.mallard.docs.site.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The docs site and column lineage from the artifacts in target/, SQL parsed by the engine. */
final class DocsSite {
    private DocsSite() {
    }

    /** Writes target/index.html and its assets; returns index.html's path. */
    static Path write(Path target, EngineSession session) {
        SiteArtifacts artifacts = SiteArtifacts.read(target);
        ProjectLineage lineage = ProjectLineage.analyse(artifacts.manifest(), artifacts.catalog(), parser(session));
        try {
            return new SiteWriter(artifacts, lineage).write(target);
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot write the docs site into " + target + ": "
                    + e.getMessage(), null, 0, null, e);
        }
    }

    static ProjectLineage lineage(Path target, EngineSession session) {
        Path manifest = target.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new MallardException(ErrorCode.USAGE, "no " + manifest + ": run `mallard docs generate` first");
        }
        SiteArtifacts artifacts = SiteArtifacts.read(target);
        return ProjectLineage.analyse(artifacts.manifest(), artifacts.catalog(), parser(session));
    }

    /** DuckDB's own parser: its syntax tree as JSON ({@code "error": true} with a message when it does not parse). */
    static SqlSyntaxTree parser(EngineSession session) {
        return sql -> String.valueOf(session.query("select json_serialize_sql('" + sql.replace("'", "''")
                + "')::varchar").rows().get(0).get(0));
    }
}
