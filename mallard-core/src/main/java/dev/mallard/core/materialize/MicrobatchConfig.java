package dev.mallard.core.materialize;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeConfig;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A microbatch model's settings (event_time, batch_size, begin, lookback), checked once,
 * and dbt's choice of batches for a run.
 */
public record MicrobatchConfig(String eventTime, BatchSize batchSize, LocalDateTime begin, int lookback) {

    /** Whether {@code node} is an incremental model with the microbatch strategy. */
    public static boolean applies(Node node) {
        NodeConfig c = node.config();
        return "incremental".equals(c.materialized()) && c.get("incremental_strategy") != null
                && String.valueOf(c.get("incremental_strategy")).trim().equalsIgnoreCase("microbatch");
    }

    static MicrobatchConfig of(Node node, dev.mallard.core.engine.SqlDialect dialect) {
        NodeConfig c = node.config();
        String prefix = "microbatch model '" + node.name() + "'";
        Object eventTime = c.get("event_time");
        if (eventTime == null || String.valueOf(eventTime).isBlank()) {
            throw invalid(node, prefix + " requires an 'event_time' config (the column of this model's event time)");
        }
        Object size = c.get("batch_size");
        BatchSize batchSize = size == null ? null : BatchSize.parse(String.valueOf(size));
        if (batchSize == null) {
            throw invalid(node, prefix + " requires a 'batch_size' config (one of hour, day, month, year)"
                    + (size == null ? "" : ", not '" + size + "'"));
        }
        if (dialect.microbatchMerges() && c.get("unique_key") == null) {
            // dbt-postgres' own words
            throw invalid(node, prefix + ": dbt-postgres 'microbatch' requires a `unique_key` config (each batch "
                    + "is merged on it)");
        }
        if (!dialect.microbatchMerges() && c.get("unique_key") != null) {
            throw invalid(node, prefix + ": microbatch deletes and inserts each batch's event_time window and does "
                    + "not support 'unique_key'; remove it or use incremental_strategy='merge'");
        }
        LocalDateTime begin = null;
        if (c.get("begin") != null) {
            try {
                begin = EventTimeWindow.parse(String.valueOf(c.get("begin")), "begin");
            } catch (MallardException e) {
                throw invalid(node, prefix + ": 'begin' " + e.getMessage().substring("begin".length()).trim());
            }
        }
        Object lookback = c.get("lookback");
        int back;
        try {
            back = lookback == null ? 1 : Integer.parseInt(String.valueOf(lookback).trim());
        } catch (NumberFormatException e) {
            throw invalid(node, prefix + ": 'lookback' must be a whole number, not '" + lookback + "'");
        }
        return new MicrobatchConfig(String.valueOf(eventTime).trim(), batchSize, begin, back);
    }

    /**
     * dbt's batches: from --event-time-start, else from {@code begin} on a first run or full
     * refresh, else from {@code lookback} batches before the current one; up to the end of
     * the batch holding --event-time-end or now. The last batch ends exactly there.
     */
    List<BatchWindow> batches(boolean incremental, EventTimeWindow flags, LocalDateTime now, String model) {
        LocalDateTime end = batchSize.ceiling(flags != null ? flags.end() : now);
        LocalDateTime start;
        if (flags != null) {
            start = batchSize.truncate(flags.start());
        } else if (!incremental) {
            if (begin == null) {
                throw new MallardException(ErrorCode.PROJECT, "microbatch model '" + model
                        + "' requires a 'begin' config (the start of its first batch)");
            }
            start = batchSize.truncate(begin);
        } else {
            // end lies on a batch boundary, so the batch before it is the current one
            start = batchSize.offset(end, -(lookback + 1));
        }
        List<BatchWindow> out = new ArrayList<>();
        LocalDateTime s = start;
        LocalDateTime e = batchSize.offset(s, 1);
        out.add(new BatchWindow(s, e.isAfter(end) && end.isAfter(s) ? end : e));
        while (e.isBefore(end)) {
            s = e;
            e = batchSize.offset(s, 1);
            out.add(new BatchWindow(s, e.isAfter(end) ? end : e));
        }
        return out;
    }

    private static MallardException invalid(Node node, String message) {
        return new MallardException(ErrorCode.PROJECT, message, node.originalFilePath(), 0);
    }
}
