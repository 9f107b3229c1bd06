package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.Arithmetic;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyTuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The finite tools of itertools ({@code chain}, {@code product}, {@code combinations},
 * {@code permutations}, ...). Python returns iterators; these return lists, which loop,
 * {@code | list} and {@code | join} the same way.
 */
final class ItertoolsModule implements PyObject {
    private static final Set<String> METHODS = Set.of("product", "combinations",
            "combinations_with_replacement", "permutations", "zip_longest", "islice", "repeat", "accumulate",
            "compress", "starmap");
    private static final ChainType CHAIN = new ChainType();

    @Override
    public Object attribute(String name) {
        return "chain".equals(name) ? CHAIN : MISSING;
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args a) {
        List<Object> pos = a.positional();
        return switch (method) {
            case "product" -> product(pos, (int) DatetimeModule.integer(a.named().getOrDefault("repeat", 1L)));
            case "combinations" -> combinations(Containers.toList(a.require(0, "iterable", method)),
                    count(a.require(1, "r", method)), false);
            case "combinations_with_replacement" -> combinations(
                    Containers.toList(a.require(0, "iterable", method)), count(a.require(1, "r", method)), true);
            case "permutations" -> {
                List<Object> items = Containers.toList(a.require(0, "iterable", method));
                Object r = a.get(1, "r", null);
                yield permutations(items, r == null ? items.size() : count(r));
            }
            case "zip_longest" -> zipLongest(pos, a.named().get("fillvalue"));
            case "islice" -> islice(a);
            case "repeat" -> {
                if (!a.has(1, "times")) {
                    throw new JinjaError("itertools.repeat() without times never ends; give times=");
                }
                List<Object> out = new ArrayList<>();
                for (long i = count(a.get(1, "times", 0L)); i > 0; i--) {
                    out.add(a.get(0, "object", null));
                }
                yield out;
            }
            case "accumulate" -> {
                List<Object> out = new ArrayList<>();
                Object fn = a.get(1, "func", null);
                Object acc = a.get(2, "initial", null);
                if (acc != null) {
                    out.add(acc);
                }
                for (Object item : Containers.iterate(a.require(0, "iterable", method))) {
                    acc = out.isEmpty() ? item
                            : fn == null ? Arithmetic.add(acc, item) : site.call(fn, Args.of(acc, item));
                    out.add(acc);
                }
                yield out;
            }
            case "compress" -> {
                List<Object> data = Containers.toList(a.require(0, "data", method));
                List<Object> selectors = Containers.toList(a.require(1, "selectors", method));
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < Math.min(data.size(), selectors.size()); i++) {
                    if (Py.truthy(selectors.get(i))) {
                        out.add(data.get(i));
                    }
                }
                yield out;
            }
            case "starmap" -> {
                Object fn = a.require(0, "function", method);
                List<Object> out = new ArrayList<>();
                for (Object args : Containers.iterate(a.require(1, "iterable", method))) {
                    out.add(site.call(fn, new Args(Containers.toList(args), Map.of())));
                }
                yield out;
            }
            default -> MISSING;
        };
    }

    private static long count(Object v) {
        long n = DatetimeModule.integer(v);
        if (n < 0) {
            throw new JinjaError("r must be non-negative");
        }
        return n;
    }

    static List<Object> chain(List<Object> iterables) {
        List<Object> out = new ArrayList<>();
        for (Object it : iterables) {
            for (Object item : Containers.iterate(it)) {
                out.add(item);
            }
        }
        return out;
    }

    static List<Object> product(List<Object> iterables, int repeat) {
        List<List<Object>> pools = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            for (Object it : iterables) {
                pools.add(Containers.toList(it));
            }
        }
        List<List<Object>> result = new ArrayList<>();
        result.add(List.of());
        for (List<Object> pool : pools) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : result) {
                for (Object item : pool) {
                    List<Object> t = new ArrayList<>(prefix);
                    t.add(item);
                    next.add(t);
                }
            }
            result = next;
            if (result.size() > 1_000_000) {
                throw new JinjaError("itertools.product() result is too large");
            }
        }
        List<Object> out = new ArrayList<>(result.size());
        result.forEach(t -> out.add(PyTuple.copyOf(t)));
        return out;
    }

    static List<Object> combinations(List<Object> pool, long r, boolean replace) {
        List<Object> out = new ArrayList<>();
        pick(pool, (int) Math.min(r, Integer.MAX_VALUE), 0, replace, new ArrayList<>(), out);
        return out;
    }

    private static void pick(List<Object> pool, int r, int from, boolean replace, List<Object> chosen,
                             List<Object> out) {
        if (chosen.size() == r) {
            out.add(PyTuple.copyOf(chosen));
            return;
        }
        for (int i = from; i < pool.size(); i++) {
            chosen.add(pool.get(i));
            pick(pool, r, replace ? i : i + 1, replace, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }

    static List<Object> permutations(List<Object> pool, long r) {
        List<Object> out = new ArrayList<>();
        if (r <= pool.size()) {
            permute(pool, (int) r, new boolean[pool.size()], new ArrayList<>(), out);
        }
        return out;
    }

    private static void permute(List<Object> pool, int r, boolean[] used, List<Object> chosen, List<Object> out) {
        if (chosen.size() == r) {
            out.add(PyTuple.copyOf(chosen));
            return;
        }
        for (int i = 0; i < pool.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                chosen.add(pool.get(i));
                permute(pool, r, used, chosen, out);
                chosen.remove(chosen.size() - 1);
                used[i] = false;
            }
        }
    }

    static List<Object> zipLongest(List<Object> iterables, Object fill) {
        List<List<Object>> lists = new ArrayList<>();
        int n = 0;
        for (Object it : iterables) {
            List<Object> l = Containers.toList(it);
            lists.add(l);
            n = Math.max(n, l.size());
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> t = new ArrayList<>();
            for (List<Object> l : lists) {
                t.add(i < l.size() ? l.get(i) : fill);
            }
            out.add(PyTuple.copyOf(t));
        }
        return out;
    }

    /** {@code islice(it, stop)} or {@code islice(it, start, stop[, step])}; None means "no limit". */
    private static List<Object> islice(Args a) {
        List<Object> items = Containers.toList(a.require(0, "iterable", "islice"));
        Object start = a.size() > 2 ? a.positional().get(1) : null;
        Object stop = a.size() > 2 ? a.positional().get(2) : a.get(1, "stop", null);
        Object step = a.size() > 3 ? a.positional().get(3) : null;
        long from = start == null ? 0 : count(start);
        long to = stop == null ? items.size() : Math.min(count(stop), items.size());
        long by = step == null ? 1 : count(step);
        if (by == 0) {
            throw new JinjaError("Step for islice() must be a positive integer or None.");
        }
        List<Object> out = new ArrayList<>();
        for (long i = from; i < to; i += by) {
            out.add(items.get((int) i));
        }
        return out;
    }

    @Override
    public String typeName() {
        return "module";
    }

    @Override
    public String toString() {
        return "<module 'itertools' (built-in)>";
    }

    /** {@code itertools.chain}: callable, and carries {@code chain.from_iterable}. */
    private static final class ChainType implements PyObject, PyCallable {
        @Override
        public Object call(CallSite site, Args a) {
            return chain(a.positional());
        }

        @Override
        public Set<String> methods() {
            return Set.of("from_iterable");
        }

        @Override
        public Object call(CallSite site, String method, Args a) {
            return "from_iterable".equals(method) ? chain(Containers.toList(a.require(0, "iterable", method)))
                    : MISSING;
        }

        @Override
        public String typeName() {
            return "type";
        }

        @Override
        public String toString() {
            return "<class 'itertools.chain'>";
        }
    }
}
