package dev.mallard.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import dev.mallard.core.events.Event;
import dev.mallard.core.events.EventLevel;
import java.util.Set;

/** Lets through the events one destination shows: by level, {@code --quiet} and {@code --no-print}. */
final class EventFilter extends Filter<ILoggingEvent> {
    private static final Set<String> OUTPUT = Set.of("CompiledNode", "ShowNode", "ListCmdOut");
    private final EventLevel min;
    private final boolean quiet;
    private final boolean print;
    private final Set<String> left;

    /**
     * @param min  null shows nothing but print() output
     * @param left event names this destination leaves to another (the console's error lines on stderr)
     */
    EventFilter(EventLevel min, boolean quiet, boolean print, Set<String> left) {
        this.min = min;
        this.quiet = quiet;
        this.print = print;
        this.left = Set.copyOf(left);
    }

    @Override
    public FilterReply decide(ILoggingEvent e) {
        Event event = EventEncoder.eventOf(e);
        if (event == null) {
            return FilterReply.NEUTRAL;
        }
        if (left.contains(event.name())) {
            return FilterReply.DENY;
        }
        if ("PrintEvent".equals(event.name())) {
            return print ? FilterReply.ACCEPT : FilterReply.DENY;
        }
        if (quiet && OUTPUT.contains(event.name()) && min != null) {
            // a command's own output (compiled SQL, a preview) is what --quiet leaves
            return FilterReply.ACCEPT;
        }
        if (min == null || event.level().compareTo(min) < 0) {
            return FilterReply.DENY;
        }
        return quiet && event.level() != EventLevel.ERROR ? FilterReply.DENY : FilterReply.ACCEPT;
    }
}
