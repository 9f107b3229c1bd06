package dev.mallard.cli;

import dev.mallard.core.manifest.ResourceType;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

@Command(name = "run", description = "Build the selected models.")
final class RunCommand extends ExecuteNodes {
    @Override
    String commandName() {
        return "run";
    }

    @Override
    Set<ResourceType> resourceTypes() {
        return EnumSet.of(ResourceType.MODEL);
    }
}
