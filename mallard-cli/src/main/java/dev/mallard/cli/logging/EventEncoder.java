package dev.mallard.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.mallard.core.events.Event;
import dev.mallard.core.events.EventFormat;
import java.nio.charset.StandardCharsets;

/** Writes each event as one line of dbt's text, debug or JSON format. */
final class EventEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NONE = new byte[0];
    private final EventFormat format;
    private final boolean colors;

    EventEncoder(EventFormat format, boolean colors) {
        this.format = format;
        this.colors = colors;
    }

    static Event eventOf(ILoggingEvent e) {
        Object[] args = e.getArgumentArray();
        return args != null && args.length == 1 && args[0] instanceof Event event ? event : null;
    }

    @Override
    public byte[] encode(ILoggingEvent e) {
        Event event = eventOf(e);
        String line = event != null ? format.format(event, colors)
                : e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage();
        return (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
