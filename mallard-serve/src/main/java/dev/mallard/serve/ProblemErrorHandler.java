package dev.mallard.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach the API (a path with an encoded NUL or an
 * ambiguous segment, a malformed request line) get the same problem body as the API's own
 * errors instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        return ByteBuffer.wrap(body(status));
    }

    private static byte[] body(int status) {
        ApiProblem p = new ApiProblem(status, reason(status), "the request is malformed and was refused");
        return ("{\"type\":\"" + p.type() + "\",\"title\":\"" + p.title() + "\",\"status\":" + status
                + ",\"detail\":\"" + p.getMessage() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(int status) {
        String r = HttpStatus.getMessage(status);
        return r == null ? "Error" : r.replace("\"", "");
    }
}
