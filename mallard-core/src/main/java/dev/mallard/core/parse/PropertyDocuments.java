package dev.mallard.core.parse;

import dev.mallard.core.common.TextFiles;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.project.SourceFile;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The properties YAML files of a parse, each read once (the properties and the exposures
 * readers share it) and taken from the partial-parse cache when its text is unchanged, with
 * the warnings reading it gave then.
 */
final class PropertyDocuments {
    private final ParseCache cache;
    private final Warnings warnings;
    private final Map<Path, Loaded> read = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Path> told = new HashSet<>();

    /** A document with the warnings reading it gave, said when the document is first asked for. */
    private record Loaded(YamlFiles.Document document, List<String> warnings) {
    }

    PropertyDocuments(ParseCache cache, Warnings warnings) {
        this.cache = cache;
        this.warnings = warnings;
    }

    /** Reads {@code files} on all cores ahead of their use (their warnings are said in the order they are asked for). */
    void preload(List<SourceFile> files, Path unitDir) {
        files.parallelStream().forEach(f -> {
            try {
                read.computeIfAbsent(f.absolute(), p -> load(f, unitDir));
            } catch (RuntimeException e) {
                // reported when the file is asked for, in the files' order, whichever thread met it first
            }
        });
    }

    /**
     * {@link #preload} on a thread of its own, while the caller does other work; the returned
     * task waits for it (the documents are asked for only after).
     */
    Runnable preloadMeanwhile(List<SourceFile> files, Path unitDir) {
        Thread reader = new Thread(() -> preload(files, unitDir), "parse-yaml");
        reader.setDaemon(true);
        reader.start();
        return () -> {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** The document of {@code file}, named in messages relative to {@code unitDir}. */
    synchronized YamlFiles.Document of(SourceFile file, Path unitDir) {
        Loaded loaded = read.computeIfAbsent(file.absolute(), p -> load(file, unitDir));
        if (told.add(file.absolute())) {
            loaded.warnings().forEach(warnings::add);
        }
        return loaded.document();
    }

    private Loaded load(SourceFile file, Path unitDir) {
        String display = YamlFiles.display(file.absolute(), unitDir);
        String text = TextFiles.readUtf8(file.absolute(), display);
        String checksum = Checksums.sha256(text);
        String key = file.absolute().toString();
        ParseCache.Yaml cached = cache.yaml(key, checksum);
        if (cached != null) {
            return new Loaded(cached.document(), cached.warnings());
        }
        Warnings own = new Warnings();
        YamlFiles.Document document = YamlFiles.parseDocument(text, display, own);
        cache.putYaml(key, checksum, document, own.all());
        return new Loaded(document, own.all());
    }
}
