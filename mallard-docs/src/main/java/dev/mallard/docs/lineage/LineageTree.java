package dev.mallard.docs.lineage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Prints a column's upstream and downstream columns as indented trees, one column a line. */
public final class LineageTree {
    private final ProjectLineage lineage;

    public LineageTree(ProjectLineage lineage) {
        this.lineage = lineage;
    }

    public List<String> lines(ColumnRef root, int upstream, int downstream) {
        List<String> out = new ArrayList<>();
        ColumnLineage own = lineage.lineageOf(root);
        out.add(root + (own == null ? "" : own.direct() ? "" : "  (computed)"));
        if (upstream > 0) {
            up(root, 1, upstream, out, new HashSet<>());
        }
        if (downstream > 0) {
            down(root, 1, downstream, out, new HashSet<>());
        }
        return out;
    }

    private void up(ColumnRef column, int depth, int max, List<String> out, Set<ColumnRef> path) {
        ColumnLineage c = lineage.lineageOf(column);
        if (c == null || !path.add(column)) {
            return;
        }
        String indent = "  ".repeat(depth);
        for (ColumnRef parent : c.upstream()) {
            ColumnLineage p = lineage.lineageOf(parent);
            out.add(indent + "<- " + parent + (p != null && !p.direct() ? "  (computed)" : ""));
            if (depth < max) {
                up(parent, depth + 1, max, out, path);
            }
        }
        for (String reason : c.unresolved()) {
            out.add(indent + "<- ? unresolved: " + reason);
        }
        path.remove(column);
    }

    private void down(ColumnRef column, int depth, int max, List<String> out, Set<ColumnRef> path) {
        if (!path.add(column)) {
            return;
        }
        String indent = "  ".repeat(depth);
        for (ColumnRef child : lineage.downstreamOf(column)) {
            ColumnLineage c = lineage.lineageOf(child);
            out.add(indent + "-> " + child + (c != null && !c.direct() ? "  (computed)" : ""));
            if (depth < max) {
                down(child, depth + 1, max, out, path);
            }
        }
        path.remove(column);
    }
}
