package dev.mallard.cli;

import dev.mallard.core.state.PreviousResults;
import java.util.Map;

/**
 * The flags run_results.json records beyond the selection, under dbt's names, so that
 * {@code retry} can run the same command again the same way.
 */
final class StateArgs {
    private StateArgs() {
    }

    static void record(Map<String, Object> args, SelectionOptions selection, ProjectOptions options) {
        args.put("selector", selection.selector);
        args.put("state", selection.state == null ? null : selection.state.toAbsolutePath().normalize().toString());
        args.put("defer", selection.defer);
        args.put("favor_state", selection.favorState);
        args.put("target", options.target);
        args.put("vars", options.parseVars());
    }

    /** Selection options as the previous run recorded them. */
    static SelectionOptions selection(PreviousResults previous) {
        SelectionOptions sel = new SelectionOptions();
        sel.select.addAll(previous.listArg("select"));
        sel.exclude.addAll(previous.listArg("exclude"));
        sel.selector = previous.stringArg("selector");
        String state = previous.stringArg("state");
        sel.state = state == null ? null : java.nio.file.Path.of(state);
        sel.defer = previous.boolArg("defer");
        sel.favorState = previous.boolArg("favor_state");
        sel.fullRefresh = previous.boolArg("full_refresh");
        sel.failFast = previous.boolArg("fail_fast");
        return sel;
    }
}
