package dev.mallard.cli;

import dev.mallard.core.manifest.ResourceType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build", description = "Load seeds, build models and run their tests in DAG order (ingests first, unit tests before their model).")
final class BuildCommand extends ExecuteNodes {
    @Option(names = {"--resource-type", "--resource-types"}, arity = "1..*",
            description = "Only these resource types, e.g. unit_test.")
    List<String> resourceTypeNames = new ArrayList<>();

    @picocli.CommandLine.Mixin
    IngestWindowOptions window;

    @Override
    dev.mallard.core.ingest.IngestWindow ingestWindow() {
        return window == null ? dev.mallard.core.ingest.IngestWindow.NONE : window.window();
    }

    @Override
    String commandName() {
        return "build";
    }

    @Override
    Set<ResourceType> resourceTypes() {
        return restrict(EnumSet.of(ResourceType.INGEST, ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT,
                ResourceType.TEST, ResourceType.UNIT_TEST, ResourceType.SAVED_QUERY, ResourceType.EXPOSURE),
                resourceTypeNames);
    }
}
