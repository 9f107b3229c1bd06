package dev.mallard.core.run;

/** Flags that change how nodes run. */
public record RunFlags(boolean fullRefresh, boolean failFast, int threads) {
}
