package dev.mallard.cli;

import dev.mallard.core.deps.DbtVersion;
import dev.mallard.core.deps.Deps;
import dev.mallard.core.deps.HubClient;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.exec.ProgressPrinter;
import dev.mallard.core.parse.YamlValueRenderer;
import dev.mallard.core.project.ProjectConfigKeys;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mallard deps}: installs the packages of packages.yml or dependencies.yml, as dbt deps does. */
@Command(name = "deps", description = "Install the packages listed in packages.yml (or dependencies.yml) into "
        + "packages-install-path (dbt_packages/ by default), resolving through package-lock.yml.")
final class DepsCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Option(names = "--upgrade", description = "Ignore package-lock.yml and resolve the packages again.")
    boolean upgrade;

    @Option(names = "--lock", description = "Write package-lock.yml without installing the packages.")
    boolean lock;

    @Option(names = "--add-package", paramLabel = "NAME@VERSION",
            description = "Add a package to packages.yml, e.g. dbt-labs/dbt_utils@1.3.0; see --source.")
    String addPackage;

    @Option(names = "--source", paramLabel = "hub|git|local|tarball",
            description = "Where --add-package's package comes from (default: hub).")
    String source;

    @Override
    public Integer call() {
        Path dir = options.toLoaderOptions().projectDir().toAbsolutePath().normalize();
        Path projectFile = dir.resolve("dbt_project.yml");
        if (!Files.isRegularFile(projectFile)) {
            throw new MallardException(ErrorCode.PROJECT, "no dbt_project.yml in " + dir, null, 0,
                    "run mallard from a project folder or pass --project-dir", null);
        }
        if (source != null && addPackage == null) {
            throw new MallardException(ErrorCode.USAGE, "--source goes with --add-package");
        }
        ProgressPrinter printer = dev.mallard.cli.logging.EventLogging.currentPrinter();
        // dbt's deps validates dbt_project.yml (its other commands do not on DuckDB): duplicate and config keys
        Warnings warned = new Warnings();
        Map<String, Object> project = YamlFiles.readProjectFile(projectFile, dir, warned).values();
        ProjectConfigKeys.check(project, projectFile.toString(), warned);
        warned.takeNew().forEach(printer::warning);
        DbtVersion.require(project.get("require-dbt-version"), String.valueOf(project.get("name")), "dbt_project.yml", 0);
        Object installPath = project.get("packages-install-path");
        List<String> names = new Deps(dir, installPath == null ? "dbt_packages" : String.valueOf(installPath),
                HubClient.configured(System.getenv()), new YamlValueRenderer(options.parseVars()), printer::line)
                .run(new Deps.Options(upgrade, lock, addPackage, source));
        if (lock) {
            printer.line("Locked " + names.size() + " package(s) in package-lock.yml");
        }
        return 0;
    }
}
