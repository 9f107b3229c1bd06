package dev.mallard.core.exec;

import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.manifest.UnitTestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes target/compiled/ and target/run/ files, as dbt does. */
public final class ArtifactFiles {
    private final Path targetDir;
    private final String projectName;

    public ArtifactFiles(Path targetDir, String projectName) {
        this.targetDir = targetDir;
        this.projectName = projectName;
    }

    public Path compiledPath(Node node) {
        return targetDir.resolve("compiled").resolve(projectName).resolve(relativePath(node));
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
        write(targetDir.resolve("run").resolve(projectName).resolve(relativePath(node)),
                String.join(";\n\n", statements) + ";\n");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            // artifacts are a convenience; a failure to write them must not fail the build
        }
    }
}
