package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;

/** pytz: {@code utc}, {@code timezone(name)}, {@code FixedOffset(minutes)}, the zone lists. */
final class PytzModule implements PyObject {
    static final PyTzinfo UTC = PyTzinfo.pytz(ZoneOffset.UTC);
    private static final Set<String> METHODS = Set.of("timezone", "FixedOffset");

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "utc", "UTC" -> UTC;
            case "all_timezones", "common_timezones" -> new ArrayList<Object>(new TreeSet<>(
                    ZoneId.getAvailableZoneIds()));
            default -> MISSING;
        };
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args a) {
        if ("FixedOffset".equals(method)) {
            long minutes = DatetimeModule.integer(a.require(0, "offset", "FixedOffset"));
            if (Math.abs(minutes) >= 1440) {
                throw new JinjaError("absolute offset is too large " + minutes);
            }
            return minutes == 0 ? UTC : PyTzinfo.pytz(ZoneOffset.ofTotalSeconds((int) minutes * 60));
        }
        return "timezone".equals(method) ? timezone(DatetimeModule.str(a.require(0, "zone", "timezone")))
                : MISSING;
    }

    /** {@code pytz.timezone(name)}: case-insensitive, as pytz looks names up. */
    static PyTzinfo timezone(String name) {
        if (name.equalsIgnoreCase("UTC")) {
            return UTC;
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(name)) {
                return PyTzinfo.pytz(ZoneId.of(id));
            }
        }
        throw new JinjaError("UnknownTimeZoneError: " + Py.repr(name));
    }

    @Override
    public String typeName() {
        return "module";
    }

    @Override
    public String toString() {
        return "<module 'pytz'>";
    }
}
