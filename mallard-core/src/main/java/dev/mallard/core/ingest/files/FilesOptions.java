package dev.mallard.core.ingest.files;

import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The files source's options, checked, and the DuckDB query that reads a group of files. */
record FilesOptions(String ingest, String table, List<String> globs, FileFormat format, Map<String, Object> readerOptions,
                    String filenameColumn, int filesPerCommit) {

    static FilesOptions of(IngestRun run) throws IngestException {
        String name = run.ingestName();
        Map<String, Object> o = run.options();
        if (run.tables().size() != 1) {
            throw new IngestException("ingest '" + name + "': a files ingest fills exactly one table (table: schema.name)");
        }
        List<String> globs = new ArrayList<>();
        Object path = o.get("path");
        if (path instanceof String s) {
            globs.add(s);
        } else if (path instanceof List<?> l) {
            l.forEach(v -> globs.add(String.valueOf(v)));
        }
        if (globs.isEmpty()) {
            throw new IngestException("ingest '" + name + "': a files ingest needs path: (a glob such as data/*.csv, or a list)");
        }
        List<String> rendered = new ArrayList<>();
        for (String g : globs) {
            rendered.add(g.contains("{{") || g.contains("{%") ? run.render(g, Map.of()) : g);
        }
        FileFormat format = null;
        if (o.get("format") != null) {
            format = FileFormat.named(String.valueOf(o.get("format"))).orElseThrow(() -> new IngestException("ingest '"
                    + name + "': unknown format '" + o.get("format") + "' (csv, json, ndjson or parquet)"));
        }
        Map<String, Object> reader = new LinkedHashMap<>();
        if (o.get("options") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> reader.put(String.valueOf(k), v));
        } else if (o.get("options") != null) {
            throw new IngestException("ingest '" + name + "': options: must map reader options to values, e.g. {delim: ';'}");
        }
        for (String k : reader.keySet()) {
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IngestException("ingest '" + name + "': reader option '" + k + "' is not a plain name");
            }
        }
        int perCommit = 1;
        if (o.get("files_per_commit") != null) {
            try {
                perCommit = Integer.parseInt(String.valueOf(o.get("files_per_commit")));
            } catch (NumberFormatException e) {
                perCommit = 0;
            }
            if (perCommit < 1) {
                throw new IngestException("ingest '" + name + "': files_per_commit must be a positive number");
            }
        }
        String filenameColumn = o.get("filename_column") == null ? null : String.valueOf(o.get("filename_column"));
        return new FilesOptions(name, run.tables().get(0), rendered, format, reader, filenameColumn, perCommit);
    }

    /** Every file the globs match, once, in path order. */
    List<Path> files(Path projectDir) throws IngestException {
        TreeSet<Path> out = new TreeSet<>();
        for (String g : globs) {
            try {
                out.addAll(FileGlob.matches(projectDir, g));
            } catch (IOException | RuntimeException e) {
                throw new IngestException("ingest '" + ingest + "': cannot list the files of '" + g + "': " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    FileFormat format(Path file) throws IngestException {
        if (format != null) {
            return format;
        }
        return FileFormat.of(file.getFileName().toString()).orElseThrow(() -> new IngestException("ingest '" + ingest
                + "': cannot tell the format of " + file.getFileName() + " from its extension; set format:"));
    }

    /** The query that reads {@code files}, which share {@code fileFormat}. */
    String select(List<Path> files, FileFormat fileFormat, Path projectDir) {
        StringBuilder list = new StringBuilder("[");
        for (Path f : files) {
            list.append(list.length() > 1 ? ", " : "").append(literal(f.toAbsolutePath().normalize().toString()));
        }
        list.append(']');
        StringBuilder args = new StringBuilder(list).append(", ").append(fileFormat.defaults);
        readerOptions.forEach((k, v) -> args.append(", ").append(k).append(" = ").append(sqlValue(v)));
        if (fileFormat == FileFormat.CSV) {
            // DuckDB's sniffer reads a ragged file as one text column, or from a later row that fits: with the
            // dialect fixed and no rows skipped, a malformed file is an error instead of silently other data
            if (java.util.Collections.disjoint(readerOptions.keySet(), List.of("delim", "sep", "delimiter"))) {
                boolean tsv = files.get(0).getFileName().toString().toLowerCase(java.util.Locale.ROOT).contains(".tsv");
                args.append(", delim = ").append(tsv ? "'\t'" : "','");
            }
            if (!readerOptions.containsKey("skip")) {
                args.append(", skip = 0");
            }
        }
        if (filenameColumn == null) {
            return "SELECT * FROM " + fileFormat.reader + "(" + args + ")";
        }
        String prefix = projectDir.toAbsolutePath().normalize() + java.io.File.separator;
        args.append(", filename = '__mallard_file'");
        return "SELECT * EXCLUDE (__mallard_file), CASE WHEN starts_with(__mallard_file, " + literal(prefix)
                + ") THEN substr(__mallard_file, " + (prefix.length() + 1) + ") ELSE __mallard_file END AS "
                + dev.mallard.core.engine.Relation.quote(filenameColumn) + " FROM " + fileFormat.reader + "(" + args + ")";
    }

    private static String sqlValue(Object v) {
        if (v instanceof Boolean || v instanceof Number) {
            return String.valueOf(v);
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(sb.length() > 1 ? ", " : "").append(literal(String.valueOf(k))).append(": ")
                    .append(sqlValue(x)));
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            l.forEach(x -> sb.append(sb.length() > 1 ? ", " : "").append(sqlValue(x)));
            return sb.append(']').toString();
        }
        return literal(String.valueOf(v));
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
