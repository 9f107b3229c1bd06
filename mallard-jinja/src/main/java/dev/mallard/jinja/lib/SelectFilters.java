package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Jinja2's {@code map}, {@code select}, {@code reject}, {@code selectattr} and
 * {@code rejectattr}: lazy generators that apply another filter or test to each item.
 */
final class SelectFilters {
    private SelectFilters() {
    }

    static void register(Library lib) {
        lib.filter("map", (site, v, a) -> PyIterator.generator("sync_do_map", () -> {
            if (!Py.truthy(v)) {
                return Collections.emptyIterator();
            }
            UnaryOperator<Object> func = prepareMap(site, a);
            Iterator<?> items = Containers.iterate(v).iterator();
            return new Iterator<Object>() {
                @Override
                public boolean hasNext() {
                    return items.hasNext();
                }

                @Override
                public Object next() {
                    return func.apply(items.next());
                }
            };
        }));
        lib.filter("select", (site, v, a) -> selectOrReject(site, v, a, false, false));
        lib.filter("reject", (site, v, a) -> selectOrReject(site, v, a, true, false));
        lib.filter("selectattr", (site, v, a) -> selectOrReject(site, v, a, false, true));
        lib.filter("rejectattr", (site, v, a) -> selectOrReject(site, v, a, true, true));
    }

    private static UnaryOperator<Object> prepareMap(CallSite site, Args a) {
        if (a.positional().isEmpty() && a.named().containsKey("attribute")) {
            Map<String, Object> rest = new LinkedHashMap<>(a.named());
            Object attribute = rest.remove("attribute");
            Object fallback = rest.remove("default");
            if (!rest.isEmpty()) {
                throw new JinjaError("Unexpected keyword argument " + Py.repr(rest.keySet().iterator().next()));
            }
            return Attributes.getter(site, attribute, false, fallback);
        }
        if (a.positional().isEmpty()) {
            throw new JinjaError("map requires a filter argument");
        }
        String name = Py.str(a.positional().get(0));
        Args rest = Args.of(new ArrayList<>(a.positional().subList(1, a.size())), a.named());
        return item -> site.filter(name, item, rest);
    }

    private static PyIterator selectOrReject(CallSite site, Object value, Args a, boolean reject, boolean lookupAttr) {
        return PyIterator.generator("select_or_reject", () -> {
            if (!Py.truthy(value)) {
                return Collections.emptyIterator();
            }
            UnaryOperator<Object> transform = UnaryOperator.identity();
            int off = 0;
            if (lookupAttr) {
                if (a.positional().isEmpty()) {
                    throw new JinjaError("Missing parameter for attribute name");
                }
                transform = Attributes.getter(site, a.positional().get(0), false, null);
                off = 1;
            }
            Predicate<Object> test;
            if (a.size() > off) {
                String name = Py.str(a.positional().get(off));
                Args rest = Args.of(new ArrayList<>(a.positional().subList(off + 1, a.size())), a.named());
                test = item -> site.test(name, item, rest);
            } else {
                test = Py::truthy;
            }
            UnaryOperator<Object> getter = transform;
            Iterator<?> items = Containers.iterate(value).iterator();
            return new Iterator<Object>() {
                private Object next;
                private boolean ready;

                @Override
                public boolean hasNext() {
                    while (!ready && items.hasNext()) {
                        Object item = items.next();
                        if (test.test(getter.apply(item)) != reject) {
                            next = item;
                            ready = true;
                        }
                    }
                    return ready;
                }

                @Override
                public Object next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    ready = false;
                    return next;
                }
            };
        });
    }
}
