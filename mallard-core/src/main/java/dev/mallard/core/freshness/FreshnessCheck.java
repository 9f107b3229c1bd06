package dev.mallard.core.freshness;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.SourceNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code mallard source freshness} for one source table, as dbt-duckdb computes it: the
 * newest {@code loaded_at_field} (rows limited by the freshness {@code filter}) against the
 * database's current time; past {@code error_after} is an error, past {@code warn_after} a
 * warning. DuckDB has no table metadata to fall back on, so a table without a
 * {@code loaded_at_field} is a runtime error, as in dbt-duckdb.
 */
public final class FreshnessCheck {
    private FreshnessCheck() {
    }

    /** Whether dbt checks the source at all: it has a freshness with a warn_after or error_after. */
    public static boolean applies(SourceNode source) {
        return source.config().get("freshness") instanceof Map<?, ?> f
                && (hasCount(f.get("warn_after")) || hasCount(f.get("error_after")));
    }

    public static FreshnessResult check(SourceNode source, EngineSession session) {
        Instant started = Instant.now();
        Map<String, Object> criteria = criteria(source);
        Object field = source.config().get("loaded_at_field");
        if (field == null || String.valueOf(field).isBlank()) {
            return new FreshnessResult(source, "runtime error", null, null, 0, criteria, "Could not compute "
                    + "freshness for source " + source.name() + ": no 'loaded_at_field' provided and duckdb adapter "
                    + "does not support metadata-based freshness checks.", started, Instant.now());
        }
        String sql = "select max(" + field + ") as max_loaded_at, current_timestamp as snapshotted_at from "
                + source.renderForSql() + (criteria.get("filter") == null ? "" : " where " + criteria.get("filter"));
        try {
            QueryResult result = session.query(sql, -1);
            List<Object> row = result.rows().get(0);
            Instant snapshotted = instant(row.get(1));
            Instant maxLoaded = row.get(0) == null ? null : instant(row.get(0));
            double age = maxLoaded == null ? Double.POSITIVE_INFINITY
                    : (snapshotted.toEpochMilli() - maxLoaded.toEpochMilli()) / 1000.0;
            return new FreshnessResult(source, status(criteria, age), maxLoaded, snapshotted, age, criteria, null,
                    started, Instant.now());
        } catch (MallardException | IllegalArgumentException e) {
            return new FreshnessResult(source, "runtime error", null, null, 0, criteria, e.getMessage(), started,
                    Instant.now());
        }
    }

    /** error past error_after, else warn past warn_after, else pass. */
    static String status(Map<String, Object> criteria, double ageSeconds) {
        if (exceeds(criteria.get("error_after"), ageSeconds)) {
            return "error";
        }
        return exceeds(criteria.get("warn_after"), ageSeconds) ? "warn" : "pass";
    }

    private static boolean exceeds(Object threshold, double ageSeconds) {
        if (!hasCount(threshold)) {
            return false;
        }
        Map<?, ?> t = (Map<?, ?>) threshold;
        long count = ((Number) t.get("count")).longValue();
        String period = String.valueOf(t.get("period"));
        long unit = switch (period) {
            case "minute" -> 60;
            case "hour" -> 3600;
            case "day" -> 86400;
            default -> throw new IllegalArgumentException("freshness period must be minute, hour or day, not '"
                    + period + "'");
        };
        return ageSeconds > count * unit;
    }

    private static boolean hasCount(Object threshold) {
        return threshold instanceof Map<?, ?> t && t.get("count") instanceof Number && t.get("period") != null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> criteria(SourceNode source) {
        return source.config().get("freshness") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
    }

    /** A timestamp as DuckDB returns it; one without a time zone is UTC, as dbt takes it. */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalArgumentException("loaded_at_field is not a timestamp: " + value);
    }
}
