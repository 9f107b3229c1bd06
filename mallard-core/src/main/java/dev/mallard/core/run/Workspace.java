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
import dev.mallard.core.events.PhaseTimes;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
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
    private Instant parsedAt;
    private dev.mallard.core.artifacts.ManifestWriter.Patched patched;
    private Parser parser;
    /** The engine being opened in the background, until {@link #engine()} takes it. */
    private CompletableFuture<Engine> opening;
    /** The engine closing on a thread of its own (see {@link #closeEngineMeanwhile}); close waits for it. */
    private CompletableFuture<Void> closing;

    private Workspace(Project project, Parser.Result parsed, Linker linker, Dag dag, Warnings warnings) {
        this.project = project;
        this.warnings = warnings;
        this.parsed = parsed;
        this.linker = linker;
        this.dag = dag;
    }

    /** Loads and parses the project, reusing the saved parse of unchanged files (as dbt's partial parsing). */
    public static Workspace load(ProjectLoader.Options options, Map<String, String> env) {
        return load(options, env, true, false);
    }

    /**
     * @param partialParse whether to reuse the saved parse of unchanged files (false: --no-partial-parse)
     * @param openEngineEarly whether the command will use the engine: it is then opened on
     *     a background thread while the project parses (opening DuckDB takes as long as
     *     parsing a small project); if parsing fails, or the engine is never asked for, it
     *     is closed unused (a database file it created is removed)
     */
    public static Workspace load(ProjectLoader.Options options, Map<String, String> env, boolean partialParse,
            boolean openEngineEarly) {
        Warnings warnings = new Warnings();
        return load(loadProject(options, env, warnings), warnings, env, partialParse, openEngineEarly);
    }

    /** As above, for a project already loaded ({@link #loadProject}) with the warnings met so far. */
    public static Workspace load(Project project, Warnings warnings, Map<String, String> env, boolean partialParse,
            boolean openEngineEarly) {
        return load(project, warnings, env, partialParse, openEngineEarly, true);
    }

    /**
     * As above; unless {@code rejectCycles}, a graph with a cycle loads (dbt's parse writes it,
     * every command that walks the graph stops on it).
     */
    public static Workspace load(Project project, Warnings warnings, Map<String, String> env, boolean partialParse,
            boolean openEngineEarly, boolean rejectCycles) {
        CompletableFuture<Engine> opening = null;
        if (openEngineEarly) {
            opening = new CompletableFuture<>();
            CompletableFuture<Engine> result = opening;
            Thread opener = new Thread(() -> {
                try {
                    result.complete(Engines.open(project.target(), project.dir()));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            }, "engine-open");
            opener.setDaemon(true);
            opener.start();
        }
        Parser parser = new Parser(project, warnings, partialParse, env).savingInBackground();
        try {
            Parser.Result parsed = parser.parse();
            dev.mallard.core.artifacts.SemanticNames.require(parsed.manifest());
            dev.mallard.core.artifacts.TimeSpines.require(project, parsed.manifest());
            PhaseTimes.mark("parsed");
            Linker linker = new Linker(parsed.manifest(), parsed.disabledNames())
                    .searchingNodePackageFirst(flag(project, "require_ref_searches_node_package_before_root"));
            Dag dag = rejectCycles ? linker.link() : linker.linkAllowingCycles();
            PhaseTimes.mark("linked");
            linker.warnings().forEach(warnings::add);
            Parser.Result linked = new Parser.Result(linker.manifest(), parsed.engine(), parsed.vars(),
                    parsed.disabledNames());
            Workspace ws = new Workspace(project, linked, linker, dag, warnings);
            ws.parseNote = parser.cacheNote();
            ws.parsedAt = parser.parsedAt();
            ws.patched = parser.patched();
            ws.parser = parser;
            ws.opening = opening;
            return ws;
        } catch (RuntimeException | Error e) {
            parser.awaitSaved();
            discard(opening);
            throw e;
        }
    }

    /** How the parse used the partial-parse cache, for the debug log. */
    public String parseNote() {
        return parseNote;
    }

    /** dbt's reason for a full parse, for its "Unable to do partial parsing because ..." line; null if none. */
    public String fullParseReason() {
        return parser == null ? null : parser.fullParseReason();
    }

    /** The project, profile and target alone, unparsed (for commands that need no nodes, such as debug). */
    public static Project loadProject(ProjectLoader.Options options, Map<String, String> env, Warnings warnings) {
        Project project = new ProjectLoader(env, (cliVars, projectVars) -> new YamlValueRenderer(cliVars), warnings)
                .load(options);
        PhaseTimes.mark("project loaded");
        Engines.requireKnown(project.target());
        return project;
    }

    /** Closes an engine opened early that nobody used. */
    private static void discard(CompletableFuture<Engine> opening) {
        if (opening != null) {
            try {
                opening.join().closeUnused();
            } catch (java.util.concurrent.CompletionException e) {
                // the error is the command's to report only if it asks for the engine
            }
        }
    }

    /** When the parse ran (the saved parse's time when it was reused whole). */
    public Instant parsedAt() {
        return parsedAt;
    }

    /** What the parse patched of the saved one (manifest.json is then patched too), or null. */
    public dev.mallard.core.artifacts.ManifestWriter.Patched parsePatched() {
        return patched;
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
        if (engine == null && opening != null) {
            CompletableFuture<Engine> pending = opening;
            opening = null;
            try {
                engine = pending.join();
                PhaseTimes.mark("engine open (waited for)");
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        if (engine == null) {
            engine = Engines.open(project.target(), project.dir());
            PhaseTimes.mark("engine open");
        }
        return engine;
    }

    public boolean engineOpen() {
        return engine != null;
    }

    /** Waits until the parse is saved for the next one (it is saved on a thread of its own; close waits too). */
    public void awaitParseSaved() {
        if (parser != null) {
            parser.awaitSaved();
        }
    }

    /**
     * Starts closing the engine on a thread of its own, for a command that is done with it but
     * still writes its artifacts: DuckDB's checkpoint at close and the artifacts' writing then
     * overlap instead of following each other. {@link #close} waits for it (and reports its
     * failure); a later {@link #engine} would open the database again, so call this last.
     */
    public synchronized void closeEngineMeanwhile() {
        if (engine == null || closing != null) {
            return;
        }
        Engine open = engine;
        engine = null;
        closing = new CompletableFuture<>();
        CompletableFuture<Void> done = closing;
        Thread t = new Thread(() -> {
            try {
                open.close();
                PhaseTimes.mark("engine closed");
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "engine-close");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public synchronized void close() {
        awaitParseSaved();
        discard(opening);
        opening = null;
        if (closing != null) {
            CompletableFuture<Void> pending = closing;
            closing = null;
            try {
                pending.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        if (engine != null) {
            engine.close();
            PhaseTimes.mark("engine closed");
            engine = null;
        }
    }

    /** A behaviour flag of dbt_project.yml's {@code flags:} (false when unset). */
    private static boolean flag(Project project, String name) {
        return project.config().raw().get("flags") instanceof Map<?, ?> flags
                && Boolean.TRUE.equals(flags.get(name));
    }
}
