package dev.mallard.cli;

import dev.mallard.core.manifest.ResourceType;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

@Command(name = "seed", description = "Load the selected CSV seeds.")
final class SeedCommand extends ExecuteNodes {
    @Override
    String commandName() {
        return "seed";
    }

    @Override
    Set<ResourceType> resourceTypes() {
        return EnumSet.of(ResourceType.SEED);
    }
}
