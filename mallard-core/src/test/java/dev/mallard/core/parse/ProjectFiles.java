package dev.mallard.core.parse;

import dev.mallard.core.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Supplier;

/** File handling the saved-parse tests share: stamps that can be trusted, edits a stamp check must see. */
final class ProjectFiles {
    private ProjectFiles() {
    }

    /** Waits until no file of the project is too recent for its stamp to be trusted (a saved parse is then kept). */
    static void settle(Supplier<Project> project) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            FileStamps stamps = FileStamps.of(FileStamps.inputs(project.get()));
            if (stamps == null) {
                throw new org.opentest4j.TestAbortedException("this file system gives no ctime");
            }
            if (!stamps.racy()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the files stayed racy");
    }

    /** Writes {@code text} to {@code path} under {@code dir} and puts its modification time back. */
    static void rewriteKeepingTime(Path dir, String path, String text) throws IOException {
        Path p = dir.resolve(path);
        FileTime before = Files.getLastModifiedTime(p);
        Files.writeString(p, text);
        Files.setLastModifiedTime(p, before);
    }
}
