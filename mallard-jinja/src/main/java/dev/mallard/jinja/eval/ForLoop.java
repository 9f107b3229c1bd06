package dev.mallard.jinja.eval;

import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.Undefined;
import java.util.ArrayList;
import java.util.List;

/**
 * Jinja2's {@code for} statement: the loop filter ({@code for x in xs if p}), {@code else} when
 * no iteration ran its body to the end, {@code loop} with recursion, and a Python list iterated
 * live (items the body appends are visited too).
 */
final class ForLoop {
    private ForLoop() {
    }

    static void run(Renderer r, Stmt.For loop, Object iterable, Frame f, Out out, int depth0) {
        List<Object> items;
        try {
            items = iterable instanceof Undefined u && !u.lenient() && !r.lenient ? List.of()
                    : Containers.toList(iterable);
        } catch (JinjaError e) {
            throw r.locate(e, loop.iter().pos());
        }
        if (loop.filter() != null) {
            List<Object> kept = new ArrayList<>(items.size());
            for (Object item : items) {
                Frame probe = new Frame(f);
                r.assign(loop.target(), item, probe, loop.pos());
                if (Py.truthy(r.eval(loop.filter(), probe))) {
                    kept.add(item);
                }
            }
            items = kept;
        }
        if (items.isEmpty()) {
            r.exec(loop.orelse(), new Frame(f), out);
            return;
        }
        if (loop.filter() == null && iterable instanceof java.util.ArrayList<?> live) {
            // Python iterates the list itself: items appended by the body are visited too
            @SuppressWarnings("unchecked")
            List<Object> liveItems = (List<Object>) live;
            items = liveItems;
        }
        LoopContext.Recursion again = loop.recursive() ? (next, d) -> {
            Out inner = new Out(false);
            run(r, loop, next, f, inner, d);
            return inner.text.toString();
        } : null;
        LoopContext ctx = new LoopContext(items, depth0, again, r.lenient);
        // as Jinja2 compiles for/else: the else part runs unless some iteration ran its body to the end
        boolean completed = false;
        for (int i = 0; i < items.size() && i < 10_000_000; i++) {
            ctx.index0 = i;
            Frame it = new Frame(f);
            r.assign(loop.target(), items.get(i), it, loop.pos());
            it.set("loop", ctx);
            try {
                r.exec(loop.body(), it, out);
                completed = true;
            } catch (LoopSignal signal) {
                if (signal == LoopSignal.BREAK) {
                    break;
                }
            }
        }
        if (!completed && !loop.orelse().isEmpty()) {
            r.exec(loop.orelse(), new Frame(f), out);
        }
    }
}
