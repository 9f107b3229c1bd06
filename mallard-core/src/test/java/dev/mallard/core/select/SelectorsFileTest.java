package dev.mallard.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.testing.ShopManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a selectors.yml and the shop project of {@link ShopManifest}, each named selector
 * selects what {@code dbt ls --selector NAME} lists for the same project with dbt-core 1.11.
 */
class SelectorsFileTest {
    private final ShopManifest shop = ShopManifest.standard();
    private final Selector selector = new Selector(shop.manifest(), shop.dag());

    private static SelectorsFile parse(String yaml) {
        return SelectorsFile.parse(yaml, null);
    }

    private String ls(SelectorsFile file, String name) {
        return names(selector.select(file.definition(name), SelectorTest.LS_TYPES));
    }

    private static String names(Set<NodeId> ids) {
        return ids.stream().map(id -> {
            String[] parts = id.value().split("\\.");
            return id.value().startsWith("source.") ? parts[2] + "." + parts[3] : parts[2];
        }).collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(" "));
    }

    private static MallardException error(ErrorCode code, Runnable r) {
        MallardException e = assertThrows(MallardException.class, r::run);
        assertEquals(code, e.code(), e.describe());
        return e;
    }

    @Nested
    class Definitions {
        @Test
        void aStringIsOneSelectorWithItsGraphOperators() {
            SelectorsFile f = parse("""
                    selectors:
                      - name: nightly
                        definition: tag:nightly
                      - name: upstream
                        definition: +customers
                    """);
            assertEquals("customers orders", ls(f, "nightly"));
            assertEquals("countries customers orders raw.customers raw.orders stg_customers stg_orders",
                    ls(f, "upstream"));
        }

        @Test
        void aOneKeyDictIsMethodAndValue() {
            SelectorsFile f = parse("""
                    selectors:
                      - name: marts
                        definition: {path: models/marts}
                      - name: tables
                        definition: {config.materialized: table}
                    """);
            assertEquals("customers orders revenue", ls(f, "marts"));
            assertEquals("customers orders", ls(f, "tables"));
        }

        @Test
        void methodAndValueTakeParentsChildrenAndDepths() {
            SelectorsFile f = parse("""
                    selectors:
                      - name: around_orders
                        definition:
                          method: fqn
                          value: orders
                          parents: true
                          parents_depth: 1
                          children: true
                          children_depth: 1
                      - name: family
                        definition: {method: fqn, value: stg_customers, childrens_parents: true}
                      - name: tests_too
                        definition: {method: tag, value: pii, indirect_selection: cautious}
                    """);
            assertEquals("countries customers orders revenue stg_orders", ls(f, "around_orders"));
            assertEquals("countries customers dashboard orders raw.customers raw.orders stg_customers stg_orders",
                    ls(f, "family"));
            assertEquals("customers", ls(f, "tests_too"));
        }

        @Test
        void unionAndIntersectionNestAndTakeOneExclude() {
            SelectorsFile f = parse("""
                    selectors:
                      - name: marts_but_not_nightly
                        definition:
                          union:
                            - path:models/marts
                            - reporting
                            - exclude:
                                - tag:nightly
                                - {method: fqn, value: dashboard}
                      - name: nested
                        definition:
                          intersection:
                            - +dashboard
                            - union:
                                - tag:staging
                                - method: resource_type
                                  value: seed
                    """);
            assertEquals("revenue", ls(f, "marts_but_not_nightly"));
            assertEquals("countries stg_orders", ls(f, "nested"));
        }

        @Test
        void methodAndValueMayExcludeToo() {
            SelectorsFile f = parse("""
                    selectors:
                      - name: all_models_but_staging
                        definition:
                          method: resource_type
                          value: model
                          exclude: [staging]
                    """);
            assertEquals("customers dashboard orders revenue", ls(f, "all_models_but_staging"));
        }

        @Test
        void aSelectorMayReuseOneDefinedAboveIt() {
            SelectorsFile f = parse("""
                    selectors:
                      - name: staging
                        definition: tag:staging
                      - name: staging_and_seeds
                        definition:
                          union:
                            - method: selector
                              value: staging
                            - resource_type:seed
                    """);
            assertEquals("countries stg_orders", ls(f, "staging_and_seeds"));
        }

        @Test
        void descriptionAndDefaultAreKept() {
            SelectorsFile f = parse("""
                    selectors:
                      - name: a
                        definition: orders
                      - name: b
                        description: the nightly job
                        default: true
                        definition: tag:nightly
                    """);
            assertEquals("b", f.defaultSelector().orElseThrow().name());
            assertEquals("the nightly job", f.selectors().get("b").description());
            assertTrue(parse("selectors:\n  - name: a\n    definition: orders\n").defaultSelector().isEmpty());
        }

        @Test
        void aMissingFileHasNoSelectors(@TempDir Path dir) throws Exception {
            assertTrue(SelectorsFile.read(dir, null).selectors().isEmpty());
            Files.writeString(dir.resolve("selectors.yml"), "selectors:\n  - name: x\n    definition: orders\n");
            assertEquals("orders", ls(SelectorsFile.read(dir, null), "x"));
        }
    }

    @Nested
    class Errors {
        @Test
        void anUnknownNameIsAUsageErrorListingTheKnownOnes() {
            SelectorsFile f = parse("selectors:\n  - name: nightly\n    definition: tag:nightly\n");
            MallardException e = error(ErrorCode.USAGE, () -> f.definition("nighty"));
            assertTrue(e.describe().contains("no selector named 'nighty' in selectors.yml"), e.describe());
            assertTrue(e.describe().contains("did you mean 'nightly'?"), e.describe());
        }

        @Test
        void aProjectWithoutTheFileSaysSo(@TempDir Path dir) {
            MallardException e = error(ErrorCode.USAGE, () -> SelectorsFile.read(dir, null).definition("x"));
            assertTrue(e.getMessage().contains("has no selectors.yml"), e.getMessage());
        }

        @Test
        void badShapesNameTheFileAndTheSelectorsLine() {
            MallardException e = error(ErrorCode.YAML, () -> parse("""
                    selectors:
                      - name: ok
                        definition: orders
                      - name: broken
                        definition:
                          - orders
                    """));
            assertEquals("selectors.yml", e.file());
            assertEquals(4, e.line());
            assertTrue(e.getMessage().contains("selector 'broken'"), e.getMessage());
            assertTrue(e.getMessage().contains("cannot be a list"), e.getMessage());
        }

        @Test
        void theTopLevelMustBeASelectorsList() {
            assertEquals("selectors.yml", error(ErrorCode.YAML, () -> parse("selector: []")).file());
            error(ErrorCode.YAML, () -> parse("selectors:\n  - definition: orders\n"));
            error(ErrorCode.YAML, () -> parse("selectors:\n  - name: x\n"));
            error(ErrorCode.YAML, () -> parse("selectors: [unclosed"));
        }

        @Test
        void theDefinitionsThemselvesAreChecked() {
            String[] bad = {
                "{method: fqn}",
                "{method: nope, value: x}",
                "{value: x, parents: true}",
                "{union: orders}",
                "{union: [a, {exclude: [b]}, {exclude: [c]}]}",
                "{union: [a], intersection: [b]}",
                "{method: fqn, value: a, parents_depth: lots, parents: true}",
                "{method: fqn, value: a, indirect_selection: sometimes}",
                "{method: fqn, value: a, children: true, childrens_parents: true}",
                "{method: selector, value: later}",
                "{selector: later}",
                "'selector:later'",
            };
            for (String definition : bad) {
                String yaml = "selectors:\n  - name: x\n    definition: " + definition
                        + "\n  - name: later\n    definition: orders\n";
                MallardException e = assertThrows(MallardException.class, () -> parse(yaml), definition);
                assertEquals("selectors.yml", e.file(), definition);
                assertTrue(e.getMessage().startsWith("selector 'x': "), e.getMessage());
            }
        }

        @Test
        void onlyOneSelectorMayBeTheDefault() {
            MallardException e = error(ErrorCode.YAML, () -> parse("""
                    selectors:
                      - {name: a, default: true, definition: orders}
                      - {name: b, default: true, definition: customers}
                    """));
            assertTrue(e.getMessage().contains("'a' and 'b' both have default: true"), e.getMessage());
        }

        @Test
        void namesAreUnique() {
            error(ErrorCode.YAML, () -> parse("""
                    selectors:
                      - {name: a, definition: orders}
                      - {name: a, definition: customers}
                    """));
        }
    }
}
