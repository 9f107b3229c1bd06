package dev.mallard.docs.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The artifacts a docs site is made from, as read from target/: manifest.json (required),
 * catalog.json, run_results.json and sources.json (each {@code null} when absent).
 */
public record SiteArtifacts(JsonNode manifest, JsonNode catalog, JsonNode runResults, JsonNode sources) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static SiteArtifacts read(Path target) {
        return new SiteArtifacts(json(target.resolve("manifest.json"), true), json(target.resolve("catalog.json"), false),
                json(target.resolve("run_results.json"), false), json(target.resolve("sources.json"), false));
    }

    private static JsonNode json(Path file, boolean required) {
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new UncheckedIOException(new IOException("no " + file));
            }
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + " is not valid JSON: " + e.getMessage(), e));
        }
    }
}
