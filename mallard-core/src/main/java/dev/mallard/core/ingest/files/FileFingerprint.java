package dev.mallard.core.ingest.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the files source records of a loaded file: its size, mtime and content hash. */
record FileFingerprint(long size, long mtimeMillis, String sha256) {

    /** Size and mtime only, read cheaply: the hash is computed when they differ from the state's. */
    static FileFingerprint stat(Path file) throws IOException {
        return new FileFingerprint(Files.size(file), Files.getLastModifiedTime(file).toMillis(), null);
    }

    FileFingerprint hashed(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        return new FileFingerprint(size, mtimeMillis, HexFormat.of().formatHex(digest.digest()));
    }

    boolean sameStat(FileFingerprint other) {
        return other != null && size == other.size && mtimeMillis == other.mtimeMillis;
    }

    Map<String, Object> toState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", size);
        m.put("mtime", mtimeMillis);
        m.put("sha256", sha256);
        return m;
    }

    static FileFingerprint fromState(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return null;
        }
        return new FileFingerprint(number(m.get("size")), number(m.get("mtime")),
                m.get("sha256") == null ? null : String.valueOf(m.get("sha256")));
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }
}
