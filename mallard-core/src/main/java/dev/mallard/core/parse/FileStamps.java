package dev.mallard.core.parse;

import dev.mallard.core.project.Project;
import dev.mallard.core.project.SourceFile;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says about every file a parse reads (as git's index keeps it): its
 * path, size, modification and status-change times to the nanosecond, and inode. A write
 * changes the status-change time (ctime) even when the size stays and the modification time
 * is set back ({@code touch -d}, {@code cp -p}, {@code rsync -t}), and no user can set ctime.
 * <p>
 * The one change the stamps cannot see is a second write within the same clock tick as the
 * one they recorded. A file whose times are that close to the moment it was stamped is
 * <em>racy</em> ({@link #racy}): a parse that read one is not saved whole, and the next parse
 * compares file contents as usual. Where the file system gives no ctime (not a Unix system),
 * there are no stamps, and every parse compares contents.
 */
final class FileStamps {
    /** Times of a file system with sub-millisecond stamps that are this close to "now" are racy. */
    private static final long FINE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** ... and on one with coarser stamps (FAT: 2 s). */
    private static final long COARSE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(2_100);
    /** From this many files on, the stats are taken on all cores. */
    private static final int PARALLEL_FROM = 256;

    private final List<String> paths;
    /** size, mtime, ctime (ns since the epoch) and inode of each path, 4 longs a file. */
    private final long[] stamps;
    private final boolean racy;

    private FileStamps(List<String> paths, long[] stamps, boolean racy) {
        this.paths = paths;
        this.stamps = stamps;
        this.racy = racy;
    }

    /** Every file of the project and its packages the parse reads, in a stable order. */
    static List<Path> inputs(Project project) {
        List<Path> out = new ArrayList<>();
        List<Project> units = new ArrayList<>();
        units.add(project);
        units.addAll(project.packages());
        for (Project unit : units) {
            for (List<SourceFile> files : List.of(unit.modelFiles(), unit.seedFiles(), unit.macroFiles(),
                    unit.testFiles(), unit.snapshotFiles(), unit.analysisFiles(), unit.propertyFiles(),
                    unit.docFiles())) {
                files.forEach(f -> out.add(f.absolute()));
            }
        }
        return out;
    }

    /** The stamps of {@code files} now, or null when this file system gives no ctime or a file cannot be read. */
    static FileStamps of(List<Path> files) {
        long now = nanos(FileTime.from(java.time.Instant.now()));
        long[] stamps = new long[files.size() * 4];
        boolean[] failed = new boolean[1];
        // a small project's few stats are not worth waking the common pool's threads (slow under load)
        java.util.stream.IntStream indexes = java.util.stream.IntStream.range(0, files.size());
        if (files.size() >= PARALLEL_FROM) {
            indexes = indexes.parallel();
        }
        indexes.forEach(i -> {
            try {
                Map<String, Object> a = Files.readAttributes(files.get(i), "unix:size,lastModifiedTime,ctime,ino");
                stamps[i * 4] = (Long) a.get("size");
                stamps[i * 4 + 1] = nanos((FileTime) a.get("lastModifiedTime"));
                stamps[i * 4 + 2] = nanos((FileTime) a.get("ctime"));
                stamps[i * 4 + 3] = (Long) a.get("ino");
            } catch (IOException | RuntimeException e) {
                failed[0] = true;
            }
        });
        if (failed[0]) {
            return null;
        }
        boolean racy = false;
        for (int i = 0; i < files.size() && !racy; i++) {
            long mtime = stamps[i * 4 + 1];
            long ctime = stamps[i * 4 + 2];
            long window = mtime % 1_000_000 != 0 || ctime % 1_000_000 != 0 ? FINE_WINDOW_NANOS : COARSE_WINDOW_NANOS;
            racy = mtime > now - window || ctime > now - window;
        }
        List<String> paths = new ArrayList<>(files.size());
        files.forEach(p -> paths.add(p.toString()));
        return new FileStamps(paths, stamps, racy);
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.SECONDS) * 1_000_000_000L + t.toInstant().getNano();
    }

    /** Whether a file was written so recently that a second write might not show in its stamp. */
    boolean racy() {
        return racy;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(paths.size());
        for (String p : paths) {
            SavedValues.writeString(out, p);
        }
        for (long s : stamps) {
            out.writeLong(s);
        }
    }

    /** How the project's files differ from the saved ones (absolute paths, each list in the files' order). */
    record Diff(List<String> changed, List<String> added, List<String> removed) {
        boolean none() {
            return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
        }

        /**
         * The names of the models a patched parse parses again (changed and added files): dbt parses their
         * properties, and so their tests, again, and says their deprecations again.
         */
        java.util.Set<String> parsedAgain() {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (List<String> paths : List.of(changed, added)) {
                for (String path : paths) {
                    String name = java.nio.file.Path.of(path).getFileName().toString();
                    names.add(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
                }
            }
            return names;
        }
    }

    /** How these files differ from the ones whose stamps are saved in {@code in}. */
    Diff diff(ByteBuffer in) throws IOException {
        int n = SavedValues.size(in);
        List<String> saved = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            saved.add(SavedValues.readString(in));
        }
        Map<String, Integer> now = new java.util.HashMap<>(paths.size() * 2);
        for (int i = 0; i < paths.size(); i++) {
            now.put(paths.get(i), i);
        }
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        java.util.Set<String> kept = new java.util.HashSet<>();
        boolean sameList = saved.equals(paths);
        for (int i = 0; i < n; i++) {
            Integer at = sameList ? Integer.valueOf(i) : now.get(saved.get(i));
            boolean same = at != null;
            for (int j = 0; j < 4; j++) {
                long stamp = in.getLong();
                same &= at != null && stamp == stamps[at * 4 + j];
            }
            if (at == null) {
                removed.add(saved.get(i));
            } else {
                kept.add(saved.get(i));
                if (!same) {
                    changed.add(saved.get(i));
                }
            }
        }
        List<String> added = new ArrayList<>();
        if (!sameList) {
            paths.stream().filter(p -> !kept.contains(p)).forEach(added::add);
        }
        return new Diff(changed, added, removed);
    }
}
