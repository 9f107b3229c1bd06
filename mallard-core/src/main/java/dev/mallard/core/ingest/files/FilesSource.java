package dev.mallard.core.ingest.files;

import dev.mallard.core.ingest.IngestBatch;
import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import dev.mallard.core.ingest.IngestSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code type: files}: CSV, JSON, NDJSON and Parquet files matched by globs, loaded into one
 * raw table. Only new or changed files load: the state records each loaded file's size,
 * mtime and SHA-256 by path, and a file whose size and mtime match is skipped unread, one
 * whose mtime changed but whose hash did not is skipped too. Files load in path order, each
 * (or each group of {@code files_per_commit}) committed with the state that records it, so a
 * kill leaves every file loaded whole or not at all.
 *
 * <pre>
 *   path: data/orders/*.csv        # a glob or a list of globs, relative to the project
 *   format: csv                    # csv, json, ndjson, parquet; default from each file's extension
 *   options: {delim: ';'}          # named options for DuckDB's reader (read_csv, read_json, read_parquet)
 *   filename_column: _file         # optional: a column holding each row's file path
 *   files_per_commit: 1            # optional
 * </pre>
 */
public final class FilesSource implements IngestSource {

    @Override
    public String type() {
        return "files";
    }

    @Override
    public void run(IngestRun run) throws IngestException {
        FilesOptions opts = FilesOptions.of(run);
        String table = opts.table();
        Map<String, Object> previous = run.state(table);
        Map<String, Object> loaded = new TreeMap<>();
        if (previous.get("files") instanceof Map<?, ?> files) {
            files.forEach((k, v) -> loaded.put(String.valueOf(k), v));
        }
        Path projectDir = run.projectDir();
        List<Pending> pending = new ArrayList<>();
        int matched = 0;
        for (Path file : opts.files(projectDir)) {
            matched++;
            String key = display(projectDir, file);
            try {
                FileFingerprint before = FileFingerprint.fromState(loaded.get(key));
                FileFingerprint now = FileFingerprint.stat(file);
                if (now.sameStat(before)) {
                    continue;
                }
                FileFingerprint hashed = now.hashed(file);
                if (before != null && hashed.sha256().equals(before.sha256())) {
                    // touched, not changed: remembered with the next commit, never reloaded
                    loaded.put(key, hashed.toState());
                    continue;
                }
                pending.add(new Pending(file, key, opts.format(file), hashed));
            } catch (IOException e) {
                throw new IngestException("ingest '" + run.ingestName() + "': cannot read " + key + ": " + e.getMessage(), e);
            }
        }
        run.progress(matched + " files matched, " + pending.size() + " new or changed");
        for (List<Pending> group : groups(pending, opts.filesPerCommit())) {
            Map<String, Object> files = new TreeMap<>(loaded);
            group.forEach(p -> files.put(p.key, p.fingerprint.toState()));
            Map<String, Object> state = new LinkedHashMap<>(previous);
            state.put("files", files);
            try {
                run.commit(table, new IngestBatch.Query(opts.select(group.stream().map(Pending::file).toList(),
                        group.get(0).format, projectDir)), state);
            } catch (IngestException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String why = cause.getMessage() == null ? cause.toString() : cause.getMessage().strip();
                throw new IngestException("ingest '" + run.ingestName() + "': cannot load "
                        + group.stream().map(Pending::key).collect(Collectors.joining(", ")) + " into " + table + ": "
                        + why, e);
            }
            loaded.clear();
            loaded.putAll(files);
            run.progress("loaded " + group.stream().map(Pending::key).collect(Collectors.joining(", ")));
        }
    }

    /** Consecutive files of one format, at most {@code size} to a group. */
    private static List<List<Pending>> groups(List<Pending> pending, int size) {
        List<List<Pending>> out = new ArrayList<>();
        List<Pending> current = new ArrayList<>();
        for (Pending p : pending) {
            if (!current.isEmpty() && (current.size() >= size || current.get(0).format != p.format)) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(p);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** A file's key in the state: relative to the project when inside it, with forward slashes. */
    static String display(Path projectDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = projectDir.toAbsolutePath().normalize();
        Path shown = abs.startsWith(dir) ? dir.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    private record Pending(Path file, String key, FileFormat format, FileFingerprint fingerprint) {
    }
}
