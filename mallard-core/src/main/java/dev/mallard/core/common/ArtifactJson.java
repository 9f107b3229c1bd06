package dev.mallard.core.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Mallard's (and dbt's) JSON artifacts back. Their strings hold whole model files, so
 * Jackson's default limit on one string (20 MB) would make a manifest unreadable once any
 * model is that large; only the length of a string is unbounded, the file itself is ours.
 */
public final class ArtifactJson {
    private ArtifactJson() {
    }

    public static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build();
        return new ObjectMapper(factory);
    }
}
