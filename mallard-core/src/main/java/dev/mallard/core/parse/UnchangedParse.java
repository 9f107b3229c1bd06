package dev.mallard.core.parse;

import dev.mallard.core.project.Project;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The saved parse of a project in which nothing has changed, known without decoding it: the
 * same checks as the {@link Parser}'s reuse of a saved parse (its {@link ParseInputs global
 * key}: Mallard's build, configs, vars, target and every macro's text; every project file's
 * {@link FileStamps stamp}; the value of every env var it read), then only what a command that
 * writes {@code manifest.json} from the saved body needs (see
 * {@code ManifestWriter.writeUnchanged}). Anything else parses as usual.
 *
 * @param parsedAt when the saved parse ran (its manifest body is named after it)
 * @param warnings what it warned about, to be said again
 * @param nodes how many nodes it holds
 * @param rootMacros how many of its macros are the root project's
 */
public record UnchangedParse(Instant parsedAt, List<String> warnings, int nodes, int rootMacros) {
    public static final String NOTE = "Partial parse: no file, macro, config, var or env var read has changed:"
            + " the saved parse is reused whole";

    public UnchangedParse {
        warnings = List.copyOf(warnings);
    }

    /** The global key and stamps a refused {@link #find} took, for the parse of the same project that follows. */
    private static final AtomicReference<Taken> TAKEN = new AtomicReference<>();

    /**
     * What {@link #find} computed of {@code project}. The stamps were taken before the parse read
     * any file, and a key of macro files read earlier can only differ from the next parse's one
     * (which then parses again): both are as safe to save the parse with as ones taken anew.
     */
    record Taken(Project project, String key, FileStamps stamps) {
    }

    /** The saved parse of {@code project} when nothing it came from has changed, else null. */
    public static UnchangedParse find(Project project, Map<String, String> env) {
        String key = ParseInputs.key(project, MacroTemplates.of(project).templates());
        dev.mallard.core.events.PhaseTimes.mark("global key");
        FileStamps stamps = FileStamps.of(FileStamps.inputs(project));
        dev.mallard.core.events.PhaseTimes.mark("files stamped");
        Path file = project.targetDir().resolve(SavedParse.FILE_NAME);
        SavedParse.Summary saved = SavedParse.peek(file, key, stamps, Map.copyOf(env), project.target().threads());
        if (saved == null) {
            TAKEN.set(new Taken(project, key, stamps));
            return null;
        }
        return new UnchangedParse(saved.parsedAt(), saved.warnings(), saved.nodes(), saved.rootMacros());
    }

    /** What a refused {@link #find} took of this very project object (once), else null. */
    static Taken taken(Project project) {
        Taken taken = TAKEN.getAndSet(null);
        return taken != null && taken.project() == project ? taken : null;
    }
}
