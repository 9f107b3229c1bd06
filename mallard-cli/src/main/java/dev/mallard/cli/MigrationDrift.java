package dev.mallard.cli;

import dev.mallard.core.check.Finding;
import dev.mallard.core.run.Workspace;
import java.util.List;

/** The migration half of {@code mallard check} (pending, edited, schema drift). */
final class MigrationDrift {
    private MigrationDrift() {
    }

    static List<Finding> findings(Workspace ws) {
        return List.of();
    }
}
