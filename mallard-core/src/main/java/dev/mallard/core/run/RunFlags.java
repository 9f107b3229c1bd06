package dev.mallard.core.run;

import dev.mallard.core.materialize.EventTimeWindow;

/**
 * Flags that change how nodes run.
 *
 * @param eventTime --event-time-start/--event-time-end for microbatch models, or null
 */
public record RunFlags(boolean fullRefresh, boolean failFast, int threads, EventTimeWindow eventTime) {

    public RunFlags(boolean fullRefresh, boolean failFast, int threads) {
        this(fullRefresh, failFast, threads, null);
    }
}
