package dev.mallard.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which datasets exist: a fixed list (a project's marts) and, with {@code --parquet-dir},
 * every {@code *.parquet} file and partitioned directory in one folder, scanned again when
 * the folder changes (a publish renames into it, which changes its mtime).
 */
public final class DatasetCatalog {
    private final Map<String, DatasetSpec> fixed;
    private final Path scannedDir;
    private volatile FileTime scannedAt;
    private volatile Map<String, DatasetSpec> scanned = Map.of();

    private DatasetCatalog(List<DatasetSpec> fixed, Path scannedDir) {
        Map<String, DatasetSpec> byName = new TreeMap<>();
        for (DatasetSpec s : fixed) {
            byName.putIfAbsent(s.name(), s);
        }
        this.fixed = Collections.unmodifiableMap(byName);
        this.scannedDir = scannedDir == null ? null : scannedDir.toAbsolutePath().normalize();
    }

    /** A fixed list of datasets (a project's external marts and the files found under its external root). */
    public static DatasetCatalog of(List<DatasetSpec> datasets) {
        return new DatasetCatalog(datasets, null);
    }

    /** Every Parquet file or partitioned directory in {@code dir}, now and as it changes. */
    public static DatasetCatalog ofDirectory(Path dir) {
        return new DatasetCatalog(List.of(), dir);
    }

    /** The datasets by name, sorted. */
    public Map<String, DatasetSpec> datasets() {
        if (scannedDir == null) {
            return fixed;
        }
        rescanIfChanged();
        Map<String, DatasetSpec> all = new TreeMap<>(scanned);
        all.putAll(fixed);
        return all;
    }

    public Optional<DatasetSpec> find(String name) {
        return Optional.ofNullable(datasets().get(name));
    }

    /** Exact files DuckDB may read: every single-file dataset's location. */
    public Set<Path> allowedFiles() {
        Set<Path> files = new LinkedHashSet<>();
        for (DatasetSpec s : fixed.values()) {
            if (!s.partitioned()) {
                files.add(s.location());
                realParent(s.location()).ifPresent(files::add);
            }
        }
        return files;
    }

    /**
     * Directories DuckDB may read: the scanned folder, and for each partitioned dataset its
     * versions folder (where the link points) and the location itself when it is a plain folder.
     */
    public Set<Path> allowedDirectories() {
        Set<Path> dirs = new LinkedHashSet<>();
        if (scannedDir != null) {
            dirs.add(scannedDir);
            real(scannedDir).ifPresent(dirs::add);
        }
        for (DatasetSpec s : fixed.values()) {
            if (s.partitioned()) {
                Path versions = s.location().resolveSibling("." + s.location().getFileName() + ".versions");
                dirs.add(versions);
                realParent(versions).ifPresent(dirs::add);
                if (Files.isDirectory(s.location()) && !Files.isSymbolicLink(s.location())) {
                    dirs.add(s.location());
                    real(s.location()).ifPresent(dirs::add);
                }
            }
        }
        return dirs;
    }

    private synchronized void rescanIfChanged() {
        try {
            FileTime now = Files.getLastModifiedTime(scannedDir);
            if (now.equals(scannedAt)) {
                return;
            }
            Map<String, DatasetSpec> found = new TreeMap<>();
            for (DatasetSpec s : scan(scannedDir)) {
                found.putIfAbsent(s.name(), s);
            }
            scanned = Collections.unmodifiableMap(found);
            scannedAt = now;
        } catch (IOException e) {
            scanned = Map.of();
            scannedAt = null;
        }
    }

    /** The Parquet files and partitioned directories directly in {@code dir}; hidden entries are skipped. */
    public static List<DatasetSpec> scan(Path dir) {
        List<DatasetSpec> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String file = p.getFileName().toString();
                if (file.startsWith(".")) {
                    continue;
                }
                if (Files.isRegularFile(p) && file.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
                    found.add(new DatasetSpec(file.substring(0, file.length() - ".parquet".length()), p, false, null));
                } else if (Files.isDirectory(p) && hivePartitioned(p)) {
                    found.add(new DatasetSpec(file, p, true, null));
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** A folder written by COPY ... PARTITION_BY: its sub-folders are named {@code column=value}. */
    private static boolean hivePartitioned(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().indexOf('=') > 0);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> real(Path p) {
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The path with its parent folder's symbolic links resolved (the file itself may not exist yet). */
    private static Optional<Path> realParent(Path p) {
        return real(p.getParent()).map(parent -> parent.resolve(p.getFileName()));
    }
}
