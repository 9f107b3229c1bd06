package dev.mallard.cli;

import dev.mallard.core.manifest.ResourceType;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

@Command(name = "snapshot", description = "Run the selected snapshots (type-2 history tables).")
final class SnapshotCommand extends ExecuteNodes {
    @Override
    String commandName() {
        return "snapshot";
    }

    @Override
    Set<ResourceType> resourceTypes() {
        return EnumSet.of(ResourceType.SNAPSHOT);
    }
}
