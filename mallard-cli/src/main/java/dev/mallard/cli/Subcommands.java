package dev.mallard.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * mallard's subcommands, registered lazily. picocli builds a command's model by reflection
 * over its options, mixins and nested subcommands; doing that for all ~40 commands took
 * most of {@code mallard --version}'s time. A command line registers only the commands it
 * names; when it names none, usage, help and "no such command" list every command by its
 * name and description alone.
 */
final class Subcommands {
    /** Top-level command names in the order {@code mallard --help} lists them (aliases resolve in {@link #create}). */
    static final List<String> NAMES = List.of("init", "debug", "parse", "compile", "run", "seed", "snapshot", "test",
            "build", "ingest", "ls", "lineage", "show", "run-operation", "docs", "clean", "deps", "retry", "migrate", "db", "check",
            "serve", "source", "clone", "schedule");

    private Subcommands() {
    }

    /** A new instance of the command called {@code name} (or one of its aliases), or null. */
    static Object create(String name) {
        return switch (name) {
            case "init" -> new InitCommand();
            case "debug" -> new DebugCommand();
            case "parse" -> new ParseCommand();
            case "compile" -> new CompileCommand();
            case "run" -> new RunCommand();
            case "seed" -> new SeedCommand();
            case "snapshot" -> new SnapshotCommand();
            case "test" -> new TestCommand();
            case "build" -> new BuildCommand();
            case "ingest" -> new IngestCommand();
            case "ls", "list" -> new LsCommand();
            case "lineage" -> new LineageCommand();
            case "show" -> new ShowCommand();
            case "run-operation" -> new RunOperationCommand();
            case "docs" -> new DocsCommand();
            case "clean" -> new CleanCommand();
            case "deps" -> new DepsCommand();
            case "retry" -> new RetryCommand();
            case "migrate" -> new MigrateCommand();
            case "db" -> new DbCommand();
            case "check" -> new CheckCommand();
            case "serve" -> new ServeCommand();
            case "source" -> new SourceCommand();
            case "clone" -> new CloneCommand();
            case "schedule" -> new ScheduleCommand();
            default -> null;
        };
    }

    /**
     * Adds to {@code cli} every command named anywhere in {@code args} (an option's value that
     * happens to be a command name only costs that command's model), or all commands when the
     * arguments name none (but not for a bare {@code --version}, which needs no command).
     */
    static void register(CommandLine cli, String[] args) {
        boolean any = false;
        boolean help = Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
        for (String name : NAMES) {
            if (named(name, args)) {
                add(cli, name);
                any = true;
            } else if (help) {
                cli.addSubcommand(listing(name)); // mallard --help run: the usage lists them all
            }
        }
        if (!any && !help && !versionOnly(args)) {
            NAMES.forEach(name -> cli.addSubcommand(listing(name)));
        }
    }

    static boolean versionOnly(String[] args) {
        boolean version = false;
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                return false;
            }
            version |= arg.equals("-V") || arg.equals("--version");
        }
        return version;
    }

    private static boolean named(String name, String[] args) {
        for (String arg : args) {
            if (arg.equals(name) || (name.equals("ls") && arg.equals("list"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A command's entry for the usage list and for "no such command" errors: its name, aliases
     * and description from its annotation, without the reflection over its options that a
     * full model needs (this is what {@code mallard --help} and a bare {@code mallard} show).
     */
    private static CommandLine listing(String name) {
        Command about = create(name).getClass().getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(about.name()).aliases(about.aliases());
        spec.usageMessage().description(about.description());
        return new CommandLine(spec);
    }

    private static void add(CommandLine cli, String name) {
        cli.addSubcommand(new CommandLine(create(name)));
    }
}
