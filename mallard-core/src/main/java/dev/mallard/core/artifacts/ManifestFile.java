package dev.mallard.core.artifacts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * Writes {@code manifest.json}, reusing the previous file's bytes when the same parse wrote
 * it: everything after {@code metadata} (nodes, macros, maps: megabytes on a large project)
 * depends only on the parse, so when the parse was reused whole and nothing was compiled,
 * the new file is this invocation's metadata followed by the old file's body, copied. A
 * small record beside it ({@code .manifest.json.body}) says which parse wrote the body, where
 * it starts, and its length and CRC-32C; the copy is checked against them as it is made, and
 * anything unexpected (another tool wrote manifest.json, the record is missing) writes the
 * whole document as usual.
 */
final class ManifestFile {
    private static final String RECORD_SUFFIX = ".body";
    /** From this many entries on, a section's entries are encoded in parallel. */
    private static final int PARALLEL_FROM = 256;
    /** How many entries of a large section are encoded at a time. */
    private static final int CHUNK = 1024;

    private ManifestFile() {
    }

    /**
     * Writes {@code file}: from the old file's body when {@code bodyKey} (naming the parse the
     * body comes from; null: never reuse) matches the record, else from {@code document}.
     */
    static Path write(Path file, Map<String, Object> metadata, Supplier<Map<String, Object>> document,
                      String bodyKey) {
        Path record = file.resolveSibling("." + file.getFileName() + RECORD_SUFFIX);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
        try {
            Files.createDirectories(dir);
            if (bodyKey != null && reuse(file, record, tmp, metadata, bodyKey)) {
                publish(tmp, file);
                return file;
            }
            Files.deleteIfExists(record);
            ManifestPatch.forget(file);
            Body body = writeWhole(tmp, document.get());
            publish(tmp, file);
            if (bodyKey != null) {
                ManifestPatch.keep(file, bodyKey, body.ranges());
                Files.writeString(record, String.join("\n", body.record(bodyKey)) + "\n");
            }
            return file;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; that is the error worth reporting
            }
            throw new MallardException(ErrorCode.PROJECT, "could not write " + file + ": " + e.getMessage(),
                    file.toString(), 0, null, e);
        }
    }

    /**
     * Writes {@code file} from the old file's body alone when {@code bodyKey} matches its
     * record (as {@link #write} would); null, and nothing written, when it does not.
     */
    static Path writeReused(Path file, Map<String, Object> metadata, String bodyKey) {
        Path record = file.resolveSibling("." + file.getFileName() + RECORD_SUFFIX);
        Path tmp = file.toAbsolutePath().getParent().resolve("." + file.getFileName() + "."
                + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            if (!reuse(file, record, tmp, metadata, bodyKey)) {
                return null;
            }
            publish(tmp, file);
            return file;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; the whole document is written instead
            }
            return null;
        }
    }

    /**
     * Writes {@code file} for a patched parse: the previous file's body (of the parse
     * {@code previousKey} names) with {@code sections} and the node {@code entries} replaced
     * (see {@link ManifestPatch}), recorded as {@code bodyKey}'s; the whole {@code document}
     * when the previous body cannot be used.
     */
    static Path writePatched(Path file, Map<String, Object> metadata, String previousKey, String bodyKey,
                             Supplier<Map<String, Object>> document, Map<String, Object> sections,
                             Map<String, Object> entries) {
        Path record = file.resolveSibling("." + file.getFileName() + RECORD_SUFFIX);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
        try {
            List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
            Body body = ManifestPatch.write(file, lines, tmp, metadata, previousKey, sections, entries);
            if (body != null) {
                Files.deleteIfExists(record);
                publish(tmp, file);
                ManifestPatch.keep(file, bodyKey, body.ranges());
                Files.writeString(record, String.join("\n", body.record(bodyKey)) + "\n");
                return file;
            }
        } catch (IOException | RuntimeException e) {
            // no usable previous body: the whole document is written
        }
        return write(file, metadata, document, bodyKey);
    }

    /** Where a manifest's body starts in its file, its length and CRC-32C, and where its parts lie in it. */
    record Body(long offset, long length, long crc, ManifestPatch.Ranges ranges) {
        List<String> record(String bodyKey) {
            return List.of(bodyKey, Long.toString(offset), Long.toString(length), Long.toString(crc));
        }

        /** The offset, length and CRC a {@link #record} of {@code bodyKey} holds; null when it is another's or unreadable. */
        static long[] recorded(List<String> record, String bodyKey) {
            if (record.size() != 4 || !record.get(0).equals(bodyKey)) {
                return null;
            }
            try {
                return new long[] {Long.parseLong(record.get(1)), Long.parseLong(record.get(2)),
                    Long.parseLong(record.get(3))};
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * Writes the whole document, noting where its body (after metadata) starts and its
     * checksum (the bytes are those of one generator writing it all), and where each section
     * and each entry of {@code nodes} lies in the body (for {@link ManifestPatch}).
     */
    private static Body writeWhole(Path tmp, Map<String, Object> document) throws IOException {
        try (Counting out = new Counting(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.write('{');
            long offset = -1;
            boolean first = true;
            ManifestPatch.Ranges ranges = new ManifestPatch.Ranges();
            for (Map.Entry<String, Object> e : document.entrySet()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(json(e.getKey()));
                out.write(':');
                long start = out.count - Math.max(offset, 0);
                JsonGenerator json = JsonArtifact.FACTORY.createGenerator(out, JsonEncoding.UTF8);
                if (offset >= 0 && e.getValue() instanceof Map<?, ?> map && map.size() >= PARALLEL_FROM) {
                    // a large section's entries are encoded on all cores, then written in order: the same bytes
                    boolean nodes = e.getKey().equals("nodes");
                    Object[] keys = map.keySet().toArray();
                    Object[] values = map.values().toArray();
                    out.write('{');
                    if (nodes) {
                        ranges.nodesStart = out.count - offset;
                    }
                    // a chunk at a time: the encoded bytes (and the entries a Deferred makes) never live all at once
                    for (int from = 0; from < values.length; from += CHUNK) {
                        int to = Math.min(values.length, from + CHUNK);
                        byte[][] encoded = encodeValues(values, from, to);
                        for (int i = from; i < to; i++) {
                            if (i > 0) {
                                out.write(',');
                            }
                            out.write(json(keys[i]));
                            out.write(':');
                            out.write(encoded[i - from]);
                            if (nodes) {
                                ranges.entries.put((String) keys[i], out.count - offset);
                            }
                        }
                    }
                    out.write('}');
                } else if (offset >= 0 && e.getKey().equals("nodes") && e.getValue() instanceof Map<?, ?> nodes) {
                    json.writeStartObject();
                    json.flush();
                    ranges.nodesStart = out.count - offset;
                    for (Map.Entry<?, ?> n : nodes.entrySet()) {
                        json.writeFieldName((String) n.getKey());
                        JsonArtifact.writeTree(json, n.getValue());
                        json.flush();
                        ranges.entries.put((String) n.getKey(), out.count - offset);
                    }
                    json.writeEndObject();
                } else {
                    JsonArtifact.writeTree(json, e.getValue());
                }
                json.flush(); // not closed: the file goes on (the factory never closes its target)
                if (offset < 0) {
                    offset = out.count;
                    out.crc.reset();
                } else {
                    ranges.sections.put(e.getKey(), new long[] {start, out.count - offset});
                }
            }
            out.write('}');
            out.flushAll();
            return new Body(offset, out.count - offset, out.crc.getValue(), ranges);
        }
    }

    /** The JSON of {@code values[from..to)}, in order, encoded on the common pool. */
    private static byte[][] encodeValues(Object[] values, int from, int to) throws IOException {
        try {
            return java.util.Arrays.stream(values, from, to).parallel().map(v -> {
                try {
                    return json(v);
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }).toArray(byte[][]::new);
        } catch (java.io.UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    static byte[] json(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JsonArtifact.FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            JsonArtifact.writeTree(json, value);
        }
        return bytes.toByteArray();
    }

    /** Writes the new metadata and the old body to {@code tmp}; false (and no tmp) when the old body cannot be used. */
    private static boolean reuse(Path file, Path record, Path tmp, Map<String, Object> metadata, String bodyKey)
            throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(record, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return false;
        }
        long[] recorded = Body.recorded(lines, bodyKey);
        if (recorded == null) {
            return false;
        }
        long offset = recorded[0];
        long length = recorded[1];
        long crc = recorded[2];
        // checked first, then copied by the kernel (a writer that replaces the file by renaming leaves this one intact)
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (in.size() != offset + length || crc(in, offset, length) != crc) {
                return false;
            }
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer head = ByteBuffer.wrap(prefix(metadata));
                while (head.hasRemaining()) {
                    out.write(head);
                }
                for (long done = 0; done < length; ) {
                    long n = in.transferTo(offset + done, length - done, out);
                    if (n <= 0) {
                        return abandon(tmp);
                    }
                    done += n;
                }
            }
        } catch (NoSuchFileException e) {
            return abandon(tmp);
        }
        return true;
    }

    static long crc(FileChannel in, long offset, long length) throws IOException {
        CRC32C check = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        for (long at = offset, end = offset + length; at < end; ) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), end - at));
            int n = in.read(buffer, at);
            if (n <= 0) {
                return -1;
            }
            buffer.flip();
            check.update(buffer);
            at += n;
        }
        return check.getValue();
    }

    private static boolean abandon(Path tmp) throws IOException {
        Files.deleteIfExists(tmp);
        return false;
    }

    /** {@code {"metadata":{...}} without the closing brace, as {@link #writeWhole} starts the file. */
    static byte[] prefix(Map<String, Object> metadata) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        JsonGenerator json = JsonArtifact.FACTORY.createGenerator(bytes, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeFieldName("metadata");
        JsonArtifact.writeTree(json, metadata);
        json.flush();
        return bytes.toByteArray(); // the generator is left open: closing it would end the object
    }

    static void publish(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Counts the bytes written and checksums them. */
    static final class Counting extends FilterOutputStream {
        long count;
        final CRC32C crc = new CRC32C();

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            count += len;
        }

        /** A generator's flush reaches this far (to count its bytes), not the file: {@link #flushAll} does. */
        @Override
        public void flush() {
        }

        void flushAll() throws IOException {
            out.flush();
        }
    }
}
