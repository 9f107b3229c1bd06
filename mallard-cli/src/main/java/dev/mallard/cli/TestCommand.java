package dev.mallard.cli;

import dev.mallard.core.manifest.ResourceType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "test", description = "Run the data tests and unit tests of the selected nodes.")
final class TestCommand extends ExecuteNodes {
    @Option(names = {"--resource-type", "--resource-types"}, arity = "1..*",
            description = "Only these resource types, e.g. unit_test.")
    List<String> resourceTypeNames = new ArrayList<>();

    @Override
    String commandName() {
        return "test";
    }

    @Override
    Set<ResourceType> resourceTypes() {
        return restrict(EnumSet.of(ResourceType.TEST, ResourceType.UNIT_TEST), resourceTypeNames);
    }
}
