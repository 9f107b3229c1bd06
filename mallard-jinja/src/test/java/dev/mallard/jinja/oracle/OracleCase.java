package dev.mallard.jinja.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One case of conformance/jinja/oracle.py: a template and the JSON context it renders with
 * (inline, or by the name of a shared context), parse-only or rendered.
 *
 * @param context        the inline context, or null
 * @param compareMessage whether error messages must match; null means the default rule
 * @param features       what a generated case exercises (filter:round, op:**, ...), for the report
 * @param where          the case file and line, or the corpus file, when known
 */
record OracleCase(String id, String template, boolean parseOnly, JsonNode context, String contextName,
                  Boolean compareMessage, List<String> features, String where) {
    OracleCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
        features = List.copyOf(features);
    }

    /** The part of the id before its first dot: the case file's name, or gen, or dbt-utils. */
    String group() {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }

    boolean generated() {
        return id.startsWith("gen.");
    }
}
