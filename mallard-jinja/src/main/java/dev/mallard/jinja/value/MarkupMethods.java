package dev.mallard.jinja.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * markupsafe's (3.0) Markup methods: the str methods, where those that build new text return
 * Markup (escaping the replacement of {@code replace} and the fill character of the padding
 * methods), and {@code split}-like ones return Markup parts.
 */
final class MarkupMethods {
    /** Methods whose result markupsafe wraps as Markup. */
    private static final Set<String> WRAPPED = Set.of("capitalize", "title", "lower", "upper", "replace", "ljust",
            "rjust", "lstrip", "rstrip", "center", "strip", "expandtabs", "swapcase", "zfill", "casefold",
            "removeprefix", "removesuffix");
    /** Of those, the ones that escape their second argument (the new text, or the fill character). */
    private static final Set<String> ESCAPING_SECOND = Set.of("replace", "ljust", "rjust", "center");

    private MarkupMethods() {
    }

    static Object lookup(Markup self, String name) {
        String text = self.toString();
        if (WRAPPED.contains(name)) {
            PyCallable plain = (PyCallable) StrMethods.lookup(text, name);
            boolean escaping = ESCAPING_SECOND.contains(name);
            return Methods.bind(self, name, Integer.MAX_VALUE, null,
                    (site, a) -> new Markup(Py.str(plain.call(site, escaping ? escapeSecond(a) : a))));
        }
        return switch (name) {
            case "split", "rsplit", "splitlines", "partition", "rpartition" -> {
                PyCallable plain = (PyCallable) StrMethods.lookup(text, name);
                yield Methods.bind(self, name, Integer.MAX_VALUE, (site, a) -> parts(plain.call(site, a)));
            }
            case "join" -> Methods.bind(self, name, 1, (site, a) -> {
                List<Object> items = new ArrayList<>();
                for (Object item : Containers.iterate(a.require(0, "iterable", name))) {
                    items.add(Markup.escape(item));
                }
                return new Markup(StrSplit.join(text, items));
            });
            case "format" -> Methods.bind(self, name, Integer.MAX_VALUE,
                    (site, a) -> new Markup(StrFormat.formatEscaped(site, text, a)));
            case "format_map" -> Methods.bind(self, name, 1, (site, a) ->
                    new Markup(StrFormat.formatMapEscaped(site, text, a.require(0, "mapping", name))));
            case "striptags" -> Methods.bind(self, name, 0, (site, a) -> Markup.striptags(text));
            case "unescape" -> Methods.bind(self, name, 0, (site, a) -> Markup.unescape(text));
            default -> StrMethods.lookup(text, name);
        };
    }

    private static Object parts(Object result) {
        if (result instanceof PyTuple t) {
            List<Object> out = new ArrayList<>(t.size());
            t.forEach(o -> out.add(new Markup(Py.str(o))));
            return PyTuple.copyOf(out);
        }
        List<Object> out = new ArrayList<>();
        ((List<?>) result).forEach(o -> out.add(new Markup(Py.str(o))));
        return out;
    }

    private static Args escapeSecond(Args a) {
        if (a.size() < 2) {
            return a;
        }
        List<Object> positional = new ArrayList<>(a.positional());
        positional.set(1, Markup.escape(positional.get(1)));
        return Args.of(positional, a.named());
    }
}
