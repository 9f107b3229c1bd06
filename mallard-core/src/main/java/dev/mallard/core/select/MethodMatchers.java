package dev.mallard.core.select;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.EffectiveConfig;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.ModelVersion;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SourceNode;
import dev.mallard.core.manifest.ExposureNode;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.manifest.UnitTestNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What each selector method matches, ported from dbt's {@code selector_methods.py}: which
 * nodes a method looks at (fqn skips sources, source: sees only sources) and how the
 * value is compared (fnmatch globs for names, tags, paths and packages; equality for config).
 */
final class MethodMatchers {
    private static final Set<String> DBT_NODE_TYPES = Set.of("model", "analysis", "test", "snapshot", "operation",
            "seed", "rpc", "sql_operation", "doc", "source", "macro", "exposure", "metric", "group", "saved_query",
            "semantic_model", "unit_test", "fixture", "function", "ingest");

    private final String projectName;
    private final PreviousRun previousRun;

    /** @param previousRun what --state points at; null without --state */
    MethodMatchers(String projectName, PreviousRun previousRun) {
        this.projectName = projectName;
        this.previousRun = previousRun;
    }

    /** This invocation's target folder, whose sources.json {@code source_status:} compares; default "target". */
    private java.nio.file.Path currentTarget = java.nio.file.Path.of("target");

    void currentTarget(java.nio.file.Path dir) {
        this.currentTarget = dir;
    }

    /** The test one criterion applies to each node, before graph operators. */
    Predicate<Node> predicate(SelectionCriterion c) {
        String value = c.value();
        return switch (c.method()) {
            case FQN -> n -> !(n instanceof SourceNode) && FqnMatch.matches(n.fqn(), value, version(n) != null);
            case TAG -> n -> n.tags().stream().anyMatch(t -> Glob.matches(t, value));
            case GROUP -> n -> !(n instanceof SourceNode) && Glob.matches(stringOrNull(n.config().get("group")), value);
            case ACCESS -> n -> n.resourceType() == ResourceType.MODEL
                    && value.equals(EffectiveConfig.of(n).get("access"));
            case SOURCE -> source(value, c.raw());
            case PATH -> new PathMatch(value)::matches;
            case FILE -> n -> Glob.matches(fileName(n.originalFilePath()), value)
                    || Glob.matches(stem(fileName(n.originalFilePath())), value);
            case PACKAGE -> n -> Glob.matches(n.packageName(), "this".equals(value) ? projectName : value);
            case CONFIG -> config(c.methodArguments(), value);
            case RESOURCE_TYPE -> resourceType(value, c.raw());
            case VERSION -> version(value, c.raw());
            case STATE -> previousRun(c).state(value, c.raw());
            case RESULT -> previousRun(c).result(value);
            case SOURCE_STATUS -> previousRun(c).sourceStatus(value, currentTarget, c.raw());
            // dbt knows these methods, but Mallard has no such resources yet: they match nothing
            case TEST_NAME -> n -> n instanceof TestNode t && t.isGeneric() && Glob.matches(t.metadata().name(), value);
            case TEST_TYPE -> testType(value, c.raw());
            case UNIT_TEST -> n -> n instanceof UnitTestNode u
                    && (Glob.matches(u.name(), value) || FqnMatch.matches(u.fqn(), value));
            case EXPOSURE -> n -> n instanceof ExposureNode e
                    && (Glob.matches(e.name(), value) || Glob.matches(e.packageName() + "." + e.name(), value));
            case METRIC -> named(ResourceType.METRIC, value);
            case SEMANTIC_MODEL -> named(ResourceType.SEMANTIC_MODEL, value);
            case SAVED_QUERY -> named(ResourceType.SAVED_QUERY, value);
            case INGEST -> named(ResourceType.INGEST, value);
        };
    }

    /** {@code metric:revenue}, {@code ingest:pkg.orders} (globs allowed): a node of that type by name, as for exposures. */
    private static java.util.function.Predicate<Node> named(ResourceType type, String value) {
        return n -> n.resourceType() == type
                && (Glob.matches(n.name(), value) || Glob.matches(n.packageName() + "." + n.name(), value));
    }

    private PreviousRun previousRun(SelectionCriterion c) {
        if (previousRun == null) {
            throw new MallardException(ErrorCode.USAGE, "selector '" + c.raw() + "' compares with a previous run, "
                    + "but no --state was given", null, 0, "pass --state DIR, the target/ folder of that run (or a copy "
                    + "of it) holding its manifest.json" + (c.method() == MethodName.RESULT ? " and run_results.json" : ""),
                    null);
        }
        return previousRun;
    }

    private static Predicate<Node> source(String value, String raw) {
        String[] parts = value.split("\\.", -1);
        if (parts.length > 3) {
            throw new MallardException(ErrorCode.USAGE, "invalid source selector '" + raw + "': use source:<source>, "
                    + "source:<source>.<table> or source:<package>.<source>.<table>");
        }
        String pkg = parts.length == 3 ? parts[0] : "*";
        String source = parts[parts.length == 3 ? 1 : 0];
        String table = parts.length == 1 ? "*" : parts[parts.length - 1];
        return n -> n instanceof SourceNode s && Glob.matches(s.packageName(), pkg)
                && Glob.matches(s.sourceName(), source) && Glob.matches(s.name(), table);
    }

    private static Predicate<Node> resourceType(String value, String raw) {
        if (!DBT_NODE_TYPES.contains(value)) {
            throw new MallardException(ErrorCode.USAGE, "invalid resource_type selector '" + raw + "'", null, 0,
                    "use one of: model, seed, snapshot, source, analysis, test, ...", null);
        }
        return n -> n.resourceType().dbtName().equals(value);
    }

    private static Predicate<Node> version(String value, String raw) {
        return switch (value) {
            case "none" -> n -> n.resourceType() == ResourceType.MODEL && version(n) == null;
            case "latest" -> n -> version(n) != null && version(n).isLatest();
            case "prerelease" -> n -> version(n) != null && version(n).isPrerelease();
            case "old" -> n -> version(n) != null && version(n).isOld();
            default -> throw new MallardException(ErrorCode.USAGE, "invalid version selector '" + raw
                    + "': use version:latest, version:prerelease, version:old or version:none");
        };
    }

    private static ModelVersion version(Node n) {
        return n instanceof ModelNode m ? m.version() : null;
    }

    /** dbt compares config values by equality, with "true"/"false" matching booleans. */
    private static Predicate<Node> config(List<String> keys, String value) {
        boolean caseInsensitive = keys.equals(List.of("severity"));
        return n -> {
            Object v = descend(EffectiveConfig.of(n), keys);
            if (v == Missing.VALUE) {
                return false;
            }
            if (v instanceof List<?> list) {
                return list.stream().anyMatch(e -> equal(value, e, caseInsensitive))
                        || "true".equalsIgnoreCase(value) && list.contains(Boolean.TRUE)
                        || "false".equalsIgnoreCase(value) && list.contains(Boolean.FALSE);
            }
            return equal(value, v, caseInsensitive)
                    || "true".equalsIgnoreCase(value) && Boolean.TRUE.equals(v)
                    || "false".equalsIgnoreCase(value) && Boolean.FALSE.equals(v);
        };
    }

    private static boolean equal(String selector, Object v, boolean caseInsensitive) {
        if (!(v instanceof String s)) {
            return false;
        }
        return caseInsensitive ? selector.toUpperCase(Locale.ROOT).equals(s.toUpperCase(Locale.ROOT)) : selector.equals(s);
    }

    private enum Missing { VALUE }

    private static Object descend(Object root, List<String> keys) {
        Object v = root;
        for (String key : keys) {
            if (v instanceof Map<?, ?> m && m.containsKey(key)) {
                v = m.get(key);
            } else {
                return Missing.VALUE;
            }
        }
        return v;
    }

    private static String stringOrNull(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static String fileName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String stem(String fileName) {
        // Python's Path.stem drops only the last suffix
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }

    /** test_type: generic, singular, unit, or data (generic and singular). */
    private static java.util.function.Predicate<Node> testType(String value, String raw) {
        return switch (value) {
            case "generic" -> n -> n instanceof TestNode t && t.isGeneric();
            case "singular" -> n -> n instanceof TestNode t && !t.isGeneric();
            case "data" -> n -> n instanceof TestNode;
            case "unit" -> n -> n instanceof UnitTestNode;
            default -> throw new MallardException(ErrorCode.USAGE, "selector '" + raw
                    + "': test_type must be generic, singular, data or unit");
        };
    }
}
