package dev.mallard.core.select;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.Objects;

/**
 * One selector such as {@code 2+tag:nightly+} or {@code @config.materialized:table}:
 * a method with its arguments and value, and the graph operators around it. A depth of
 * {@link #UNLIMITED} follows the graph to its end.
 *
 * @param raw the text as the user wrote it, for messages
 * @param methodArguments the dotted parts after the method name ({@code materialized} in
 *        {@code config.materialized})
 */
public record SelectionCriterion(
        String raw,
        MethodName method,
        List<String> methodArguments,
        String value,
        boolean childrensParents,
        boolean parents,
        int parentsDepth,
        boolean children,
        int childrenDepth) implements SelectionSpec {

    public static final int UNLIMITED = -1;

    public SelectionCriterion {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(value, "value");
        methodArguments = List.copyOf(methodArguments);
        if (childrensParents && children) {
            throw new MallardException(ErrorCode.USAGE, "invalid selector '" + raw
                    + "': the '@' prefix and the '+' suffix cannot be used together");
        }
    }

    /** A plain method:value criterion without graph operators. */
    public static SelectionCriterion of(MethodName method, String value) {
        return new SelectionCriterion(method.dbtName() + ":" + value, method, List.of(), value,
                false, false, UNLIMITED, false, UNLIMITED);
    }
}
