package dev.mallard.docs.site;

import dev.mallard.docs.lineage.ProjectLineage;
import java.io.IOException;
import java.nio.file.Path;

public final class SiteWriter {
    private final SiteArtifacts artifacts;
    private final ProjectLineage lineage;

    public SiteWriter(SiteArtifacts artifacts, ProjectLineage lineage) {
        this.artifacts = artifacts;
        this.lineage = lineage;
    }

    public Path write(Path target) throws IOException {
        return target.resolve("index.html");
    }
}
