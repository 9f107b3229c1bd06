package dev.mallard.core.jinja;

import java.time.Duration;

/** A Python {@code timedelta}: days, seconds, microseconds, total_seconds(); prints as Python does. */
record PyTimedelta(Duration value) implements PyObject {

    private long days() {
        return Math.floorDiv(value.getSeconds(), 86400);
    }

    private long secondsOfDay() {
        return Math.floorMod(value.getSeconds(), 86400);
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "days" -> days();
            case "seconds" -> secondsOfDay();
            case "microseconds" -> value.getNano() / 1000;
            default -> MISSING;
        };
    }

    @Override
    public Object call(String method, DbtFunctions.Args a) {
        return "total_seconds".equals(method) ? value.getSeconds() + value.getNano() / 1e9 : MISSING;
    }

    @Override
    public String toString() {
        long s = secondsOfDay();
        String time = String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
        if (value.getNano() != 0) {
            time += String.format(".%06d", value.getNano() / 1000);
        }
        long d = days();
        return d == 0 ? time : d + (Math.abs(d) == 1 ? " day, " : " days, ") + time;
    }
}
