package dev.mallard.core.javamodel;

import dev.mallard.api.JavaModel;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.parse.Checksums;
import dev.mallard.core.parse.JavaModelReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;

/**
 * Compiles a Java model in process with javax.tools against Mallard's own classes, keeping the
 * classes under {@code target/java_models/<name>-<hash>/} so that an unchanged model (same
 * source, same Mallard build, same JDK) is loaded without compiling again.
 */
final class JavaModelCompiler {
    private static final Object JAVAC = new Object();
    private final Path cacheDir;

    JavaModelCompiler(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** The model's class, compiled now or found in the cache; compile errors name file:line. */
    Class<? extends JavaModel> load(ModelNode model) {
        Path classes = cacheDir.resolve(model.name() + "-" + key(model.rawCode()));
        if (!Files.isDirectory(classes)) {
            compile(model, classes);
        }
        return modelClass(model, classes);
    }

    /** Whether {@code model} would be compiled (its classes are not cached). */
    boolean needsCompile(ModelNode model) {
        return !Files.isDirectory(cacheDir.resolve(model.name() + "-" + key(model.rawCode())));
    }

    private static String key(String source) {
        return Checksums.sha256(source + "\n" + mallardBuild() + "\n" + Runtime.version()).substring(0, 16);
    }

    /** Where Mallard's classes are (the shaded jar, or a classes folder in development), for the classpath. */
    static Path mallardClasses() {
        try {
            return Path.of(JavaModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new MallardException(ErrorCode.INTERNAL, "cannot locate Mallard's classes for Java models: " + e);
        }
    }

    private static String mallardBuild() {
        Path code = mallardClasses();
        try {
            return code + ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException e) {
            return code.toString();
        }
    }

    private void compile(ModelNode model, Path classes) {
        String file = model.originalFilePath();
        JavaCompiler javac = JavaModelReader.compiler(file);
        Path scratch;
        try {
            Files.createDirectories(cacheDir);
            scratch = Files.createTempDirectory(cacheDir, ".compile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-d", scratch.toString(), "-classpath", mallardClasses().toString(),
                "-proc:none", "-encoding", "UTF-8", "-g", "-Xlint:none");
        boolean ok;
        StringWriter out = new StringWriter();
        synchronized (JAVAC) {
            ok = javac.getTask(out, null, diagnostics, options, null,
                    List.of(JavaModelReader.sourceObject(file, model.rawCode()))).call();
        }
        if (!ok) {
            delete(scratch);
            List<String> errors = new ArrayList<>();
            int firstLine = 0;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    firstLine = firstLine == 0 ? (int) d.getLineNumber() : firstLine;
                    errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(null));
                }
            }
            throw new MallardException(ErrorCode.PROJECT, "Java model '" + model.name() + "' does not compile:\n  "
                    + String.join("\n  ", errors.isEmpty() ? List.of(out.toString().strip()) : errors), file, firstLine);
        }
        try {
            Files.move(scratch, classes, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            // another process compiled the same source meanwhile: its classes are as good
            delete(scratch);
            if (!Files.isDirectory(classes)) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends JavaModel> modelClass(ModelNode model, Path classes) {
        List<Class<?>> found = new ArrayList<>();
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    JavaModel.class.getClassLoader());
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path p : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString()
                        .contains("$")).sorted().toList()) {
                    String name = classes.relativize(p).toString().replace('\\', '/').replace('/', '.');
                    Class<?> c = loader.loadClass(name.substring(0, name.length() - ".class".length()));
                    if (JavaModel.class.isAssignableFrom(c) && !c.isInterface()
                            && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                        found.add(c);
                    }
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot load Java model '" + model.name() + "': " + e,
                    model.originalFilePath(), 0);
        }
        if (found.size() != 1) {
            throw new MallardException(ErrorCode.PROJECT, "Java model '" + model.name() + "' must define exactly one "
                    + "class implementing dev.mallard.api.JavaModel, found " + found.size(), model.originalFilePath(), 0,
                    "e.g. public class " + model.name() + " implements JavaModel { public ModelOutput run(ModelContext ctx)"
                    + " { ... } }", null);
        }
        return (Class<? extends JavaModel>) found.get(0);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover scratch folder is harmless
        }
    }
}
