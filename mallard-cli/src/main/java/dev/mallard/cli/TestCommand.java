package dev.mallard.cli;

import dev.mallard.core.manifest.ResourceType;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

@Command(name = "test", description = "Run the data tests of the selected nodes.")
final class TestCommand extends ExecuteNodes {
    @Override
    String commandName() {
        return "test";
    }

    @Override
    Set<ResourceType> resourceTypes() {
        return EnumSet.of(ResourceType.TEST);
    }
}
