package dev.mallard.jinja.value;

/**
 * A runtime error raised while evaluating a template, with Jinja2's (or Python's) wording.
 * The evaluator adds the file, line and column of the node being evaluated.
 */
public class JinjaError extends RuntimeException {
    public JinjaError(String message) {
        super(message, null, false, false);
    }

    public JinjaError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
