package dev.mallard.core.ingest;

/**
 * An ingest that could not go on. The message names the ingest, and where it applies the
 * URL (without secrets) and the page; it never holds a secret's value.
 */
public class IngestException extends Exception {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
