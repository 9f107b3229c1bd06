package dev.mallard.serve;

import java.util.Locale;

/** How rows are sent: chosen by {@code format=} or, failing that, the Accept header. */
enum OutputFormat {
    JSON("application/json"), CSV("text/csv; charset=utf-8"), PARQUET("application/vnd.apache.parquet");

    private final String contentType;

    OutputFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static OutputFormat fromName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "csv" -> CSV;
            case "parquet" -> PARQUET;
            default -> throw ApiProblem.badRequest("format must be json, csv or parquet");
        };
    }

    static OutputFormat fromAccept(String accept) {
        if (accept == null) {
            return JSON;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        if (a.contains("application/json")) {
            return JSON;
        }
        if (a.contains("text/csv")) {
            return CSV;
        }
        if (a.contains("parquet")) {
            return PARQUET;
        }
        return JSON;
    }
}
