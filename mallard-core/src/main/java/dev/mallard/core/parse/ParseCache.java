package dev.mallard.core.parse;

import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.project.YamlFiles;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mallard's partial-parse cache ({@code target/mallard_partial_parse.bin}): what parsing
 * each file gave last time, so that an unchanged file is not parsed or rendered again.
 * <ul>
 * <li>a properties YAML file's document, keyed by the checksum of its text;</li>
 * <li>a model's or analysis's render with execute=false (its config() calls, refs, sources,
 * the macros it calls), keyed by the checksum of its text and of the config it was rendered
 * with, and valid only while every environment variable it read has the same value.</li>
 * </ul>
 * The whole file belongs to one {@link ParseInputs#key global key} (Mallard's build, the
 * project's and packages' configs, vars, target, every macro's text): when that differs,
 * nothing is reused. A file that cannot be read is ignored, and the parse is a full one.
 */
final class ParseCache {
    static final String FILE_NAME = "mallard_partial_parse.bin";
    private static final int MAGIC = 0x4d4c5050;
    /** 3: a render's macro calls are those the parse render made, no longer read from the text. */
    private static final int FORMAT = 3;
    private static final byte YAML = 1;
    private static final byte RENDER = 2;

    /** A properties file's document, with the warnings reading it gave. */
    record Yaml(YamlFiles.Document document, List<String> warnings) {
    }

    /** A model's render with execute=false: what its code declared. */
    record Render(Map<String, Object> config, List<RefCall> refs, List<SourceCall> sources, List<String> macroCalls) {
    }

    private record Entry(byte kind, String checksum, String configKey, byte[] payload) {
    }

    private final String globalKey;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> next = new ConcurrentHashMap<>();
    private final String note;
    private final Map<String, String> env;
    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean changed;
    /** dbt's reason for a full parse ("saved manifest not found. Starting full parse."), or null. */
    private String dbtReason;

    private ParseCache(String globalKey, Map<String, Entry> previous, String note, Map<String, String> env) {
        this.globalKey = globalKey;
        this.previous = previous;
        this.note = note;
        this.env = env;
        this.changed = previous.isEmpty();
    }

    /** A cache that reuses nothing (--no-partial-parse): the parse is a full one, and its results are saved. */
    static ParseCache empty(String globalKey, String note) {
        return new ParseCache(globalKey, Map.of(), note, Map.of());
    }

    private static ParseCache empty(String globalKey, String note, String dbtReason) {
        ParseCache cache = empty(globalKey, note);
        cache.dbtReason = dbtReason;
        return cache;
    }

    /**
     * Why dbt would say it cannot parse partially (its UnableToPartialParse event, printed on the console):
     * null when the saved parse was read, or when none was asked for.
     */
    String dbtReason() {
        return dbtReason;
    }

    /**
     * The cache saved in {@code file} for {@code globalKey}, or an empty one (with a note saying why);
     * a render is reused while the env vars it read, and {@code target.threads} if it read that, are the same.
     */
    static ParseCache load(Path file, String globalKey, Map<String, String> env, int threads) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            if (in.getInt() != MAGIC || in.getInt() != FORMAT) {
                return empty(globalKey, "the saved cache " + file.getFileName() + " is of another format",
                        "saved manifest contained the wrong version");
            }
            if (!globalKey.equals(SavedValues.readString(in))) {
                return empty(globalKey, "the project's config, vars, target, macros or Mallard's build changed",
                        "config vars, config profile, or config target have changed");
            }
            int n = SavedValues.size(in);
            Map<String, Entry> entries = new java.util.HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String key = SavedValues.readString(in);
                byte kind = in.get();
                String checksum = SavedValues.readString(in);
                String configKey = in.get() != 0 ? SavedValues.readString(in) : null;
                byte[] payload = new byte[SavedValues.size(in)];
                in.get(payload);
                entries.put(key, new Entry(kind, checksum, configKey, payload));
            }
            if (in.hasRemaining()) {
                return empty(globalKey, "the saved cache " + file.getFileName() + " has trailing bytes");
            }
            Map<String, String> seen = new java.util.HashMap<>(env);
            seen.put(EnvReads.TARGET_THREADS, String.valueOf(threads));
            return new ParseCache(globalKey, entries, "reusing the saved parse of unchanged files", seen);
        } catch (NoSuchFileException e) {
            return empty(globalKey, "no saved cache " + file.getFileName(), "saved manifest not found. Starting full parse.");
        } catch (IOException | RuntimeException e) {
            return empty(globalKey, "the saved cache " + file.getFileName() + " cannot be read (" + e + ")");
        }
    }

    /** Why this parse reuses what it does, for the debug log. */
    String note() {
        return previous.isEmpty() ? note : note + " (" + reused + " of " + previous.size() + " saved files reused)";
    }

    /** How many saved files this parse reused. */
    int reused() {
        return reused.get();
    }

    /** The document cached for properties file {@code key} with this text checksum, or null. */
    Yaml yaml(String key, String checksum) {
        Entry e = previous.get(key);
        if (e == null || e.kind != YAML || !e.checksum.equals(checksum)) {
            return null;
        }
        try {
            SavedValues.Reader in = input(e);
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) in.read();
            @SuppressWarnings("unchecked")
            Map<String, Integer> keyLines = (Map<String, Integer>) in.read();
            List<String> warnings = strings(in.read());
            next.put(key, e);
            reused.incrementAndGet();
            return new Yaml(new YamlFiles.Document(values, keyLines), warnings);
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    void putYaml(String key, String checksum, YamlFiles.Document document, List<String> warnings) {
        put(key, new Entry(YAML, checksum, null, encode(out -> {
            out.write(document.values());
            out.write(document.keyLines());
            out.write(warnings);
        })));
    }

    /** Whether file {@code key} with this checksum was parsed without error before (its syntax need not be checked). */
    boolean parsedBefore(String key, String checksum) {
        Entry e = previous.get(key);
        return e != null && e.kind == RENDER && e.checksum.equals(checksum);
    }

    /**
     * The render cached for model file {@code key} with this text checksum and base config,
     * or null (also when an environment variable it read has changed since).
     */
    Render render(String key, String checksum, String configKey) {
        Entry e = previous.get(key);
        if (configKey == null || e == null || e.kind != RENDER || !e.checksum.equals(checksum)
                || !configKey.equals(e.configKey)) {
            return null;
        }
        try {
            SavedValues.Reader in = input(e);
            Map<?, ?> reads = (Map<?, ?>) in.read();
            for (Map.Entry<?, ?> read : reads.entrySet()) {
                if (!Objects.equals(env.get((String) read.getKey()), read.getValue())) {
                    return null;
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) in.read();
            List<RefCall> refs = new ArrayList<>();
            for (Object o : (List<?>) in.read()) {
                List<?> r = (List<?>) o;
                refs.add(new RefCall((String) r.get(0), (String) r.get(1), (Integer) r.get(2), r.get(3)));
            }
            List<SourceCall> sources = new ArrayList<>();
            for (Object o : (List<?>) in.read()) {
                List<?> s = (List<?>) o;
                sources.add(new SourceCall((String) s.get(0), (String) s.get(1), (Integer) s.get(2)));
            }
            List<String> calls = strings(in.read());
            next.put(key, e);
            reused.incrementAndGet();
            return new Render(config, refs, sources, calls);
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    /** Keeps a model's render (a value the cache cannot keep leaves the file to be rendered next time). */
    void putRender(String key, String checksum, String configKey, Map<String, String> envReads, Render render) {
        if (configKey == null) {
            return;
        }
        put(key, new Entry(RENDER, checksum, configKey, encode(out -> {
            out.write(envReads);
            out.write(render.config());
            List<Object> refs = new ArrayList<>();
            render.refs().forEach(r -> refs.add(java.util.Arrays.asList(r.packageName(), r.name(), r.line(),
                    r.version())));
            out.write(refs);
            List<Object> sources = new ArrayList<>();
            render.sources().forEach(s -> sources.add(List.of(s.sourceName(), s.tableName(), s.line())));
            out.write(sources);
            out.write(render.macroCalls());
        })));
    }

    /** The key of a config a model is rendered with, or null when it holds a value the cache cannot keep. */
    static String configKey(Map<String, Object> config) {
        byte[] bytes = encode(out -> out.write(config));
        return bytes == null ? null : Checksums.sha256Hex(bytes);
    }

    /** Writes the cache when this parse found anything new or dropped an entry; a failure to write is no error. */
    String save(Path file) {
        if (!changed && next.size() == previous.size()) {
            return null;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp),
                    1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                SavedValues.writeString(out, globalKey);
                out.writeInt(next.size());
                for (Map.Entry<String, Entry> e : new java.util.TreeMap<>(next).entrySet()) {
                    Entry entry = e.getValue();
                    SavedValues.writeString(out, e.getKey());
                    out.writeByte(entry.kind);
                    SavedValues.writeString(out, entry.checksum);
                    out.writeBoolean(entry.configKey != null);
                    if (entry.configKey != null) {
                        SavedValues.writeString(out, entry.configKey);
                    }
                    out.writeInt(entry.payload.length);
                    out.write(entry.payload);
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        } catch (IOException | UncheckedIOException e) {
            return "could not save the partial-parse cache " + file + ": " + e.getMessage();
        }
    }

    private void put(String key, Entry entry) {
        if (entry.payload != null) {
            next.put(key, entry);
            changed = true;
        }
    }

    private static SavedValues.Reader input(Entry e) {
        return new SavedValues.Reader(ByteBuffer.wrap(e.payload));
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add((String) o);
        }
        return out;
    }

    private interface Writing {
        void write(SavedValues.Writer out) throws IOException;
    }

    /** The bytes {@code writing} gives (plain values only), or null when a value cannot be cached. */
    private static byte[] encode(Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writing.write(new SavedValues.Writer(out, true));
        } catch (SavedValues.Uncacheable e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
