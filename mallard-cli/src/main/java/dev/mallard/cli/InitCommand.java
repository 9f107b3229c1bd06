package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "init", description = "Create a new project that builds at once on embedded DuckDB.")
final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Project name (also the folder created).")
    String name;

    @Override
    public Integer call() {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new MallardException(ErrorCode.USAGE, "project name '" + name
                    + "' must be letters, digits and underscores, starting with a letter");
        }
        Path dir = Path.of(name).toAbsolutePath();
        if (Files.exists(dir)) {
            throw new MallardException(ErrorCode.USAGE, "folder " + dir + " already exists");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("dbt_project.yml", """
                name: '%1$s'
                version: '1.0.0'
                profile: '%1$s'

                model-paths: ["models"]
                seed-paths: ["seeds"]
                test-paths: ["tests"]
                macro-paths: ["macros"]
                snapshot-paths: ["snapshots"]
                analysis-paths: ["analyses"]

                clean-targets: ["target"]

                models:
                  %1$s:
                    example:
                      +materialized: view
                """.formatted(name));
        files.put("models/example/my_first_model.sql", """
                {{ config(materialized='table') }}

                select 1 as id, 'duck' as animal
                union all
                select 2 as id, 'goose' as animal
                """);
        files.put("models/example/my_second_model.sql", """
                select *
                from {{ ref('my_first_model') }}
                where id = 1
                """);
        files.put("models/example/schema.yml", """
                version: 2

                models:
                  - name: my_first_model
                    description: "A starter table"
                    columns:
                      - name: id
                        data_tests: [unique, not_null]
                  - name: my_second_model
                    description: "A starter view on the table"
                """);
        files.put("seeds/.gitkeep", "");
        files.put("macros/.gitkeep", "");
        files.put("tests/.gitkeep", "");
        files.put("snapshots/.gitkeep", "");
        files.put("analyses/.gitkeep", "");
        files.put(".gitignore", "target/\ndbt_packages/\n*.duckdb\n");
        files.put("README.md", "# " + name + "\n\nBuild it with `mallard build`. With no profiles.yml, Mallard uses "
                + "a DuckDB file under target/.\n");
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot create " + dir + ": " + e.getMessage());
        }
        var printer = dev.mallard.cli.logging.EventLogging.currentPrinter();
        printer.line("Created project " + name + " in " + dir);
        printer.line("Next: cd " + name + " && mallard build");
        return 0;
    }
}
