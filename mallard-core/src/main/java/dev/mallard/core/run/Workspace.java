package dev.mallard.core.run;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.Engines;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.graph.Dag;
import dev.mallard.core.graph.Linker;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.parse.Parser;
import dev.mallard.core.parse.YamlValueRenderer;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectLoader;
import java.time.Instant;
import java.util.Map;


/**
 * One invocation's view of a project: loaded, parsed and linked before anything touches
 * the database; the engine opens only when a command needs it.
 */
public final class Workspace implements AutoCloseable {
    private final Project project;
    private final Parser.Result parsed;
    private final Linker linker;
    private final Dag dag;
    private final Warnings warnings;
    private final String invocationId = dev.mallard.core.events.Invocation.id();
    private final Instant startedAt = Instant.now();
    private Engine engine;
    private String parseNote = "";

    private Workspace(Project project, Parser.Result parsed, Linker linker, Dag dag, Warnings warnings) {
        this.project = project;
        this.warnings = warnings;
        this.parsed = parsed;
        this.linker = linker;
        this.dag = dag;
    }

    /** Loads and parses the project, reusing the saved parse of unchanged files (as dbt's partial parsing). */
    public static Workspace load(ProjectLoader.Options options, Map<String, String> env) {
        return load(options, env, true);
    }

    /** Loads and parses the project; {@code partialParse} false parses every file (--no-partial-parse). */
    public static Workspace load(ProjectLoader.Options options, Map<String, String> env, boolean partialParse) {
        Warnings warnings = new Warnings();
        Project project = loadProject(options, env, warnings);
        Parser parser = new Parser(project, warnings, partialParse, env);
        Parser.Result parsed = parser.parse();
        Linker linker = new Linker(parsed.manifest(), parsed.disabledNames());
        Dag dag = linker.link();
        Workspace ws = new Workspace(project, parsed, linker, dag, warnings);
        ws.parseNote = parser.cacheNote();
        return ws;
    }

    /** How the parse used the partial-parse cache, for the debug log. */
    public String parseNote() {
        return parseNote;
    }

    /** The project, profile and target alone, unparsed (for commands that need no nodes, such as debug). */
    public static Project loadProject(ProjectLoader.Options options, Map<String, String> env, Warnings warnings) {
        Project project = new ProjectLoader(env, (cliVars, projectVars) -> new YamlValueRenderer(cliVars), warnings)
                .load(options);
        Engines.requireKnown(project.target());
        return project;
    }

    public Project project() {
        return project;
    }

    public Parser.Result parsed() {
        return parsed;
    }

    public Manifest manifest() {
        return parsed.manifest();
    }

    /** What dbt only warns about, met while loading and parsing (or reading selectors.yml later), in order. */
    public Warnings warnings() {
        return warnings;
    }

    public Linker linker() {
        return linker;
    }

    public Dag dag() {
        return dag;
    }

    public String invocationId() {
        return invocationId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public synchronized Engine engine() {
        if (engine == null) {
            engine = Engines.open(project.target(), project.dir());
        }
        return engine;
    }

    public boolean engineOpen() {
        return engine != null;
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
