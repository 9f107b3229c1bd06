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
