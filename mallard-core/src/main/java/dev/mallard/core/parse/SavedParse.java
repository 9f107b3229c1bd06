package dev.mallard.core.parse;

import dev.mallard.core.manifest.Manifest;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole parse's result ({@code target/mallard_parse_result.bin}), reused as it is when
 * nothing it came from has changed: the same {@link ParseInputs#key global key} (Mallard's
 * build, configs, vars, target, every macro's text), the same list of project files with the
 * same {@link FileStamps stamps}, and the same value for every environment variable the
 * parse read. Then no file is read, rendered or parsed, and no node is built. Anything less
 * than a full match falls back to the file-by-file {@link ParseCache}.
 *
 * @param manifest the parsed manifest (nodes, macros, docs, hooks, macro dependencies, groups)
 * @param disabledNames the names of disabled models, seeds and snapshots
 * @param warnings what the parse warned about, to be said again
 * @param parsedAt when the parse ran (dbt's {@code created_at} of its nodes)
 * @param modelPatches the root project's properties of its models by name, what a patch of
 *     the parse re-renders a changed model with (null when they were not read or not kept)
 */
record SavedParse(Manifest manifest, Set<String> disabledNames, List<String> warnings, Instant parsedAt,
                  Map<String, PropertyPatch> modelPatches) {
    static final String FILE_NAME = "mallard_parse_result.bin";
    private static final int MAGIC = 0x4d4c5052;
    private static final int FORMAT = 3;

    SavedParse {
        disabledNames = Set.copyOf(disabledNames);
        warnings = List.copyOf(warnings);
    }

    /**
     * A saved parse whose global key and env vars read match, with how the project's files
     * differ from those it read (none: it can be reused whole) and the env vars it read.
     */
    record Loaded(SavedParse parse, FileStamps.Diff files, Map<String, String> envReads) {
    }

    /**
     * The result saved in {@code file} if its global key and env vars read match, else null.
     * The model properties (for a patch) are read only when a file differs.
     */
    static Loaded load(Path file, String globalKey, FileStamps stamps, Map<String, String> parseEnv, int threads) {
        if (stamps == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            if (in.getInt() != MAGIC || in.getInt() != FORMAT || !globalKey.equals(SavedValues.readString(in))) {
                return null;
            }
            FileStamps.Diff files = stamps.diff(in);
            SavedValues.Reader values = new SavedValues.Reader(in);
            @SuppressWarnings("unchecked")
            Map<String, String> envReads = (Map<String, String>) values.read();
            if (!EnvReads.unchanged(envReads, parseEnv, threads)) {
                return null;
            }
            Instant parsedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
            in.getInt(); // the counts, for a summary (see peek)
            in.getInt();
            @SuppressWarnings("unchecked")
            Set<String> disabled = (Set<String>) values.read();
            @SuppressWarnings("unchecked")
            List<String> warnings = (List<String>) values.read();
            Manifest manifest = (Manifest) values.read();
            int patchBytes = in.getInt();
            Map<String, PropertyPatch> patches = null;
            if (patchBytes >= 0) {
                int at = in.position();
                if (patchBytes > in.remaining()) {
                    return null;
                }
                if (!files.none()) {
                    @SuppressWarnings("unchecked")
                    Map<String, PropertyPatch> read = (Map<String, PropertyPatch>) new SavedValues.Reader(
                            in.slice(at, patchBytes)).read();
                    patches = read;
                }
                in.position(at + patchBytes);
            }
            return in.hasRemaining() ? null : new Loaded(new SavedParse(manifest, disabled, warnings, parsedAt,
                    patches), files, envReads);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged or older file: parse as usual, and save over it
        }
    }

    /**
     * What a saved parse says of itself without its manifest being decoded: when it ran, what
     * it warned about, how many nodes it holds and how many of its macros are the root
     * project's.
     */
    record Summary(Instant parsedAt, List<String> warnings, int nodes, int rootMacros) {
        Summary {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The summary of the parse saved in {@code file} when its global key, its files' stamps
     * and its env vars read all match (it would be reused whole), else null. Its manifest and
     * model properties are not decoded.
     */
    static Summary peek(Path file, String globalKey, FileStamps stamps, Map<String, String> parseEnv, int threads) {
        if (stamps == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            if (in.getInt() != MAGIC || in.getInt() != FORMAT || !globalKey.equals(SavedValues.readString(in))
                    || !stamps.diff(in).none()) {
                return null;
            }
            SavedValues.Reader values = new SavedValues.Reader(in);
            if (!EnvReads.unchanged((Map<?, ?>) values.read(), parseEnv, threads)) {
                return null;
            }
            Instant parsedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
            int nodes = in.getInt();
            int rootMacros = in.getInt();
            values.read(); // the disabled names
            @SuppressWarnings("unchecked")
            List<String> warnings = (List<String>) values.read();
            return new Summary(parsedAt, warnings, nodes, rootMacros);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Saves this result for {@code globalKey} and {@code stamps} (taken before the parse read
     * any file); nothing is saved when a file is racy or a value cannot be kept, and an old
     * file is removed then. A failure to write is no error: the next parse is a slower one.
     */
    void save(Path file, String globalKey, FileStamps stamps, Map<String, String> envReads) {
        try {
            if (stamps == null || stamps.racy()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new Unlocked(Files.newOutputStream(tmp)))) {
                    out.writeInt(MAGIC);
                    out.writeInt(FORMAT);
                    SavedValues.writeString(out, globalKey);
                    stamps.write(out);
                    SavedValues.Writer values = new SavedValues.Writer(out);
                    values.write(envReads);
                    out.writeLong(parsedAt.getEpochSecond());
                    out.writeInt(parsedAt.getNano());
                    out.writeInt(manifest.nodes().size());
                    out.writeInt((int) manifest.macros().values().stream()
                            .filter(m -> m.packageName().equals(manifest.projectName())).count());
                    values.write(disabledNames);
                    values.write(warnings);
                    values.write(manifest);
                    byte[] patches = patchBytes();
                    out.writeInt(patches == null ? -1 : patches.length);
                    if (patches != null) {
                        out.write(patches);
                    }
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (SavedValues.Uncacheable e) {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            // not saved: the next parse reads the files again
        }
    }

    /** The model properties in a section of their own (read only for a patch), or null when they cannot be kept. */
    private byte[] patchBytes() throws IOException {
        if (modelPatches == null) {
            return null;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new SavedValues.Writer(out).write(modelPatches);
        } catch (SavedValues.Uncacheable e) {
            return null;
        }
        return bytes.toByteArray();
    }

    /** A buffered file output without BufferedOutputStream's locking (DataOutputStream writes byte by byte). */
    private static final class Unlocked extends java.io.OutputStream {
        private final java.io.OutputStream file;
        private final byte[] buffer = new byte[1 << 16];
        private int size;

        Unlocked(java.io.OutputStream file) {
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                flushBuffer();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > buffer.length - size) {
                flushBuffer();
                if (len > buffer.length) {
                    file.write(b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, buffer, size, len);
            size += len;
        }

        private void flushBuffer() throws IOException {
            file.write(buffer, 0, size);
            size = 0;
        }

        @Override
        public void close() throws IOException {
            try (file) {
                flushBuffer();
            }
        }
    }
}
