package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.ModelVersion;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.RefCall;
import java.util.Collection;
import java.util.List;

/** dbt's checks of versioned models once they are parsed: no unversioned twin, and deprecation warnings. */
final class VersionChecks {
    private VersionChecks() {
    }

    /** dbt refuses an unversioned model that has the name of a versioned one: ref() could not tell them apart. */
    static void requireNoUnversionedTwin(List<ModelNode> models, ModelVersions versions, String pkg) {
        for (ModelNode m : models) {
            String file = m == null || m.version() != null ? null : versions.versionedIn(m.name());
            if (file != null) {
                throw new MallardException(ErrorCode.DUPLICATE_NODE, "dbt found versioned and unversioned models with "
                        + "the name \"" + m.name() + "\". Since these resources have the same name, ref('" + m.name()
                        + "') could not find the right one", m.originalFilePath(), 0, "change the name of the "
                        + "unversioned resource " + m.id() + " (" + m.originalFilePath() + ") or add the unversioned "
                        + "model to the versions in " + pkg + "://" + file, null);
            }
        }
    }

    /**
     * dbt's warnings for a model (or a version) with a deprecation_date: one for the version itself once the
     * date has passed, and one for each model whose ref() reads it (also before the date).
     */
    static void warnDeprecated(Collection<Node> nodes, Warnings warnings) {
        List<ModelNode> deprecated = nodes.stream().filter(n -> n instanceof ModelNode m
                && m.resourceType() == dev.mallard.core.manifest.ResourceType.MODEL && m.deprecationDate() != null)
                .map(n -> (ModelNode) n).toList();
        if (deprecated.isEmpty()) {
            return;
        }
        for (ModelNode m : deprecated) {
            if (!DeprecationDates.passed(m.deprecationDate())) {
                continue;
            }
            warnings.add("[WARNING]: Model " + m.displayName() + " has passed its deprecation date of "
                    + m.deprecationDate() + ". This model should be disabled or removed.");
        }
        for (Node n : nodes) {
            if (!(n instanceof ModelNode from) || from.resourceType() != dev.mallard.core.manifest.ResourceType.MODEL) {
                continue;
            }
            for (RefCall ref : from.refs()) {
                for (ModelNode m : deprecated) {
                    if (reads(ref, m)) {
                        ModelVersion v = m.version();
                        boolean passed = DeprecationDates.passed(m.deprecationDate());
                        warnings.add("[WARNING]: While compiling '" + from.name() + "': Found a reference to "
                                + (ref.version() == null ? m.name() : m.displayName())
                                + (passed ? ", which was deprecated on '" : ", which is slated for deprecation on '")
                                + m.deprecationDate() + "'. "
                                + (v == null || v.isLatest() ? "" : "A new version of '" + m.name()
                                + "' is available. Migrate now: {{ ref('" + m.packageName() + "', '" + m.name() + "', v='"
                                + ModelVersion.text(v.latest()) + "') }}."));
                    }
                }
            }
        }
    }

    private static boolean reads(RefCall ref, ModelNode m) {
        if (!ref.name().equals(m.name()) || ref.packageName() != null && !ref.packageName().equals(m.packageName())) {
            return false;
        }
        if (m.version() == null) {
            return ref.version() == null;
        }
        return ref.version() == null ? m.version().isLatest() : ref.versionText().equals(m.version().label());
    }
}
