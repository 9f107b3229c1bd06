package dev.mallard.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dbt's three line formats for one event. */
class EventFormatTest {
    private static final Instant TS = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final String CLOCK = LocalDateTime.ofInstant(TS, ZoneId.systemDefault()).toLocalTime().toString();

    private static Event event(String name, EventLevel level, String msg, Map<String, Object> data) {
        return new Event(name, "Z050", level, msg, data, TS, "MainThread");
    }

    @Test
    void textIsTheClockTwoSpacesAndTheMessageAndPrintOutputStandsAlone() {
        assertEquals(CLOCK.substring(0, 8) + "  Found 1 model",
                EventFormat.TEXT.format(event("Note", EventLevel.INFO, "Found 1 model", Map.of()), false));
        assertEquals("hello", EventFormat.TEXT.format(event("PrintEvent", EventLevel.INFO, "hello", Map.of()), false));
        assertEquals("", EventFormat.TEXT.format(event("Formatting", EventLevel.INFO, "", Map.of()), false));
    }

    @Test
    void debugHasMicrosecondsTheLevelAndTheThread() {
        String line = EventFormat.DEBUG.format(event("Note", EventLevel.INFO, "hi", Map.of()), false);
        assertEquals(CLOCK.substring(0, 8) + ".123456 [info ] [MainThread]: hi", line);
    }

    @Test
    void jsonHasDbtsInfoAndDataWithKeysSorted() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("zeta", 1);
        data.put("alpha", List.of("x"));
        String line = EventFormat.JSON.format(event("LogModelResult", EventLevel.WARN, "\u001b[32mOK\u001b[0m", data),
                false);
        JsonNode json = new ObjectMapper().readTree(line);
        JsonNode info = json.path("info");
        assertEquals("LogModelResult", info.path("name").asText());
        assertEquals("Z050", info.path("code").asText());
        assertEquals("warn", info.path("level").asText());
        assertEquals("OK", info.path("msg").asText(), "no colours unless asked for");
        assertEquals("2026-01-02T03:04:05.123456Z", info.path("ts").asText());
        assertEquals(Invocation.id(), info.path("invocation_id").asText());
        assertEquals("MainThread", info.path("thread").asText());
        assertEquals(ProcessHandle.current().pid(), info.path("pid").asLong());
        assertTrue(line.startsWith("{\"data\":{\"alpha\":[\"x\"],\"zeta\":1},\"info\":{"), line);
    }

    @Test
    void formatsAndLevelsParseAsDbtNamesThem() {
        assertEquals(EventFormat.TEXT, EventFormat.parse("default"));
        assertEquals(EventFormat.JSON, EventFormat.parse("JSON"));
        assertEquals(EventLevel.WARN, EventLevel.parse("warn"));
        assertEquals(null, EventLevel.parse("none"));
        assertThrows(IllegalArgumentException.class, () -> EventFormat.parse("xml"));
        assertThrows(IllegalArgumentException.class, () -> EventLevel.parse("loud"));
    }

    @Test
    void aNewInvocationHasANewId() {
        Invocation.begin();
        String first = Invocation.id();
        assertEquals(first, Invocation.id());
        Invocation.begin();
        assertTrue(!first.equals(Invocation.id()));
    }
}
