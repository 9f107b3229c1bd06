package dev.mallard.core.parse;

import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectConfig;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every file's parse depends on, hashed into the partial-parse cache's global key:
 * Mallard's own build, the project's folder, target (but its thread count) and {@code --vars}, every project's
 * (root and packages) rendered dbt_project.yml, and the path and text of every macro
 * (dbt's, the packages', the project's, generic tests), and the ingest specs ({@code ingest/*.yml}).
 * Any change parses every file again.
 */
final class ParseInputs {
    private ParseInputs() {
    }

    static String key(Project project, List<TemplateFile> macroTemplates) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(build(ParseInputs.class) + build(dev.mallard.jinja.Environment.class));
            out.writeUTF(project.dir().toAbsolutePath().normalize().toString());
            value(out, project.cliVars());
            // the thread count is left out (--threads 1 then 2 reuse one parse, as dbt's does): a template
            // that reads target.threads records the value it saw (WatchedTarget)
            Map<String, Object> target = new LinkedHashMap<>(project.target().context());
            target.remove(WatchedTarget.THREADS);
            value(out, target);
            target(out, project.target());
            config(out, project.config());
            for (Project p : project.packages()) {
                out.writeUTF(p.name() + "@" + p.dir().toAbsolutePath().normalize());
                config(out, p.config());
            }
            // ingest specs are read on every parse; a changed one also starts a fresh parse (their tables link sources)
            for (Path spec : dev.mallard.core.ingest.IngestSpecReader.files(project.dir())) {
                SavedValues.writeString(out, spec.getFileName().toString());
                SavedValues.writeString(out, Files.readString(spec));
            }
            out.writeInt(macroTemplates.size());
            boolean fromJar = Files.isRegularFile(codeOf(ParseInputs.class));
            for (TemplateFile t : macroTemplates) {
                SavedValues.writeString(out, t.path());
                // the built-in macros' text is the jar's, whose stamp opens the key: not hashed again on every parse
                if (!fromJar || !BuiltinMacros.isBuiltin(t.path())) {
                    SavedValues.writeString(out, t.text());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Checksums.sha256Hex(bytes.toByteArray());
    }

    /** Every field of the target (by its own encoding: a record's toString is bootstrapped on first use, ~7 ms). */
    private static void target(DataOutputStream out, dev.mallard.core.project.Target target) throws IOException {
        for (String s : new String[] {target.profileName(), target.name(), target.type(), target.schema(),
            target.database()}) {
            SavedValues.writeString(out, String.valueOf(s));
        }
        out.writeBoolean(target.defaulted());
        value(out, target.raw());
    }

    private static void config(DataOutputStream out, ProjectConfig config) throws IOException {
        out.writeUTF(config.name());
        for (Object part : List.of(config.vars(), config.models(), config.seeds(), config.tests(), config.snapshots(),
                config.sources(), config.raw())) {
            value(out, part);
        }
    }

    /** A plain value in the cache's own encoding; anything else by its text (a new text is a new key: safe). */
    private static void value(DataOutputStream out, Object v) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream encoded = new DataOutputStream(bytes)) {
            new SavedValues.Writer(encoded, true).write(v);
            out.writeInt(bytes.size());
            bytes.writeTo(out);
        } catch (SavedValues.Uncacheable e) {
            SavedValues.writeString(out, String.valueOf(v));
        }
    }

    /** Mallard's build: the jar (or classes folder) this class came from, with its size and time. */
    private static String build(Class<?> type) {
        try {
            Path code = codeOf(type);
            return code + ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | RuntimeException e) {
            return "unknown:" + System.nanoTime(); // unknown build: never reuse
        }
    }

    /** The jar (or classes folder) {@code type} came from; a path that is no file when unknown. */
    private static Path codeOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("");
        }
    }
}
