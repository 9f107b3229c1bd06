package dev.mallard.serve;

/**
 * An HTTP error for the client, sent as an RFC 9457 problem body
 * ({@code application/problem+json}) by {@link MartServer}'s one exception mapper.
 */
final class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;

    ApiProblem(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad request", detail);
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail);
    }

    static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail);
    }

    static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", detail);
    }

    static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "Service unavailable", detail);
    }

    static ApiProblem notPublished(DatasetSpec spec) {
        return unavailable("dataset '" + spec.name() + "' has not been published yet (no "
                + spec.location().getFileName() + ")");
    }

    /**
     * A failed query as the client sees it: a value the column's type cannot hold is the
     * client's mistake (400); a file that cannot be read right now is a 503; anything else is
     * ours, a 500 whose cause goes to the server's stderr only.
     */
    static ApiProblem ofQueryFailure(java.sql.SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        String first = msg.lines().findFirst().orElse("").strip();
        if (first.startsWith("Conversion Error") || first.contains("Could not convert")
                || first.startsWith("Out of Range Error")) {
            return badRequest("a filter value does not fit its column: " + first);
        }
        System.err.println("mallard serve: query failed: " + first);
        if (first.startsWith("IO Error") || first.startsWith("Permission Error")) {
            // e.g. a grace-period view over a Parquet file that is not there (yet, or any more)
            return unavailable("the dataset's data cannot be read right now");
        }
        return new ApiProblem(500, "Internal server error", "the query could not be run");
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    /** The problem type: a stable URI per status, so that clients can switch on it. */
    String type() {
        return "https://mallard.dev/problems/" + switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 406 -> "not-acceptable";
            case 503 -> "unavailable";
            default -> "internal-error";
        };
    }
}
