package dev.mallard.core.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** dbt's three log formats ({@code --log-format text|json|debug}): one event, one line. */
public enum EventFormat {
    /** {@code 13:27:31  1 of 23 START ...}: the console's default. */
    TEXT,
    /** One JSON object per line: {@code {"data": {...}, "info": {"name", "code", "level", "msg", ...}}}. */
    JSON,
    /** {@code 13:27:31.224654 [info ] [MainThread]: message}: the log file's default. */
    DEBUG;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter CLOCK_MICROS = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final long PID = ProcessHandle.current().pid();
    /** Events whose text dbt prints bare, without the time: print() output, ls lines, compiled SQL, previews. */
    private static final java.util.Set<String> RAW_TEXT = java.util.Set.of("PrintEvent", "CompiledNode", "ShowNode",
            "ListCmdOut");

    public static EventFormat parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "text", "default" -> TEXT;
            case "json" -> JSON;
            case "debug" -> DEBUG;
            default -> throw new IllegalArgumentException("'" + value + "' is not one of 'text', 'debug', 'json', 'default'.");
        };
    }

    /** The line for this event, without the line break; colours kept only when asked for. */
    public String format(Event e, boolean colors) {
        String msg = colors ? e.msg() : stripColors(e.msg());
        LocalDateTime local = LocalDateTime.ofInstant(e.ts(), ZoneId.systemDefault());
        return switch (this) {
            // print() output and ls lines stand alone, as dbt prints them
            case TEXT -> msg.isEmpty() || RAW_TEXT.contains(e.name()) ? msg : local.format(CLOCK) + "  " + msg;
            case DEBUG -> local.format(CLOCK_MICROS) + " [" + String.format(Locale.ROOT, "%-5s", e.level().dbtName())
                    + "] [" + e.thread() + "]: " + msg;
            case JSON -> json(e, msg);
        };
    }

    public static String stripColors(String s) {
        return s.indexOf('\u001b') < 0 ? s : ANSI.matcher(s).replaceAll("");
    }

    private static String json(Event e, String msg) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("category", "");
        info.put("code", e.code());
        info.put("extra", Map.of());
        info.put("invocation_id", Invocation.id());
        info.put("level", e.level().dbtName());
        info.put("msg", msg);
        info.put("name", e.name());
        info.put("pid", PID);
        info.put("thread", e.thread());
        info.put("ts", NodeInfo.stamp(e.ts()) + "Z");
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("data", e.data());
        line.put("info", info);
        try {
            return JsonMapper.INSTANCE.writeValueAsString(line);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write event " + e.name() + " as JSON", ex);
        }
    }

    /**
     * Created on the first JSON line only: an ObjectMapper takes ~100 ms to load and build,
     * and text logs (the default) never need one; the class initialised at start-up must not.
     */
    private static final class JsonMapper {
        static final ObjectMapper INSTANCE = new ObjectMapper()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }
}
