package dev.mallard.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.testing.ShopManifest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Given the shop project of {@link ShopManifest}, each selection gives the nodes that
 * {@code dbt ls --select ...} lists for the same project with dbt-core 1.11 (which lists
 * no analyses, hence {@link #LS_TYPES}).
 */
class SelectorTest {
    static final Set<ResourceType> LS_TYPES = EnumSet.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SOURCE,
            ResourceType.SNAPSHOT, ResourceType.TEST);

    private final ShopManifest shop = ShopManifest.standard();
    private final Selector selector = new Selector(shop.manifest(), shop.dag());

    private String ls(String... select) {
        return names(selector.select(List.of(select), List.of(), LS_TYPES));
    }

    private static String names(Set<NodeId> ids) {
        return ids.stream().map(id -> {
            String[] parts = id.value().split("\\.");
            return id.value().startsWith("source.") ? parts[2] + "." + parts[3] : parts[2];
        }).collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(" "));
    }

    private static MallardException usageError(Runnable r) {
        MallardException e = assertThrows(MallardException.class, r::run);
        assertEquals(ErrorCode.USAGE, e.code());
        return e;
    }

    @Nested
    class Defaults {
        @Test
        void emptySelectionIsEverythingOfTheTypesAsked() {
            assertEquals("countries customers dashboard orders raw.customers raw.orders revenue stg_customers stg_orders",
                    names(selector.select(List.of(), List.of(), LS_TYPES)));
            assertEquals("customers dashboard orders revenue stg_customers stg_orders",
                    names(selector.select(null, null, EnumSet.of(ResourceType.MODEL))));
        }

        @Test
        void emptyTypeSetMeansAllTypes() {
            assertEquals(10, selector.select(List.of(), List.of(), EnumSet.noneOf(ResourceType.class)).size());
            assertTrue(names(selector.select(List.of("orders+"), List.of(), Set.of())).contains("explore"));
        }

        @Test
        void resultIsInDagOrderParentsFirst() {
            List<String> order = selector.select(List.of("+dashboard"), List.of(), Set.of()).stream()
                    .map(NodeId::value).toList();
            assertTrue(order.indexOf("model.shop.stg_orders") < order.indexOf("model.shop.orders"));
            assertTrue(order.indexOf("model.shop.orders") < order.indexOf("model.shop.customers"));
            assertTrue(order.indexOf("model.shop.customers") < order.indexOf("model.shop.dashboard"));
        }

        @Test
        void aSelectionThatMatchesNothingIsEmptyNotAnError() {
            assertEquals("", ls("no_such_model"));
            assertEquals("", ls("tag:nope"));
            assertEquals("", ls("models"));
        }

        @Test
        void disabledNodesAreNeverSelected() {
            ShopManifest s = ShopManifest.standard().model("marts/legacy", Map.of("enabled", false), List.of("orders"),
                    List.of());
            Selector sel = new Selector(s.manifest(), s.dag());
            assertEquals("", names(sel.select(List.of("legacy"), List.of(), Set.of())));
            assertEquals("customers dashboard orders revenue", names(sel.select(List.of("orders+"), List.of(),
                    EnumSet.of(ResourceType.MODEL))));
        }
    }

    @Nested
    class FqnMethod {
        @Test
        void bareNameMatchesTheModelName() {
            assertEquals("orders", ls("orders"));
            assertEquals("countries", ls("countries"));
            assertEquals("orders", ls("fqn:orders"));
        }

        @Test
        void folderAndDottedPathsMatchFqnPrefixes() {
            assertEquals("stg_customers stg_orders", ls("staging"));
            assertEquals("stg_orders", ls("staging.stg_orders"));
            assertEquals("customers orders revenue", ls("shop.marts"));
            assertEquals("revenue", ls("marts.finance"));
            assertEquals("revenue", ls("shop.marts.finance.revenue"));
        }

        @Test
        void wildcards() {
            assertEquals("stg_customers stg_orders", ls("stg_*"));
            assertEquals("customers orders revenue", ls("marts.*"));
            assertEquals("orders stg_orders", ls("*orders"));
            assertEquals("stg_customers stg_orders", ls("stg_[co]*"));
            assertEquals("stg_customers", ls("stg_[!o]*"));
            assertEquals("orders", ls("o?ders"));
        }

        @Test
        void sourcesAreNotMatchedByName() {
            assertEquals("orders", ls("orders"));
            assertEquals("", ls("raw"));
        }
    }

    @Nested
    class OtherMethods {
        @Test
        void pathMatchesFilesAndFolders() {
            assertEquals("raw.customers raw.orders stg_customers stg_orders", ls("models/staging"));
            assertEquals("raw.customers raw.orders stg_customers stg_orders", ls("path:models/staging/"));
            assertEquals("orders", ls("models/marts/orders.sql"));
            assertEquals("customers orders revenue", ls("models/marts/"));
            assertEquals("orders", ls("path:./models/marts/orders.sql"));
            assertEquals("countries", ls("path:seeds"));
        }

        @Test
        void pathGlobs() {
            assertEquals("orders", ls("path:models/*/orders.sql"));
            assertEquals("revenue", ls("path:models/**/revenue.sql"));
            assertEquals("customers orders", ls("path:models/marts/*.sql"));
        }

        @Test
        void pathMatchesThePropertiesFileThatPatchedANode() {
            assertEquals("stg_customers", ls("path:models/staging/schema.yml"));
        }

        @Test
        void fileMatchesFileNameOrStem() {
            assertEquals("orders", ls("orders.sql"));
            assertEquals("orders", ls("file:orders"));
            assertEquals("countries", ls("countries.csv"));
            assertEquals("raw.customers raw.orders", ls("file:sources.yml"));
            assertEquals("stg_customers stg_orders", ls("file:stg_*"));
        }

        @Test
        void tag() {
            assertEquals("customers orders", ls("tag:nightly"));
            assertEquals("customers orders", ls("tag:night*"));
            assertEquals("customers", ls("tag:pii"));
        }

        @Test
        void source() {
            assertEquals("raw.customers raw.orders", ls("source:raw"));
            assertEquals("raw.orders", ls("source:raw.orders"));
            assertEquals("raw.orders", ls("source:*.orders"));
            assertEquals("raw.orders", ls("source:shop.raw.orders"));
            assertEquals("", ls("source:other.raw.orders"));
            usageError(() -> ls("source:a.b.c.d"));
        }

        @Test
        void resourceType() {
            assertEquals("countries", ls("resource_type:seed"));
            assertEquals("raw.customers raw.orders", ls("resource_type:source"));
            assertEquals("explore", names(selector.select(List.of("resource_type:analysis"), List.of(), Set.of())));
            assertEquals("", ls("resource_type:snapshot"));
            usageError(() -> ls("resource_type:table"));
        }

        @Test
        void packageAndThis() {
            assertEquals(9, ls("package:shop").split(" ").length);
            assertEquals(ls("package:shop"), ls("package:this"));
            assertEquals(ls("package:shop"), ls("package:sh*"));
            assertEquals("", ls("package:dbt_utils"));
        }

        @Test
        void configComparesValuesIncludingDbtDefaults() {
            assertEquals("customers orders", ls("config.materialized:table"));
            assertEquals("revenue", ls("config.materialized:incremental"));
            assertEquals("countries", ls("config.materialized:seed"));
            assertEquals("countries customers dashboard orders revenue stg_customers stg_orders",
                    ls("config.on_schema_change:ignore"));
            assertEquals("customers orders", ls("config.tags:nightly"));
            assertEquals("countries customers dashboard orders revenue stg_customers stg_orders",
                    ls("config.contract.enforced:false"));
            assertEquals(ls("package:shop"), ls("config.enabled:true"));
            assertEquals(ls("package:shop"), ls("config.enabled:TRUE"));
            assertEquals("", ls("config.materialized:tab*"));
            assertEquals("", ls("config.no_such_key:x"));
        }

        @Test
        void configNeedsAKey() {
            usageError(() -> ls("config:table"));
        }

        @Test
        void accessGroupAndVersion() {
            assertEquals("customers dashboard orders revenue stg_customers stg_orders", ls("access:protected"));
            assertEquals("customers dashboard orders revenue stg_customers stg_orders", ls("version:none"));
            assertEquals("", ls("version:latest"));
            assertEquals("", ls("group:finance"));
            usageError(() -> ls("version:v2"));
        }

        @Test
        void methodsForResourcesMallardLacksMatchNothing() {
            assertEquals("", ls("exposure:weekly"));
            assertEquals("", ls("test_name:unique"));
        }

        @Test
        void stateMethodsWithoutStateAreAClearUsageError() {
            MallardException e = usageError(() -> ls("state:modified"));
            assertTrue(e.getMessage().contains("--state"), e.getMessage());
        }

        @Test
        void unknownMethodIsAUsageErrorNamingIt() {
            MallardException e = usageError(() -> ls("colour:blue"));
            assertTrue(e.getMessage().contains("'colour' is not a valid selector method"), e.getMessage());
            assertTrue(e.hint().contains("tag"), e.hint());
        }
    }

    @Nested
    class GraphOperators {
        @Test
        void ancestors() {
            assertEquals("countries orders raw.orders stg_orders", ls("+orders"));
        }

        @Test
        void descendants() {
            assertEquals("customers dashboard orders revenue", ls("orders+"));
            assertEquals("customers dashboard orders raw.customers raw.orders revenue stg_customers stg_orders",
                    ls("source:raw+"));
        }

        @Test
        void depthLimited() {
            assertEquals("customers orders stg_customers", ls("1+customers"));
            assertEquals("countries customers orders raw.customers stg_customers stg_orders", ls("2+customers"));
            assertEquals("customers orders revenue", ls("orders+1"));
            assertEquals("customers dashboard orders revenue", ls("orders+2"));
            assertEquals("orders", ls("0+orders+0"));
            assertEquals("countries customers orders raw.orders revenue stg_orders", ls("2+orders+1"));
        }

        @Test
        void atSelectsDescendantsAndTheirAncestors() {
            assertEquals("countries customers dashboard orders raw.customers raw.orders revenue stg_customers stg_orders",
                    ls("@stg_orders"));
            assertEquals("countries orders raw.orders revenue stg_orders", ls("@revenue"));
        }

        @Test
        void atWithPlusSuffixIsRejected() {
            usageError(() -> ls("@orders+"));
        }

        @Test
        void operatorsApplyToAnyMethod() {
            assertEquals("customers dashboard orders revenue", ls("tag:nightly+"));
            assertEquals("countries customers orders raw.customers raw.orders stg_customers stg_orders",
                    ls("+tag:nightly"));
            assertEquals("customers dashboard", ls("config.materialized:table+1,tag:pii+"));
        }
    }

    @Nested
    class Combining {
        @Test
        void spaceSeparatedExpressionsInOneArgumentAreUnioned() {
            assertEquals("countries orders stg_orders", ls("stg_orders orders  countries"));
        }

        @Test
        void argumentsAreUnioned() {
            assertEquals("orders stg_orders", ls("stg_orders", "orders"));
        }

        @Test
        void commaIsIntersection() {
            assertEquals("customers orders", ls("tag:nightly,path:models/marts"));
            assertEquals("customers", ls("tag:nightly,tag:pii"));
            assertEquals("orders", ls("+revenue,tag:nightly"));
            assertEquals("", ls("tag:nightly,staging"));
        }

        @Test
        void excludeIsRemovedAfterSelection() {
            assertEquals("orders revenue", names(selector.select(List.of("marts"), List.of("tag:pii"), LS_TYPES)));
            assertEquals("stg_customers stg_orders",
                    names(selector.select(List.of("staging", "marts"), List.of("orders+"), LS_TYPES)));
            assertEquals("countries raw.customers raw.orders stg_customers stg_orders",
                    names(selector.select(List.of(), List.of("orders+ tag:pii"), LS_TYPES)));
            assertEquals("customers orders",
                    names(selector.select(List.of("marts"), List.of("revenue", "models/marts/finance"), LS_TYPES)));
        }

        @Test
        void excludeUsesIntersectionToo() {
            assertEquals("orders revenue",
                    names(selector.select(List.of("marts"), List.of("tag:nightly,tag:pii"), LS_TYPES)));
        }

        @Test
        void selectionIsFilteredToTheResourceTypesOfInterest() {
            assertEquals("orders stg_orders",
                    names(selector.select(List.of("+orders"), List.of(), EnumSet.of(ResourceType.MODEL))));
            assertEquals("raw.orders",
                    names(selector.select(List.of("+orders"), List.of(), EnumSet.of(ResourceType.SOURCE))));
        }
    }

    @Test
    void selectingAParsedSpecGivesTheSameAsTheArguments() {
        SelectionSpec spec = Selector.parse(Arrays.asList("tag:nightly"), List.of("tag:pii"));
        assertEquals("orders", names(selector.select(spec, LS_TYPES)));
    }
}
