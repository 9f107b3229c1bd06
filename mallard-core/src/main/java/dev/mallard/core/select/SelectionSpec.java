package dev.mallard.core.select;

import java.util.List;

/**
 * A parsed selection expression, as dbt combines them: arguments and space-separated
 * expressions form a {@link Union}, comma-joined criteria an {@link Intersection}, and
 * {@code --exclude} a {@link Difference}.
 */
public sealed interface SelectionSpec permits SelectionCriterion, SelectionSpec.Union,
        SelectionSpec.Intersection, SelectionSpec.Difference {

    /** Every node selected by any component. */
    record Union(List<SelectionSpec> components) implements SelectionSpec {
        public Union {
            components = List.copyOf(components);
        }
    }

    /** Only nodes selected by every component. */
    record Intersection(List<SelectionSpec> components) implements SelectionSpec {
        public Intersection {
            components = List.copyOf(components);
        }
    }

    /** Nodes of {@code include} that {@code exclude} does not select. */
    record Difference(SelectionSpec include, SelectionSpec exclude) implements SelectionSpec {
    }
}
