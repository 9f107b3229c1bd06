package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A model's {@code deprecation_date:} as dbt writes it: ISO 8601 with an offset, UTC when none is given. */
final class DeprecationDates {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private DeprecationDates() {
    }

    /** The date in dbt's form, or null for none; a value that is no date is an error naming the file. */
    static String iso(Object value, String file) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Date d) {
            return OUT.format(d.toInstant().atOffset(ZoneOffset.UTC));
        }
        String text = String.valueOf(value).trim();
        try {
            return OUT.format(OffsetDateTime.parse(text.replace(' ', 'T')));
        } catch (DateTimeParseException notOffset) {
            try {
                return OUT.format(LocalDateTime.parse(text.replace(' ', 'T')).atOffset(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return OUT.format(LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC));
                } catch (DateTimeParseException notDate) {
                    throw new MallardException(ErrorCode.YAML, "deprecation_date '" + text + "' is not a date or a "
                            + "date and time (YYYY-MM-DD[ HH:MM:SS])", file, 0);
                }
            }
        }
    }

    /** Whether the date (in dbt's form) has passed. */
    /** The {@code deprecation_date:} of an unversioned model's properties, or null. */
    static String of(PropertyPatch patch) {
        return patch == null ? null : iso(patch.raw().get("deprecation_date"), patch.file());
    }

    static boolean passed(String iso) {
        return iso != null && OffsetDateTime.parse(iso, OUT).isBefore(OffsetDateTime.now(ZoneOffset.UTC));
    }
}
