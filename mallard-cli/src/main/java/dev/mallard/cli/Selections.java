package dev.mallard.cli;

import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.run.Workspace;
import dev.mallard.core.select.Selector;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Applies --select/--exclude to the workspace's DAG. */
final class Selections {
    private Selections() {
    }

    static Set<NodeId> select(Workspace ws, SelectionOptions sel, Set<ResourceType> types) {
        return new Selector(ws.manifest(), ws.dag()).select(sel.select, sel.exclude, EnumSet.copyOf(types));
    }

    static Set<NodeId> select(Workspace ws, List<String> select, List<String> exclude, Set<ResourceType> types) {
        return new Selector(ws.manifest(), ws.dag()).select(select, exclude, EnumSet.copyOf(types));
    }
}
