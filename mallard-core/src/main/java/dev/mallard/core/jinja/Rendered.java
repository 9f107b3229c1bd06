package dev.mallard.core.jinja;

import java.util.List;

/** A render's output and the snapshot blocks it declared ({@link JinjaEngine#renderForResult}). */
public record Rendered(String output, List<SnapshotBlock> snapshots) {
    public Rendered {
        snapshots = List.copyOf(snapshots);
    }

    /** A {@code {% snapshot name %}} block: its name, rendered body and line. */
    public record SnapshotBlock(String name, String sql, int line) {
    }
}
