package dev.mallard.docs.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.docs.lineage.ProjectLineage;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes the static docs site into target/: index.html, docs-data.js (the index of the project
 * as a script, so the page works from file:// without fetch), docs-data/N.js (node details in
 * chunks, loaded by script tags when a page needs them) and docs-assets/ (the page's script
 * and style, and the graph layout and SQL highlighting libraries from their webjars).
 */
public final class SiteWriter {
    /** Asset file name in docs-assets/ to the classpath resource it is copied from. */
    private static final Map<String, String> ASSETS = Map.of(
            "app.js", "/dev/mallard/docs/site/app.js",
            "graph.js", "/dev/mallard/docs/site/graph.js",
            "page.js", "/dev/mallard/docs/site/page.js",
            "select.js", "/dev/mallard/docs/site/select.js",
            "site.css", "/dev/mallard/docs/site/site.css",
            "dagre.min.js", "/META-INF/resources/webjars/dagre/0.8.4/dist/dagre.min.js",
            "highlight.min.js", "/META-INF/resources/webjars/highlightjs/11.10.0/highlight.min.js",
            "sql.min.js", "/META-INF/resources/webjars/highlightjs/11.10.0/languages/sql.min.js",
            "github.min.css", "/META-INF/resources/webjars/highlightjs/11.10.0/styles/github.min.css");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SiteArtifacts artifacts;
    private final ProjectLineage lineage;

    public SiteWriter(SiteArtifacts artifacts, ProjectLineage lineage) {
        this.artifacts = artifacts;
        this.lineage = lineage;
    }

    /** Writes the site and returns index.html's path. */
    public Path write(Path target) throws IOException {
        Path assets = target.resolve("docs-assets");
        Files.createDirectories(assets);
        for (Map.Entry<String, String> e : ASSETS.entrySet()) {
            try (InputStream in = SiteWriter.class.getResourceAsStream(e.getValue())) {
                if (in == null) {
                    throw new IOException("the docs asset " + e.getValue() + " is missing from the classpath");
                }
                Files.copy(in, assets.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        SiteSplit.Split split = SiteSplit.split(new SiteData(artifacts, lineage).build());
        Path chunks = target.resolve("docs-data");
        Files.createDirectories(chunks);
        try (var old = Files.list(chunks)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        for (int i = 0; i < split.chunks().size(); i++) {
            script(chunks.resolve(i + ".js"), "MallardDocs.chunk(" + i + ", ", split.chunks().get(i), ");\n");
        }
        script(target.resolve("docs-data.js"), "window.MALLARD_DOCS = ", split.index(), ";\n");
        Path index = target.resolve("index.html");
        try (InputStream in = SiteWriter.class.getResourceAsStream("/dev/mallard/docs/site/index.html")) {
            Files.copy(in, index, StandardCopyOption.REPLACE_EXISTING);
        }
        return index;
    }

    /** Writes {@code prefix + json + suffix} as a script, atomically. */
    private static void script(Path file, String prefix, Object json, String suffix) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(prefix);
            MAPPER.writeValue(new NoClose(w), json);
            w.write(suffix);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Jackson closes the writer it is given; the data's closing statement still follows. */
    private static final class NoClose extends java.io.FilterWriter {
        NoClose(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
