package dev.mallard.core.materialize;

import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import java.util.Optional;

/**
 * The atomic replacement of a relation by a freshly built table: the old relation is
 * renamed away and the new one renamed into place in one transaction, and the old one is
 * dropped only after commit. A crash leaves the old or the new, never neither.
 */
final class RelationSwap {
    private RelationSwap() {
    }

    static Relation temporary(Relation target) {
        return target.withIdentifier(target.identifier() + "__mallard_tmp");
    }

    static Relation backup(Relation target) {
        return target.withIdentifier(target.identifier() + "__mallard_backup");
    }

    /** Drops leftovers of an earlier crashed run. */
    static void clearLeftovers(MaterializationContext ctx, Relation target) {
        ctx.run("DROP TABLE IF EXISTS " + temporary(target).render());
        ctx.run("DROP TABLE IF EXISTS " + backup(target).render());
    }

    static void swapIn(MaterializationContext ctx, Relation target) {
        Relation tmp = temporary(target);
        Relation backup = backup(target);
        Optional<ExistingRelation> existing = ctx.session().findRelation(target);
        ctx.session().begin();
        boolean committed = false;
        try {
            if (existing.isPresent()) {
                if (existing.get().kind() == RelationKind.VIEW) {
                    ctx.run("DROP VIEW " + target.render());
                } else {
                    ctx.run("ALTER TABLE " + target.render() + " RENAME TO " + Relation.quote(backup.identifier()));
                }
            }
            ctx.run("ALTER TABLE " + tmp.render() + " RENAME TO " + Relation.quote(target.identifier()));
            ctx.session().commit();
            committed = true;
        } finally {
            if (!committed) {
                ctx.session().rollback();
                ctx.session().execute("DROP TABLE IF EXISTS " + tmp.render());
            }
        }
        if (existing.isPresent() && existing.get().kind() == RelationKind.TABLE) {
            ctx.run("DROP TABLE IF EXISTS " + backup.render());
        }
    }
}
