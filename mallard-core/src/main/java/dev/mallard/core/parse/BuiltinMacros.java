package dev.mallard.core.parse;

import dev.mallard.core.jinja.TemplateFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The macros Mallard ships (generic tests, get_where_subquery), loaded before the project's. */
public final class BuiltinMacros {
    /** The pseudo-path errors and the manifest name for these macros. */
    public static final String FILE = "mallard://builtin_macros.sql";
    private static final String TEXT = load();

    private BuiltinMacros() {
    }

    static TemplateFile template() {
        return new TemplateFile(FILE, TEXT);
    }

    private static String load() {
        try (InputStream in = BuiltinMacros.class.getResourceAsStream("builtin_macros.sql")) {
            if (in == null) {
                throw new IllegalStateException("builtin_macros.sql is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
