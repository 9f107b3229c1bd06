package dev.mallard.cli;

import dev.mallard.core.ingest.IngestWindow;
import dev.mallard.core.manifest.ResourceType;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", description = "Run the selected ingests (ingest/*.yml) into their raw tables, and nothing else.")
final class IngestCommand extends ExecuteNodes {
    @Mixin
    IngestWindowOptions window;

    @Override
    String commandName() {
        return "ingest";
    }

    @Override
    Set<ResourceType> resourceTypes() {
        return EnumSet.of(ResourceType.INGEST);
    }

    @Override
    IngestWindow ingestWindow() {
        return window.window();
    }
}
