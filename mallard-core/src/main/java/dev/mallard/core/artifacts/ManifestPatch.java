package dev.mallard.core.artifacts;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a patched parse written from the previous file: the new metadata,
 * the previous body with some sections (the graph maps) and some entries of {@code nodes}
 * (the patched nodes') replaced, every other byte copied. A file beside it
 * ({@code .manifest.json.ranges}) says where each section and node entry lies in the body;
 * it belongs to the body the {@link ManifestFile} record names, and the copy is made only
 * when that record, its length and CRC-32C match (else the whole document is written).
 */
final class ManifestPatch {
    private static final String RANGES_SUFFIX = ".ranges";
    private static final int MAGIC = 0x4d4d4e52;

    private ManifestPatch() {
    }

    /** Where the parts of a body lie, in bytes from its start (what the whole write noted). */
    static final class Ranges {
        /** Just after {@code nodes}' opening brace. */
        long nodesStart = -1;
        /** The end of each node entry (an entry after the first starts with its comma), in order. */
        final Map<String, Long> entries = new LinkedHashMap<>();
        /** Each section's value, start and end, in order. */
        final Map<String, long[]> sections = new LinkedHashMap<>();
    }

    static Path rangesFile(Path file) {
        return file.resolveSibling("." + file.getFileName() + RANGES_SUFFIX);
    }

    /** Keeps where the parts of the body {@code bodyKey} names lie. A failure only costs a later whole write. */
    static void keep(Path file, String bodyKey, Ranges ranges) {
        if (ranges.nodesStart < 0) {
            forget(file);
            return;
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(rangesFile(file)), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeUTF(bodyKey);
            out.writeLong(ranges.nodesStart);
            out.writeInt(ranges.sections.size());
            for (Map.Entry<String, long[]> s : ranges.sections.entrySet()) {
                out.writeUTF(s.getKey());
                out.writeLong(s.getValue()[0]);
                out.writeLong(s.getValue()[1]);
            }
            out.writeInt(ranges.entries.size());
            for (Map.Entry<String, Long> e : ranges.entries.entrySet()) {
                byte[] id = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(id.length);
                out.write(id);
                out.writeLong(e.getValue());
            }
        } catch (IOException e) {
            forget(file);
        }
    }

    static void forget(Path file) {
        try {
            Files.deleteIfExists(rangesFile(file));
        } catch (IOException e) {
            // a stale ranges file names another body's key: it is never used
        }
    }

    private static Ranges read(Path file, String bodyKey) throws IOException {
        ByteBuffer in;
        try {
            in = ByteBuffer.wrap(Files.readAllBytes(rangesFile(file)));
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            java.io.DataInputStream data = new java.io.DataInputStream(new java.io.ByteArrayInputStream(in.array()));
            if (data.readInt() != MAGIC || !data.readUTF().equals(bodyKey)) {
                return null;
            }
            Ranges r = new Ranges();
            r.nodesStart = data.readLong();
            for (int i = data.readInt(); i > 0; i--) {
                r.sections.put(data.readUTF(), new long[] {data.readLong(), data.readLong()});
            }
            for (int i = data.readInt(); i > 0; i--) {
                byte[] id = new byte[data.readInt()];
                data.readFully(id);
                r.entries.put(new String(id, StandardCharsets.UTF_8), data.readLong());
            }
            return data.read() == -1 ? r : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Writes {@code tmp}: {@code metadata}, then the body of {@code file} (which {@code record}
     * names {@code previousKey}) with the values of {@code sections} and the node entries of
     * {@code entries} put in place of the old ones. Returns the new body, or null (and no tmp)
     * when the old one cannot be used or lacks one of them.
     */
    static ManifestFile.Body write(Path file, List<String> record, Path tmp, Map<String, Object> metadata,
                                   String previousKey, Map<String, Object> sections, Map<String, Object> entries)
            throws IOException {
        long[] recorded = ManifestFile.Body.recorded(record, previousKey);
        if (recorded == null) {
            return null;
        }
        Ranges old = read(file, previousKey);
        if (old == null || !old.sections.keySet().containsAll(sections.keySet())
                || !old.entries.keySet().containsAll(entries.keySet()) || !old.sections.containsKey("nodes")) {
            return null;
        }
        long offset = recorded[0];
        long length = recorded[1];
        long crc = recorded[2];
        byte[] body;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (in.size() != offset + length || length > Integer.MAX_VALUE - 16) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) length);
            while (buffer.hasRemaining()) {
                if (in.read(buffer, offset + buffer.position()) <= 0) {
                    return null;
                }
            }
            body = buffer.array();
        } catch (NoSuchFileException e) {
            return null;
        }
        java.util.zip.CRC32C check = new java.util.zip.CRC32C();
        check.update(body);
        if (check.getValue() != crc) {
            return null;
        }
        byte[] head = ManifestFile.prefix(metadata);
        Ranges ranges = new Ranges();
        long newOffset = head.length;
        try (ManifestFile.Counting out = new ManifestFile.Counting(new BufferedOutputStream(
                Files.newOutputStream(tmp), 1 << 16))) {
            out.write(head);
            out.crc.reset();
            long at = 0;
            for (Map.Entry<String, long[]> s : old.sections.entrySet()) {
                long start = s.getValue()[0];
                long end = s.getValue()[1];
                out.write(body, (int) at, (int) (start - at));
                long newStart = out.count - newOffset;
                if (s.getKey().equals("nodes")) {
                    out.write(body, (int) start, (int) (old.nodesStart - start));
                    ranges.nodesStart = out.count - newOffset;
                    long entryAt = old.nodesStart;
                    boolean first = true;
                    for (Map.Entry<String, Long> e : old.entries.entrySet()) {
                        Object replaced = entries.get(e.getKey());
                        if (replaced == null) {
                            out.write(body, (int) entryAt, (int) (e.getValue() - entryAt));
                        } else {
                            if (!first) {
                                out.write(',');
                            }
                            out.write(ManifestFile.json(e.getKey()));
                            out.write(':');
                            out.write(ManifestFile.json(replaced));
                        }
                        first = false;
                        entryAt = e.getValue();
                        ranges.entries.put(e.getKey(), out.count - newOffset);
                    }
                    out.write(body, (int) entryAt, (int) (end - entryAt));
                } else if (sections.containsKey(s.getKey())) {
                    out.write(ManifestFile.json(sections.get(s.getKey())));
                } else {
                    out.write(body, (int) start, (int) (end - start));
                }
                ranges.sections.put(s.getKey(), new long[] {newStart, out.count - newOffset});
                at = end;
            }
            out.write(body, (int) at, (int) (body.length - at));
            out.flushAll();
            return new ManifestFile.Body(newOffset, out.count - newOffset, out.crc.getValue(), ranges);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
