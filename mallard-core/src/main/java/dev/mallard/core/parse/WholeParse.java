package dev.mallard.core.parse;

import dev.mallard.core.project.Project;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a parse finds of the previous one ({@code target/mallard_parse_result.bin}, see
 * {@link SavedParse}) before it reads any file: the saved parse, if its global key and env
 * vars read still match, and which project files changed since (none: it is reused whole;
 * some: {@link ParsePatch} may patch it); plus the stamps taken now, which the next save
 * records.
 *
 * @param file where the saved parse is kept
 * @param stamps every project file's stamp now (null when the file system gives none)
 * @param saved the saved parse, or null (none, no match, or {@code --no-partial-parse})
 * @param files how the project's files differ from those the saved parse read
 * @param envReads the env vars the saved parse read, with their values
 */
record WholeParse(Path file, FileStamps stamps, SavedParse saved, FileStamps.Diff files,
                  Map<String, String> envReads) {

    /** @param taken the project's stamps if they were just taken (see {@link UnchangedParse#taken}), else null */
    static WholeParse load(Project project, String globalKey, FileStamps taken, Map<String, String> env,
                           boolean partialParse) {
        FileStamps stamps = taken != null ? taken : FileStamps.of(FileStamps.inputs(project));
        dev.mallard.core.events.PhaseTimes.mark("files stamped");
        Path file = project.targetDir().resolve(SavedParse.FILE_NAME);
        SavedParse.Loaded loaded = partialParse ? SavedParse.load(file, globalKey, stamps, env, project.target().threads()) : null;
        return loaded == null ? new WholeParse(file, stamps, null, null, Map.of())
                : new WholeParse(file, stamps, loaded.parse(), loaded.files(), loaded.envReads());
    }

    /** Saves a parse now or, once asked to, on a thread of its own that {@link #await} waits for. */
    static final class Saving {
        private boolean inBackground;
        private Thread thread;

        void inBackground() {
            inBackground = true;
        }

        void start(Runnable save) {
            if (!inBackground) {
                save.run();
                return;
            }
            Thread saver = new Thread(save, "parse-save");
            saver.start();
            thread = saver;
        }

        void await() {
            Thread t = thread;
            if (t != null) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
