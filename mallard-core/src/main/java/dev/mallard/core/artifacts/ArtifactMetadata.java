package dev.mallard.core.artifacts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What every artifact's {@code metadata} block says about the invocation.
 *
 * @param env the {@code DBT_ENV_CUSTOM_ENV_*} variables with the prefix removed, as dbt
 *        records them
 */
public record ArtifactMetadata(
        String invocationId,
        Instant invocationStartedAt,
        Instant generatedAt,
        String adapterType,
        String mallardVersion,
        Map<String, String> env) {

    /** The dbt version Mallard's artifacts claim to be written by. */
    public static final String DBT_VERSION = "1.11.0";
    public static final String MALLARD_VERSION_ENV_KEY = "MALLARD_VERSION";
    static final String CUSTOM_ENV_PREFIX = "DBT_ENV_CUSTOM_ENV_";

    public ArtifactMetadata {
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(generatedAt, "generatedAt");
        env = Map.copyOf(env);
    }

    /** Metadata generated now, reading the custom env variables of this process. */
    public static ArtifactMetadata now(String invocationId, Instant invocationStartedAt, String adapterType,
                                       String mallardVersion) {
        return new ArtifactMetadata(invocationId, invocationStartedAt, Instant.now(), adapterType, mallardVersion,
                customEnv(System.getenv()));
    }

    static Map<String, String> customEnv(Map<String, String> environment) {
        Map<String, String> out = new TreeMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith(CUSTOM_ENV_PREFIX) && k.length() > CUSTOM_ENV_PREFIX.length()) {
                out.put(k.substring(CUSTOM_ENV_PREFIX.length()), v);
            }
        });
        return out;
    }

    /**
     * The {@code env} block: the custom env variables plus {@code MALLARD_VERSION}. dbt's
     * metadata schema allows no extra keys, so Mallard's version rides in env, which
     * holds any strings.
     */
    public Map<String, String> artifactEnv() {
        Map<String, String> out = new TreeMap<>(env);
        if (mallardVersion != null) {
            out.put(MALLARD_VERSION_ENV_KEY, mallardVersion);
        }
        return out;
    }

    public ArtifactMetadata withGeneratedAt(Instant instant) {
        return new ArtifactMetadata(invocationId, invocationStartedAt, instant, adapterType, mallardVersion, env);
    }
}
