package dev.mallard.core.plan;

import java.util.List;

/** The steps of an invocation in DAG order: data, printable before it runs. */
public record Plan(List<Step> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        int i = 1;
        for (Step s : steps) {
            sb.append(i++).append(". ").append(s.label());
            if (!s.waitsFor().isEmpty()) {
                sb.append("  (after ").append(s.waitsFor().size()).append(')');
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
