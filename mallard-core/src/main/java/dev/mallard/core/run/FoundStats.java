package dev.mallard.core.run;

import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.TestNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * dbt's "Found 2 models, 1 snapshot, 3 data tests, 1 seed, 2 operations, 1 source, 511 macros" line. dbt
 * counts its manifest's nodes by type in the order each type first appears there, which is the order it
 * parses in: project by project (the root, then the packages), models, snapshot files, analyses, singular
 * tests, seeds and the project's hooks; then, project by project again, the YAML files (generic tests,
 * snapshots defined in YAML). Sources, exposures, metrics, macros, groups, semantic models, saved queries and
 * unit tests follow in that fixed order. Packages are taken by name (dbt lists its packages folder).
 */
final class FoundStats {
    private static final List<ResourceType> AFTER_NODES = List.of(ResourceType.SOURCE, ResourceType.EXPOSURE,
            ResourceType.METRIC);
    private static final List<ResourceType> LAST = List.of(ResourceType.SEMANTIC_MODEL, ResourceType.SAVED_QUERY,
            ResourceType.UNIT_TEST);

    private FoundStats() {
    }

    static String describe(Manifest manifest, String rootProject) {
        List<String> projects = new ArrayList<>(List.of(rootProject));
        TreeSet<String> packages = new TreeSet<>();
        manifest.nodes().values().forEach(n -> packages.add(n.packageName()));
        packages.remove(rootProject);
        projects.addAll(packages);
        Map<String, int[]> firstSeen = new LinkedHashMap<>(); // kind -> {phase, project, parser}
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<ResourceType, Integer> others = new EnumMap<>(ResourceType.class);
        for (Node n : manifest.nodes().values()) {
            if (!n.config().enabled()) {
                continue; // dbt counts what its graph holds
            }
            int[] rank = rank(n, Math.max(0, projects.indexOf(n.packageName())));
            if (rank == null) {
                others.merge(n.resourceType(), 1, Integer::sum);
                continue;
            }
            String kind = kind(n.resourceType());
            counts.merge(kind, 1, Integer::sum);
            firstSeen.merge(kind, rank, (a, b) -> compare(a, b) <= 0 ? a : b);
        }
        int hooks = manifest.onRunStart().size() + manifest.onRunEnd().size();
        if (hooks > 0) {
            counts.put("operation", hooks);
            firstSeen.put("operation", new int[] {0, 0, 6});
        }
        List<String> kinds = new ArrayList<>(firstSeen.keySet());
        kinds.sort(Comparator.comparing(firstSeen::get, FoundStats::compare));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        kinds.forEach(k -> ordered.put(k, counts.get(k)));
        AFTER_NODES.forEach(t -> ordered.put(kind(t), others.getOrDefault(t, 0)));
        ordered.put("macro", manifest.macros().size());
        ordered.put("group", manifest.groups().size());
        LAST.forEach(t -> ordered.put(kind(t), others.getOrDefault(t, 0)));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : ordered.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(e.getValue()).append(' ').append(e.getValue() == 1 ? e.getKey() : plural(e.getKey()));
        }
        return sb.toString();
    }

    /** Where dbt's parse first meets a node of this kind: {phase, project, parser}; null for the ones counted after. */
    private static int[] rank(Node n, int project) {
        return switch (n.resourceType()) {
            case MODEL -> new int[] {0, project, 0};
            case SNAPSHOT -> n.originalFilePath().endsWith(".sql") ? new int[] {0, project, 1} : new int[] {1, project, 0};
            case ANALYSIS -> new int[] {0, project, 2};
            case TEST -> n instanceof TestNode t && t.isGeneric() ? new int[] {1, project, 0} : new int[] {0, project, 3};
            case SEED -> new int[] {0, project, 4};
            case SOURCE, EXPOSURE, METRIC, SEMANTIC_MODEL, SAVED_QUERY, UNIT_TEST -> null;
            default -> new int[] {0, project, 5}; // Mallard's own kinds (ingest) after the seeds
        };
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static String kind(ResourceType type) {
        return type.dbtName().replace('_', ' ');
    }

    /** dbt's plural of a kind: "2 data tests" (but "1 test"), "analyses", "saved queries", else an "s". */
    static String plural(String kind) {
        return switch (kind) {
            case "test" -> "data tests";
            case "analysis" -> "analyses";
            case "saved query" -> "saved queries";
            default -> kind + "s";
        };
    }
}
