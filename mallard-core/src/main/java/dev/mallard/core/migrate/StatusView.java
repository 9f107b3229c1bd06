package dev.mallard.core.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Joins the migrations found in the project with the history rows, one status per version. */
final class StatusView {
    private StatusView() {
    }

    static List<MigrationStatus> of(List<Migration> found, List<AppliedMigration> rows) {
        Map<MigrationVersion, AppliedMigration> applied = new HashMap<>();
        Map<MigrationVersion, AppliedMigration> failed = new HashMap<>();
        AppliedMigration baseline = null;
        MigrationVersion highest = null;
        for (AppliedMigration r : rows) {
            if (r.type() == MigrationType.BASELINE) {
                baseline = r;
            } else if (r.success()) {
                applied.put(r.version(), r);
            } else {
                failed.put(r.version(), r);
            }
            if (r.success() && (highest == null || r.version().compareTo(highest) > 0)) {
                highest = r.version();
            }
        }
        List<MigrationStatus> out = new ArrayList<>();
        Map<MigrationVersion, Migration> byVersion = new HashMap<>();
        for (Migration m : found) {
            byVersion.put(m.version(), m);
            AppliedMigration row = applied.get(m.version());
            MigrationState state;
            if (row != null) {
                state = m.checksum() != null && !Objects.equals(m.checksum(), row.checksum())
                        ? MigrationState.CHECKSUM_MISMATCH : MigrationState.APPLIED;
            } else if (baseline != null && m.version().compareTo(baseline.version()) <= 0) {
                state = MigrationState.BELOW_BASELINE;
            } else if (failed.containsKey(m.version())) {
                row = failed.get(m.version());
                state = MigrationState.FAILED;
            } else if (highest != null && m.version().compareTo(highest) < 0) {
                state = MigrationState.OUT_OF_ORDER;
            } else {
                state = MigrationState.PENDING;
            }
            out.add(new MigrationStatus(m.version(), m.description(), m.type(), m.script(), state, m, row));
        }
        for (AppliedMigration r : applied.values()) {
            if (!byVersion.containsKey(r.version())) {
                out.add(new MigrationStatus(r.version(), r.description(), r.type(), r.script(), MigrationState.MISSING,
                        null, r));
            }
        }
        for (AppliedMigration r : failed.values()) {
            if (!byVersion.containsKey(r.version()) && !applied.containsKey(r.version())) {
                out.add(new MigrationStatus(r.version(), r.description(), r.type(), r.script(), MigrationState.FAILED,
                        null, r));
            }
        }
        if (baseline != null) {
            out.add(new MigrationStatus(baseline.version(), baseline.description(), MigrationType.BASELINE,
                    baseline.script(), MigrationState.BASELINE, byVersion.get(baseline.version()), baseline));
        }
        out.sort(Comparator.comparing(MigrationStatus::version)
                .thenComparing(s -> s.type() == MigrationType.BASELINE ? 0 : 1));
        return out;
    }
}
