package dev.mallard.spark;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;

/** Spark's exceptions as Mallard's errors: Spark's own message (its error class and text), no stack trace. */
final class SparkErrors {
    private SparkErrors() {
    }

    static MallardException sql(Throwable e) {
        return new MallardException(ErrorCode.SQL, message(e), null, 0, null, e);
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        // Spark appends the SQL with a caret and a query context; the first lines say what is wrong
        int context = msg.indexOf("\n== SQL");
        return context > 0 ? msg.substring(0, context).strip() : msg;
    }
}
