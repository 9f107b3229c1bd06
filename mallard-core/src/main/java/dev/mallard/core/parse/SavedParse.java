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
 */
record SavedParse(Manifest manifest, Set<String> disabledNames, List<String> warnings, Instant parsedAt) {
    static final String FILE_NAME = "mallard_parse_result.bin";
    private static final int MAGIC = 0x4d4c5052;
    private static final int FORMAT = 1;

    SavedParse {
        disabledNames = Set.copyOf(disabledNames);
        warnings = List.copyOf(warnings);
    }

    /** The result saved in {@code file} if every input matches, else null. */
    static SavedParse load(Path file, String globalKey, FileStamps stamps, Map<String, String> parseEnv) {
        if (stamps == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            if (in.getInt() != MAGIC || in.getInt() != FORMAT || !globalKey.equals(ResultValues.readString(in))
                    || !stamps.sameAs(in)) {
                return null;
            }
            ResultValues.Reader values = new ResultValues.Reader(in);
            if (!EnvReads.unchanged((Map<?, ?>) values.read(), parseEnv)) {
                return null;
            }
            Instant parsedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
            @SuppressWarnings("unchecked")
            Set<String> disabled = (Set<String>) values.read();
            @SuppressWarnings("unchecked")
            List<String> warnings = (List<String>) values.read();
            Manifest manifest = (Manifest) values.read();
            return in.hasRemaining() ? null : new SavedParse(manifest, disabled, warnings, parsedAt);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged or older file: parse as usual, and save over it
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
                    CacheValues.writeString(out, globalKey);
                    stamps.write(out);
                    ResultValues.Writer values = new ResultValues.Writer(out);
                    values.write(envReads);
                    out.writeLong(parsedAt.getEpochSecond());
                    out.writeInt(parsedAt.getNano());
                    values.write(disabledNames);
                    values.write(warnings);
                    values.write(manifest);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (CacheValues.Uncacheable e) {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            // not saved: the next parse reads the files again
        }
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
