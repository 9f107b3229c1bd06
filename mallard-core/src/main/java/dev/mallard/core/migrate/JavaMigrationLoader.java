package dev.mallard.core.migrate;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds {@link JavaMigration} classes in class folders and jars of the project: every
 * concrete public class implementing the interface is instantiated with its no-argument
 * constructor. {@code <migrations>/java/} is both a class folder and a folder of jars.
 */
final class JavaMigrationLoader {
    private final Path projectDir;

    JavaMigrationLoader(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** Migrations found on {@code entries} (folders or jars; missing ones are skipped). */
    List<JavaClassMigration> load(List<Path> entries) {
        List<Path> roots = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                roots.add(entry);
                try (Stream<Path> files = Files.list(entry)) {
                    files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(roots::add);
                } catch (IOException e) {
                    throw new MallardException(ErrorCode.PROJECT, "cannot list " + entry + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                roots.add(entry);
            }
        }
        if (roots.isEmpty()) {
            return List.of();
        }
        List<String> classNames = new ArrayList<>();
        for (Path root : roots) {
            classNames.addAll(Files.isDirectory(root) ? classesInFolder(root) : classesInJar(root));
        }
        // the loader stays open: the instances it made run later in this invocation
        URLClassLoader loader = new URLClassLoader(urls(roots), JavaMigration.class.getClassLoader());
        List<JavaClassMigration> out = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // a helper class whose own dependencies are absent is not a migration
            }
            if (!JavaMigration.class.isAssignableFrom(type) || type.isInterface()
                    || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            out.add(instantiate(type));
        }
        return out;
    }

    private JavaClassMigration instantiate(Class<?> type) {
        String where = type.getName();
        JavaMigration migration;
        try {
            migration = (JavaMigration) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot create Java migration " + where + ": " + e,
                    where, 0, "a Java migration needs a public no-argument constructor", e);
        }
        try {
            return new JavaClassMigration(MigrationVersion.parse(migration.version()), migration);
        } catch (IllegalArgumentException e) {
            throw new MallardException(ErrorCode.PROJECT, "Java migration " + where + " has an invalid version: "
                    + e.getMessage(), where, 0);
        }
    }

    private URL[] urls(List<Path> roots) {
        URL[] urls = new URL[roots.size()];
        for (int i = 0; i < roots.size(); i++) {
            try {
                urls[i] = roots.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new MallardException(ErrorCode.PROJECT, "bad classpath entry " + roots.get(i));
            }
        }
        return urls;
    }

    private List<String> classesInFolder(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> className(root.relativize(p).toString().replace('\\', '/')))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot read " + projectDir.relativize(root) + ": "
                    + e.getMessage());
        }
    }

    private List<String> classesInJar(Path jar) {
        List<String> out = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    out.add(className(name));
                }
            }
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot read jar " + jar + ": " + e.getMessage(),
                    jar.toString(), 0);
        }
        out.sort(null);
        return out;
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
