package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;

/** dbt's {@code exceptions} namespace: raise_compiler_error, warn, and kin. */
final class ExceptionsObject implements PyObject {

    @Override
    public Object call(String method, DbtFunctions.Args args) {
        String message = String.valueOf(args.get(0, "msg"));
        switch (method) {
            case "raise_compiler_error":
            case "raise_not_implemented":
            case "raise_fail_fast_error":
                throw new MallardException(ErrorCode.JINJA, message);
            case "raise_database_error":
                throw new MallardException(ErrorCode.SQL, message);
            case "warn":
                DbtFunctions.runtime().log("Warning: " + message, true);
                return "";
            default:
                return MISSING;
        }
    }
}
