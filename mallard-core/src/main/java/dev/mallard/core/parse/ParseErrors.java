package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
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

    /**
     * Claims {@code name} for a node of {@code kind} (model, seed, snapshot) of package {@code pkg}: two
     * of one kind are an error; of two kinds dbt 1.11 only warns (ref() then reads the seed, see Linker).
     */
    static void claimName(Map<String, String> seen, String name, String file, String kind, String pkg,
                          Warnings warnings) {
        String previous = seen.putIfAbsent(kind + " " + name, file);
        if (previous != null) {
            throw new MallardException(ErrorCode.DUPLICATE_NODE, "two resources are named '" + name + "': "
                    + previous + " and " + file, file, 1,
                    "rename one of the files; ref() needs names to be unique", null);
        }
        for (String other : KINDS) {
            if (!other.equals(kind) && seen.containsKey(other + " " + name)) {
                List<String> ids = java.util.stream.Stream.of(other, kind).sorted().map(k -> "'" + k + "." + pkg + "."
                        + name + "'").toList();
                // dbt's tag does not name this one: "[WARNING]: Deprecated functionality"
                warnings.add(new dev.mallard.core.events.Deprecation("DuplicateNameDistinctNodeTypesDeprecation", "D040",
                        false, "Found resources with the same name '" + name + "' in package '" + pkg + "': "
                        + ids.get(0) + " and " + ids.get(1) + ". Please update one of the resources to have a unique"
                        + " name.", Map.of("resource_name", name, "package_name", pkg, "unique_id1",
                        ids.get(0).replace("'", ""), "unique_id2", ids.get(1).replace("'", "")), "", "").encode());
            }
        }
    }

    /** The kinds of node ref() reads, which share one namespace of names per package. */
    static final List<String> KINDS = List.of("model", "seed", "snapshot");
}
