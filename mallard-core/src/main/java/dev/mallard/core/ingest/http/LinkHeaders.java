package dev.mallard.core.ingest.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code rel="next"} target of RFC 8288 {@code Link} headers. */
final class LinkHeaders {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*(?:[^;,\"]|\"[^\"]*\")+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))", Pattern.CASE_INSENSITIVE);

    private LinkHeaders() {}

    /** The next page's URL (possibly relative), or null when no link is {@code rel="next"}. */
    static String next(List<String> headers) {
        for (String header : headers) {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                Matcher rel = REL.matcher(m.group(2));
                if (rel.find()) {
                    String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
                    for (String r : rels.trim().split("\\s+")) {
                        if (r.equalsIgnoreCase("next")) {
                            return m.group(1).trim();
                        }
                    }
                }
            }
        }
        return null;
    }
}
