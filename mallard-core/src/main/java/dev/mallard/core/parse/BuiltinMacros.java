package dev.mallard.core.parse;

import dev.mallard.core.jinja.TemplateFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The macros Mallard ships as dbt's package {@code dbt}, loaded before the project's so that
 * a project macro of the same name overrides them: the generic tests and get_where_subquery
 * ({@code builtin_macros.sql}) and dbt's macro library ({@code dbt_macros.sql}).
 */
public final class BuiltinMacros {
    /** The pseudo-path errors and the manifest name for the generic tests' macros. */
    public static final String FILE = "mallard://builtin_macros.sql";
    /** The pseudo-path of dbt's macro library (cross-database macros, configs, relations). */
    public static final String LIBRARY_FILE = "mallard://dbt_macros.sql";
    /** The pseudo-path of dbt's incremental strategy macros (for custom strategies that call them). */
    public static final String INCREMENTAL_FILE = "mallard://incremental_macros.sql";
    /** The pseudo-path of the Postgres forms of dbt's cross-database macros. */
    public static final String POSTGRES_FILE = "mallard://postgres_macros.sql";
    private static final List<TemplateFile> TEMPLATES = List.of(
            new TemplateFile(FILE, load("builtin_macros.sql")),
            new TemplateFile(LIBRARY_FILE, load("dbt_macros.sql")),
            new TemplateFile(INCREMENTAL_FILE, load("incremental_macros.sql")));
    private static final List<String> PATHS = List.of(FILE, LIBRARY_FILE, INCREMENTAL_FILE, POSTGRES_FILE);

    private BuiltinMacros() {
    }

    /** Every built-in macro file, in load order. */
    public static List<TemplateFile> templates() {
        return TEMPLATES;
    }

    /** The built-in macro files for a target's adapter type: for Postgres, its own forms too (read on first use). */
    public static List<TemplateFile> templates(String adapterType) {
        if (!"postgres".equalsIgnoreCase(adapterType)) {
            return TEMPLATES;
        }
        List<TemplateFile> all = new java.util.ArrayList<>(TEMPLATES);
        all.add(new TemplateFile(POSTGRES_FILE, load("postgres_macros.sql")));
        return List.copyOf(all);
    }

    /** Whether a macro's file is one of Mallard's built-in files (package {@code dbt}). */
    static boolean isBuiltin(String file) {
        return PATHS.contains(file);
    }

    private static String load(String resource) {
        try (InputStream in = BuiltinMacros.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
