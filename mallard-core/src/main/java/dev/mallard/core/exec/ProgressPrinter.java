package dev.mallard.core.exec;

import dev.mallard.core.events.Deprecation;
import dev.mallard.core.events.Deprecations;
import dev.mallard.core.events.Event;
import dev.mallard.core.events.EventFormat;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.events.EventSink;
import dev.mallard.core.events.JinjaLog;
import dev.mallard.core.events.NodeInfo;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.ResourceType;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a command tells its user, as dbt's events: {@code 1 of 12 START sql table model main.customers ... [RUN]}
 * is a {@code LogStartLine}. Every line goes to an {@link EventSink}; the CLI's sink formats and routes them.
 */
public final class ProgressPrinter {
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";
    private final EventSink sink;
    private final boolean colors;
    private final int width;

    /** Plain text lines on a stream, no colours (tests and tools). */
    public ProgressPrinter(PrintStream out) {
        this(event -> {
            if (event.level() != EventLevel.DEBUG) {
                synchronized (out) {
                    out.println(EventFormat.TEXT.format(event, false));
                }
            }
        }, false, 80);
    }

    public ProgressPrinter(EventSink sink, boolean colors, int width) {
        this.sink = sink;
        this.colors = colors;
        this.width = width;
    }

    public void emit(String name, String code, EventLevel level, String msg, Map<String, Object> data) {
        sink.emit(Event.of(name, code, level, msg, data));
    }

    /** A line of information with no event of its own (dbt's {@code Note}). */
    public void line(String text) {
        emit("Note", "Z050", EventLevel.INFO, text, Map.of("msg", text));
    }

    /** A command's own output (a table, a list, a path), printed bare as dbt prints its list output. */
    public void output(String text) {
        emit("ListCmdOut", "Z049", EventLevel.INFO, text, Map.of("msg", text));
    }

    /** A warning met while loading or parsing: a deprecation (see {@link Deprecation#encode}) or a line of text. */
    public void warning(String text) {
        Deprecation d = Deprecation.decode(text);
        if (d != null) {
            deprecation(d);
        } else {
            line(text);
        }
    }

    /** A deprecation warning, shown as dbt shows it: the first of its kind only, unless --show-all-deprecations. */
    public void deprecation(Deprecation d) {
        Deprecations met = Deprecations.current();
        if (met.shows(d.name())) {
            emit(d.name(), d.code(), EventLevel.WARN, d.message(colors, width), d.data());
        }
        met.count(d.name(), d.code()); // after: one that --warn-error made an error was not counted by dbt either
    }

    /** dbt's {@code DeprecationsSummary}, as a command ends, when it met any deprecation. */
    public void deprecationsSummary() {
        Deprecation summary = Deprecations.current().summary();
        if (summary != null) {
            emit(summary.name(), summary.code(), EventLevel.WARN, summary.message(colors, width), summary.data());
        }
    }

    public void warn(String name, String code, String text) {
        emit(name, code, EventLevel.WARN, text, Map.of("msg", text));
    }

    public void blank() {
        emit("Formatting", "Z017", EventLevel.INFO, "", Map.of("msg", ""));
    }

    /** Where Jinja's {@code log()} and {@code print()} go. */
    public JinjaLog jinja() {
        return new JinjaLog() {
            @Override
            public void log(String message, boolean info) {
                emit(info ? "JinjaLogInfo" : "JinjaLogDebug", info ? "I062" : "I063",
                        info ? EventLevel.INFO : EventLevel.DEBUG, message, Map.of("msg", message));
            }

            @Override
            public void print(String message) {
                emit("PrintEvent", "Z052", EventLevel.INFO, message, Map.of("msg", message));
            }

            @Override
            public void warn(String message) {
                ProgressPrinter.this.warn("JinjaLogWarning", "I061", message);
            }
        };
    }

    public String colored(String text, String color) {
        return colors ? color + text + RESET : text;
    }

    public String green(String text) {
        return colored(text, GREEN);
    }

    public String red(String text) {
        return colored(text, RED);
    }

    public String yellow(String text) {
        return colored(text, YELLOW);
    }

    /** The node starts: {@code NodeStart} (debug) and {@code LogStartLine}. */
    public void start(int index, int total, String label, Node node, Instant started) {
        dev.mallard.core.events.SqlLog.connection(node.id().value());
        Map<String, Object> info = NodeInfo.of(node, "started", started, null);
        emit("NodeStart", "Q024", EventLevel.DEBUG, "Began running node " + node.id().value(), Map.of("node_info", info));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("description", label);
        data.put("index", index);
        data.put("node_info", info);
        data.put("total", total);
        emit("LogStartLine", "Q011", EventLevel.INFO, dotted(index + " of " + total + " START " + label, "[RUN]"), data);
    }

    /**
     * The node's result line ({@code LogModelResult}, {@code LogTestResult}, ...) and {@code NodeFinished}.
     *
     * @param result the node's outcome, as run_results.json reports it
     */
    public void finished(int index, int total, String verb, String label, String status, double seconds, Node node,
                         NodeResult result) {
        String nodeStatus = result.status().name().toLowerCase(Locale.ROOT);
        Map<String, Object> info = NodeInfo.of(node, nodeStatus, result.startedAt(), result.completedAt());
        boolean failed = result.status() == NodeStatus.ERROR || result.status() == NodeStatus.FAIL;
        EventLevel level = failed ? EventLevel.ERROR : result.status() == NodeStatus.WARN ? EventLevel.WARN
                : EventLevel.INFO;
        Map<String, Object> data = new LinkedHashMap<>();
        ResultEvent kind = ResultEvent.of(node.resourceType());
        if (kind == ResultEvent.TEST) {
            data.put("attached_node", "");
            data.put("name", node.name());
            data.put("num_failures", result.failures() == null ? 0 : result.failures());
            data.put("num_models", total);
            data.put("status", nodeStatus);
        } else {
            data.put("description", label);
            data.put("status", result.status() == NodeStatus.SUCCESS
                    ? (node.resourceType() == ResourceType.SEED ? String.valueOf(result.message()) : "OK") : nodeStatus);
        }
        data.put("execution_time", seconds);
        data.put("index", index);
        data.put("node_info", info);
        data.put("total", total);
        emit(kind.eventName, kind.code, level, finishedText(index, total, verb, label, status, seconds), data);
        Map<String, Object> runResult = new LinkedHashMap<>();
        runResult.put("adapter_response", result.adapterResponse());
        runResult.put("execution_time", seconds);
        runResult.put("message", result.message() == null ? "" : result.message());
        runResult.put("num_failures", result.failures() == null ? 0 : result.failures());
        runResult.put("status", nodeStatus);
        runResult.put("thread", result.threadId());
        emit("NodeFinished", "Q025", EventLevel.DEBUG, "Finished running node " + node.id().value(),
                Map.of("node_info", info, "run_result", runResult));
    }

    /** A node with nothing to run (a saved query): dbt's {@code LogNodeNoOpResult}, then {@code NodeFinished}. */
    public void noOp(int index, int total, String label, Node node, NodeResult result) {
        Map<String, Object> info = NodeInfo.of(node, "no-op", result.startedAt(), result.completedAt());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("description", label);
        data.put("execution_time", 0.0);
        data.put("index", index);
        data.put("node_info", info);
        data.put("status", "");
        data.put("total", total);
        emit("LogNodeNoOpResult", "Q019", EventLevel.INFO, finishedText(index, total, "NO-OP", label, "NO-OP", 0),
                data);
        emit("NodeFinished", "Q025", EventLevel.DEBUG, "Finished running node " + node.id().value(),
                Map.of("node_info", info, "run_result", Map.of("status", "no-op", "message", "NO-OP")));
    }

    /** A source's freshness result: dbt's {@code LogFreshnessResult}. */
    public void freshness(int index, int total, String label, String status, double seconds, Node node, Instant started,
                          Instant completed, boolean failed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("execution_time", seconds);
        data.put("index", index);
        data.put("node_info", NodeInfo.of(node, failed ? "error" : "success", started, completed));
        data.put("source_name", node instanceof dev.mallard.core.manifest.SourceNode s ? s.sourceName() : "");
        data.put("status", status.toLowerCase(Locale.ROOT));
        data.put("table_name", node.name());
        data.put("total", total);
        emit("LogFreshnessResult", "Q018", failed ? EventLevel.ERROR : status.equals("WARN") ? EventLevel.WARN
                : EventLevel.INFO, finishedText(index, total, status, label, status, seconds), data);
    }

    /**
     * A node skipped because something upstream failed: dbt's {@code SkippingDetails}, with its
     * node_info. dbt names a model, seed or snapshot "relation schema.name", anything else by its
     * resource type and name ("SKIP test not_null_id", "SKIP exposure dash").
     */
    public void skipped(int index, int total, Node node) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("index", index);
        data.put("node_info", NodeInfo.of(node, "skipped", Instant.now(), null));
        data.put("node_name", node.name());
        data.put("resource_type", node.resourceType().dbtName());
        data.put("schema", node.relation() == null ? "" : node.relation().schema());
        data.put("total", total);
        String what = switch (node.resourceType()) {
            case MODEL, SEED, SNAPSHOT -> "relation " + node.relation().schema() + "." + node.name();
            default -> node.resourceType().dbtName() + " " + node.name();
        };
        emit("SkippingDetails", "Q034", EventLevel.INFO, dotted(index + " of " + total + " SKIP " + what,
                "[" + yellow("SKIP") + "]"), data);
    }

    private String finishedText(int index, int total, String verb, String label, String status, double seconds) {
        String color = status.startsWith("ERROR") || status.startsWith("FAIL") ? RED
                : status.startsWith("WARN") || status.equals("NO-OP") ? YELLOW : GREEN;
        return dotted(index + " of " + total + " " + verb + " " + label, "[" + colored(status, color) + " in "
                + String.format(Locale.ROOT, "%.2f", seconds) + "s]");
    }

    /** Pads the left part with dots to the printer width, then the status, as dbt lays the line out. */
    public String dotted(String left, String right) {
        StringBuilder sb = new StringBuilder(left).append(' ');
        while (sb.length() < width) {
            sb.append('.');
        }
        return sb.append(' ').append(right).toString();
    }
}
