package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.Map;

/** The errors a parse reports across files: several models that cannot be parsed, two resources of one name. */
final class ParseErrors {
    private ParseErrors() {
    }

    /** Nothing when there are no errors; the error itself when one; else one error listing all. */
    static void throwAll(List<MallardException> errors) {
        if (errors.isEmpty()) {
            return;
        }
        if (errors.size() == 1) {
            throw errors.get(0);
        }
        StringBuilder sb = new StringBuilder(errors.size() + " models cannot be parsed:");
        for (MallardException e : errors) {
            sb.append("\n").append(e.describe().replace("\n", "\n  "));
        }
        // each entry names its own file and line
        throw new MallardException(errors.get(0).code(), sb.toString());
    }

    static void claimName(Map<String, String> seen, String name, String file, String kind) {
        String previous = seen.putIfAbsent(name, file);
        if (previous != null) {
            throw new MallardException(ErrorCode.DUPLICATE_NODE, "two resources are named '" + name + "': "
                    + previous + " and " + file, file, 1,
                    "rename one of the files; ref() needs names to be unique", null);
        }
    }
}
