package dev.mallard.cli;

import dev.mallard.core.manifest.ResourceType;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

@Command(name = "build", description = "Load seeds, build models and run their tests in DAG order.")
final class BuildCommand extends ExecuteNodes {
    @Override
    String commandName() {
        return "build";
    }

    @Override
    Set<ResourceType> resourceTypes() {
        return EnumSet.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.TEST);
    }
}
