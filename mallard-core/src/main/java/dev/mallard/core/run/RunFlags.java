package dev.mallard.core.run;

import dev.mallard.core.materialize.EventTimeWindow;

/**
 * Flags that change how nodes run.
 *
 * @param eventTime     --event-time-start/--event-time-end for microbatch models, or null
 * @param empty         --empty: refs and sources read no rows
 * @param storeFailures --store-failures: tests without a store_failures config keep their failing rows
 * @param warningTestsFail --warn-error: a test that would warn fails
 */
public record RunFlags(boolean fullRefresh, boolean failFast, int threads, EventTimeWindow eventTime, boolean empty,
                       boolean storeFailures, boolean warningTestsFail) {

    public RunFlags(boolean fullRefresh, boolean failFast, int threads, EventTimeWindow eventTime) {
        this(fullRefresh, failFast, threads, eventTime, false, false, false);
    }

    public RunFlags(boolean fullRefresh, boolean failFast, int threads) {
        this(fullRefresh, failFast, threads, null);
    }
}
