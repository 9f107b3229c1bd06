package dev.mallard.cli;

import dev.mallard.core.migrate.JavaMigration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources at test time, the way a user's build would compile their Java migrations. */
final class JavaSources {
    private JavaSources() {
    }

    /** Compiles {@code sources} (class name → source) into the class folder {@code out}. */
    static void compile(Path out, Map<String, String> sources) {
        try {
            Path src = Files.createTempDirectory("mallard-java-src");
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath", coreClasses(),
                    "--release", "17"));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            Files.createDirectories(out);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter errors = new StringWriter();
            int rc = javac.run(null, null, new java.io.PrintStream(OutputStream.nullOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) {
                    errors.write(new String(b, off, len));
                }
            }, args.toArray(String[]::new));
            if (rc != 0) {
                throw new AssertionError("javac failed:\n" + errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs the class folder {@code classes} into {@code jar}. */
    static void jar(Path classes, Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(classes)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where mallard-core's classes are (a folder or a jar), for javac's classpath. */
    private static String coreClasses() {
        try {
            return Path.of(JavaMigration.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
