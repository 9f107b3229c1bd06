package dev.mallard.core.jinja;

import static dev.mallard.core.jinja.DatetimeModule.offsetText;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A tzinfo: either {@code datetime.timezone} (a fixed offset, optionally named) or a pytz
 * zone ({@code pytz.utc}, {@code pytz.timezone('Europe/Paris')}), whose offset follows the
 * zone's rules at each local time.
 */
final class PyTzinfo implements PyObject {
    private static final Set<String> METHODS = Set.of("utcoffset", "tzname", "dst", "localize", "normalize",
            "fromutc");
    private final ZoneId zone;
    private final String name;
    private final boolean pytz;

    PyTzinfo(ZoneId zone, String name, boolean pytz) {
        this.zone = zone;
        this.name = name;
        this.pytz = pytz;
    }

    /** A pytz zone. */
    static PyTzinfo pytz(ZoneId zone) {
        return new PyTzinfo(zone, null, true);
    }

    ZoneId zone() {
        return zone;
    }

    /** The UTC offset at a local time (the earlier one in an overlap, the later in a gap). */
    ZoneOffset offsetAt(LocalDateTime local) {
        return zone instanceof ZoneOffset o ? o : ZonedDateTime.ofLocal(local, zone, null).getOffset();
    }

    String tzname(LocalDateTime local) {
        if (name != null) {
            return name;
        }
        if (pytz) {
            if (zone instanceof ZoneOffset || "UTC".equals(zone.getId())) {
                return zone instanceof ZoneOffset o && o.getTotalSeconds() != 0 ? null : "UTC";
            }
            return DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH)
                    .format(ZonedDateTime.ofLocal(local == null ? LocalDateTime.now() : local, zone, null));
        }
        ZoneOffset o = (ZoneOffset) zone;
        return o.getTotalSeconds() == 0 ? "UTC" : "UTC" + offsetText(o, ":");
    }

    @Override
    public Object attribute(String attr) {
        return pytz && "zone".equals(attr) ? toString() : MISSING;
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args a) {
        Object dt = a.get(0, "dt", null);
        LocalDateTime local = dt instanceof PyDatetime d ? d.value() : null;
        switch (method) {
            case "utcoffset":
                return local == null && !(zone instanceof ZoneOffset) ? null
                        : PyTimedelta.ofMicros(offsetAt(local).getTotalSeconds() * 1_000_000L);
            case "tzname":
                return local == null && pytz && !(zone instanceof ZoneOffset) ? toString() : tzname(local);
            case "dst":
                if (!pytz || local == null) {
                    return null;
                }
                return new PyTimedelta(zone.getRules().getDaylightSavings(
                        ZonedDateTime.ofLocal(local, zone, null).toInstant()));
            case "localize":
                if (!pytz) {
                    return MISSING;
                }
                if (!(dt instanceof PyDatetime d) || d.tz() != null) {
                    throw new JinjaError("Not naive datetime (tzinfo is already set)");
                }
                return new PyDatetime(d.value(), this);
            case "normalize":
                if (!pytz || !(dt instanceof PyDatetime d) || d.tz() == null) {
                    throw new JinjaError("Naive time - no tzinfo set");
                }
                return d.astimezone(this);
            case "fromutc":
                if (!(dt instanceof PyDatetime d)) {
                    throw new JinjaError("fromutc() argument must be a datetime instance");
                }
                return PyDatetime.at(d.value().toInstant(ZoneOffset.UTC), this);
            default:
                return MISSING;
        }
    }

    /** Python's repr: {@code datetime.timezone.utc}, {@code <UTC>}, {@code <DstTzInfo 'Europe/Paris'>}. */
    public String repr() {
        if (pytz) {
            return "UTC".equals(toString()) ? "<UTC>" : "<DstTzInfo '" + this + "'>";
        }
        ZoneOffset o = (ZoneOffset) zone;
        if (o.getTotalSeconds() == 0 && name == null) {
            return "datetime.timezone.utc";
        }
        String delta = PyTimedelta.ofMicros(o.getTotalSeconds() * 1_000_000L).repr();
        return "datetime.timezone(" + delta + (name == null ? "" : ", " + Py.repr(name)) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyTzinfo t && t.zone.equals(zone) && Objects.equals(t.name, name) && t.pytz == pytz;
    }

    @Override
    public int hashCode() {
        return zone.hashCode();
    }

    @Override
    public String typeName() {
        return pytz ? ("UTC".equals(toString()) ? "UTC" : "DstTzInfo") : "timezone";
    }

    @Override
    public String toString() {
        if (pytz) {
            return zone instanceof ZoneOffset o ? (o.getTotalSeconds() == 0 ? "UTC"
                    : "pytz.FixedOffset(" + o.getTotalSeconds() / 60 + ")") : zone.getId();
        }
        return tzname(null);
    }
}
