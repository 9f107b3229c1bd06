package dev.mallard.core.exec;

import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.manifest.UnitTestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Writes target/compiled/ and target/run/ files, as dbt does. {@link #inBackground} hands the
 * writes to one writer thread, off the workers' path; {@link #awaitWrites} waits for them.
 */
public final class ArtifactFiles {
    private final Path targetDir;
    private final String projectName;
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private final ExecutorService writer;

    public ArtifactFiles(Path targetDir, String projectName) {
        this(targetDir, projectName, null);
    }

    private ArtifactFiles(Path targetDir, String projectName, ExecutorService writer) {
        this.targetDir = targetDir;
        this.projectName = projectName;
        this.writer = writer;
    }

    /** The same files, written in order by one background thread until {@link #awaitWrites}. */
    public ArtifactFiles inBackground() {
        return new ArtifactFiles(targetDir, projectName, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "artifact-writer");
            t.setDaemon(true);
            return t;
        }));
    }

    /** Waits until every file handed to the background writer is written. */
    public void awaitWrites() {
        if (writer == null) {
            return;
        }
        writer.shutdown();
        try {
            writer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path compiledPath(Node node) {
        return targetDir.resolve("compiled").resolve(packageOf(node)).resolve(relativePath(node));
    }

    /** dbt writes a package's node under the package's name, the project's under the project's. */
    private String packageOf(Node node) {
        String pkg = node.packageName();
        return pkg == null || pkg.isEmpty() ? projectName : pkg;
    }

    /** Generic tests live under their YAML file's path, as dbt lays them out. */
    private static String relativePath(Node node) {
        if (node instanceof TestNode t && t.isGeneric()) {
            return t.originalFilePath() + "/" + t.path();
        }
        if (node instanceof UnitTestNode u) {
            // dbt's pseudo path: the YAML file's folder and the test's name, below the YAML file
            String file = u.originalFilePath();
            int slash = file.lastIndexOf('/');
            return file + "/" + (slash < 0 ? "" : file.substring(0, slash + 1)) + u.name() + ".sql";
        }
        return node.originalFilePath();
    }

    /** A path as the console shows it: relative to the project folder. */
    public String displayPath(Path file) {
        Path projectDir = targetDir.getParent();
        return projectDir == null ? file.toString() : projectDir.relativize(file).toString();
    }

    public void writeCompiled(Node node, String sql) {
        write(compiledPath(node), sql);
    }

    public void writeRun(Node node, List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        write(targetDir.resolve("run").resolve(packageOf(node)).resolve(relativePath(node)),
                String.join(";\n\n", statements) + ";\n");
    }

    private void write(Path file, String text) {
        if (writer == null) {
            writeNow(file, text);
        } else {
            writer.execute(() -> writeNow(file, text));
        }
    }

    private void writeNow(Path file, String text) {
        try {
            if (folders.add(file.getParent())) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            // artifacts are a convenience; a failure to write them must not fail the build
        }
    }
}
