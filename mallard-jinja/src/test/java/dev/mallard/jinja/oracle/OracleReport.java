package dev.mallard.jinja.oracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The comparison of every case, summed up for people: counts, categories, and examples. */
final class OracleReport {
    static final int EXAMPLES = 30;

    record Result(OracleCase c, Outcome expected, Outcome actual, Verdict verdict, Optional<String> knownReason) {
        boolean unexplained() {
            return verdict != Verdict.EQUAL && knownReason.isEmpty();
        }
    }

    private final String oracle;
    private final List<Result> results = new ArrayList<>();

    OracleReport(String oracle) {
        this.oracle = oracle;
    }

    void add(Result r) {
        results.add(r);
    }

    List<Result> results() {
        return results;
    }

    List<Result> unexplained() {
        return results.stream().filter(Result::unexplained).toList();
    }

    String summary(KnownDifferences known) {
        long equal = results.stream().filter(r -> r.verdict() == Verdict.EQUAL).count();
        long knownCount = results.stream().filter(r -> r.verdict() != Verdict.EQUAL && r.knownReason().isPresent()).count();
        List<Result> bad = unexplained();
        long generated = results.stream().filter(r -> r.c().generated()).count();
        long parseOnly = results.stream().filter(r -> r.c().parseOnly()).count();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Jinja2 oracle (%s) vs Mallard: %d cases (%d hand-written, %d parse-only, %d generated)%n",
                oracle, results.size(), results.size() - generated - parseOnly, parseOnly, generated));
        sb.append(String.format("  equal %d (%.1f%%), known differences %d, unexplained %d%n", equal,
                results.isEmpty() ? 100.0 : 100.0 * equal / results.size(), knownCount, bad.size()));
        if (!bad.isEmpty()) {
            Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
            bad.forEach(r -> byVerdict.merge(r.verdict(), 1L, Long::sum));
            sb.append("  unexplained by kind: ").append(byVerdict.entrySet().stream()
                    .map(e -> e.getKey().label + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
            sb.append("  unexplained by case file: ").append(ratios(bad, r -> r.c().group(), 40)).append('\n');
            sb.append("  features of unexplained generated cases (failing/with feature): ")
                    .append(featureRatios(bad, 25)).append('\n');
            appendTop(sb, "Mallard errors where Jinja2 rendered", bad, Verdict.MALLARD_RAISED, 12);
            appendTop(sb, "crashes", bad, Verdict.CRASH, 12);
        }
        List<String> stale = new ArrayList<>();
        Set<String> differing = new HashSet<>();
        results.stream().filter(r -> r.verdict() != Verdict.EQUAL).forEach(r -> differing.add(r.c().id()));
        Set<String> ids = results.stream().map(r -> r.c().id()).collect(Collectors.toSet());
        known.listedIds().forEach(id -> {
            if (ids.contains(id) && !differing.contains(id)) {
                stale.add(id);
            }
        });
        if (!stale.isEmpty()) {
            sb.append("  NOTE: listed in known_differences.json but now equal: ").append(stale).append('\n');
        }
        return sb.toString();
    }

    String examples(int limit) {
        StringBuilder sb = new StringBuilder();
        List<Result> bad = unexplained();
        sb.append(limit >= bad.size() ? String.format("all %d unexplained differences:%n", bad.size())
                : String.format("first %d of %d unexplained differences:%n", limit, bad.size()));
        for (Result r : bad.subList(0, Math.min(limit, bad.size()))) {
            OracleCase c = r.c();
            sb.append(String.format("- %s [%s]%s%n", c.id(), r.verdict().label, c.where() == null ? "" : " at " + c.where()));
            sb.append("    template: ").append(clip(Json.quote(c.template()), 400)).append('\n');
            if (c.context() != null) {
                sb.append("    context:  ").append(clip(c.context().toString(), 160)).append('\n');
            } else if (c.contextName() != null) {
                sb.append("    context:  contexts.json#").append(c.contextName()).append('\n');
            }
            sb.append("    expected: ").append(clip(r.expected().describe(), 400)).append('\n');
            sb.append("    actual:   ").append(clip(r.actual().describe(), 400)).append('\n');
        }
        return sb.toString();
    }

    private String ratios(List<Result> bad, Function<Result, String> key, int limit) {
        Map<String, Long> all = results.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
        Map<String, Long> failing = bad.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
        return failing.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .map(e -> e.getKey() + " " + e.getValue() + "/" + all.get(e.getKey())).collect(Collectors.joining(", "));
    }

    private String featureRatios(List<Result> bad, int limit) {
        Map<String, Long> all = new LinkedHashMap<>();
        Map<String, Long> failing = new LinkedHashMap<>();
        results.stream().filter(r -> r.c().generated()).forEach(r -> r.c().features().forEach(f -> all.merge(f, 1L, Long::sum)));
        bad.stream().filter(r -> r.c().generated()).forEach(r -> r.c().features().forEach(f -> failing.merge(f, 1L, Long::sum)));
        // rank by the share of cases with the feature that fail: features that are merely common rank lower
        return failing.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Long> e) -> -(double) e.getValue() / all.get(e.getKey()))
                        .thenComparing(Map.Entry.comparingByValue(Comparator.reverseOrder())))
                .filter(e -> e.getValue() >= 3).limit(limit)
                .map(e -> e.getKey() + " " + e.getValue() + "/" + all.get(e.getKey())).collect(Collectors.joining(", "));
    }

    private static void appendTop(StringBuilder sb, String title, List<Result> bad, Verdict verdict, int limit) {
        Map<String, Long> counts = bad.stream().filter(r -> r.verdict() == verdict)
                .collect(Collectors.groupingBy(r -> clip(r.actual().errorType() + ": " + normalise(r.actual().message()), 110),
                        Collectors.counting()));
        if (counts.isEmpty()) {
            return;
        }
        sb.append("  ").append(title).append(", most frequent:\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> sb.append(String.format("    %5d  %s%n", e.getValue(), e.getKey())));
    }

    /** Quoted names and numbers stripped, so that messages differing only in them group together. */
    private static String normalise(String message) {
        return message == null ? "null" : message.replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N").replace('\n', ' ');
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }
}
