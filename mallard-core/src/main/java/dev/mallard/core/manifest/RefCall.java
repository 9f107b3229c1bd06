package dev.mallard.core.manifest;

/**
 * One {@code ref()} call found while parsing; packageName is null for the one-argument form,
 * version null unless the call pinned one ({@code v=1}, {@code version='1'}: kept as written).
 */
public record RefCall(String packageName, String name, int line, Object version) {

    /** A call that pins no version. */
    public RefCall(String packageName, String name, int line) {
        this(packageName, name, line, null);
    }

    /** The pinned version as dbt compares it (str(v)), or null. */
    public String versionText() {
        return version == null ? null : ModelVersion.text(version);
    }
}
