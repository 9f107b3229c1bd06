package dev.mallard.core.parse;

import dev.mallard.core.common.TextFiles;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.project.SourceFile;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The properties YAML files of a parse, each read once (the properties and the exposures
 * readers share it) and taken from the partial-parse cache when its text is unchanged, with
 * the warnings reading it gave then.
 */
final class PropertyDocuments {
    private final ParseCache cache;
    private final Warnings warnings;
    private final Map<Path, YamlFiles.Document> read = new HashMap<>();

    PropertyDocuments(ParseCache cache, Warnings warnings) {
        this.cache = cache;
        this.warnings = warnings;
    }

    /** The document of {@code file}, named in messages relative to {@code unitDir}. */
    synchronized YamlFiles.Document of(SourceFile file, Path unitDir) {
        YamlFiles.Document document = read.get(file.absolute());
        if (document == null) {
            document = load(file, unitDir);
            read.put(file.absolute(), document);
        }
        return document;
    }

    private YamlFiles.Document load(SourceFile file, Path unitDir) {
        String display = YamlFiles.display(file.absolute(), unitDir);
        String text = TextFiles.readUtf8(file.absolute(), display);
        String checksum = Checksums.sha256(text);
        String key = file.absolute().toString();
        ParseCache.Yaml cached = cache.yaml(key, checksum);
        if (cached != null) {
            cached.warnings().forEach(warnings::add);
            return cached.document();
        }
        Warnings own = new Warnings();
        YamlFiles.Document document = YamlFiles.parseDocument(text, display, own);
        own.all().forEach(warnings::add);
        cache.putYaml(key, checksum, document, own.all());
        return document;
    }
}
