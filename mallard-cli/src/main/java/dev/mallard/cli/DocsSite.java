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
import java.util.ArrayList;
import java.util.List;

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
        return new SqlSyntaxTree() {
            @Override
            public String parse(String sql) {
                return parseAll(List.of(sql)).get(0);
            }

            /** 200 statements a query: one query each made a 10,000-model site spend most of its time in round trips. */
            @Override
            public List<String> parseAll(List<String> sqls) {
                List<String> out = new ArrayList<>(sqls.size());
                for (int from = 0; from < sqls.size(); from += 200) {
                    List<String> batch = sqls.subList(from, Math.min(sqls.size(), from + 200));
                    StringBuilder q = new StringBuilder("select json_serialize_sql(s)::varchar from (values ");
                    for (int i = 0; i < batch.size(); i++) {
                        q.append(i == 0 ? "" : ", ").append('(').append(i).append(", '")
                                .append(batch.get(i).replace("'", "''")).append("')");
                    }
                    q.append(") t(i, s) order by i");
                    for (List<Object> row : session.query(q.toString()).rows()) {
                        out.add(String.valueOf(row.get(0)));
                    }
                }
                return out;
            }
        };
    }
}
