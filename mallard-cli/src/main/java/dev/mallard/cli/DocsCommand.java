package dev.mallard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code mallard docs}: the group of documentation commands. */
@Command(name = "docs", description = "Generate the project's documentation site and artifacts, and serve the site.",
        subcommands = {DocsGenerateCommand.class, DocsServeCommand.class})
final class DocsCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
