"""Random expression templates from a fixed seed, over a fixed context.

Each expression is a small tree of literals, context variables, operators, filters, tests,
attribute/item/slice access and str/list/dict method calls, built with a rough idea of the
type of every sub-expression so that most of them make sense; many still raise in Python
(TypeError, ZeroDivisionError, UndefinedError, ...), which is an expected outcome too.
Values stay small: `**` takes a small integer literal exponent and `*` repeats a sequence only by a
small literal, so nothing explodes (the oracle also drops any case whose output is huge).
"""
import random

# The context every generated case renders with (JSON-compatible; ints beyond 2**63 too).
CONTEXT = {
    "i": 7, "n": -3, "z": 0, "one": 1, "big": 12345678901234567890,
    "f": 2.5, "g": -0.5, "h": 1e16,
    "s": "Hello, World", "w": "a b  c", "e": "", "q": "it's \"q\"", "num": "42", "ws": "  pad  ",
    "l": [3, 1, 2], "ls": ["b", "a", "C"], "le": [], "lm": [1, "a", None, True, 2.5],
    "d": {"a": 1, "b": [1, 2], "c": None, "k": "v"}, "de": {},
    "nested": {"x": {"y": [1, {"z": "deep"}]}},
    "t": True, "fa": False, "nn": None,
    "users": [{"name": "ann", "age": 30, "tags": ["x"]}, {"name": "bob", "age": 25, "tags": []},
              {"name": "cy", "age": 30, "tags": ["y", "z"]}],
}
VARS = {"i": "int", "n": "int", "z": "int", "one": "int", "big": "int", "f": "float", "g": "float",
        "h": "float", "s": "str", "w": "str", "e": "str", "q": "str", "num": "str", "ws": "str",
        "l": "list", "ls": "list", "le": "list", "lm": "list", "d": "dict", "de": "dict",
        "nested": "dict", "t": "bool", "fa": "bool", "nn": "none", "users": "list", "u": "any"}

INTS = ["0", "1", "2", "3", "5", "7", "10", "12", "1_000", "0x1F", "0o17", "0b101",
        "9223372036854775808", "100000000000000000000", "-3", "-12345678901234567890"]
SMALL = ["0", "1", "2", "3", "-1", "-2"]
FLOATS = ["0.5", "2.0", "1e3", "1.5e-3", "1e16", "0.1", "0.2", "3.14159", "1e-5", "-0.0", "123456789.125"]
STRS = ["''", "'a'", "\"ab\"", "'Hello'", "'a,b,c'", "\"it's\"", "'say \"hi\"'", "'it\\'s'",
        "'tab\\there'", "'line\\nbreak'", "'ÄÖü'", "'%s'", "'{}'", "'x y'", "'  sp  '", "'10'",
        "'3.5'", "'a\\\\b'", "'ABC'", "'-7'"]
KEYS = ["'a'", "'b'", "'c'", "'k'", "'zz'", "0", "1", "-1", "'name'", "'x'"]
ATTRS = ["a", "b", "c", "k", "missing", "name", "age", "x", "y", "tags"]
CONSTS = [("none", "none"), ("None", "none"), ("true", "bool"), ("True", "bool"),
          ("false", "bool"), ("False", "bool")]

NUM = ("int", "float", "bool")
SEQ = ("str", "list", "tuple")

# filter name -> (argument choices, result kind); iterator results get |list
FILTERS = {
    "abs": ([""], "int"), "capitalize": ([""], "str"), "center": (["(9)", "(7, '*')"], "str"),
    "count": ([""], "int"), "d": (["('dflt')", ""], "any"), "default": (["('x', true)", "(0)"], "any"),
    "dictsort": (["", "(reverse=true)", "(by='value')"], "list"), "first": ([""], "any"),
    "last": ([""], "any"), "float": (["", "(1.5)"], "float"), "int": (["", "(7)", "(base=16)"], "int"),
    "join": (["", "(',')", "(', ')", "('-', attribute='name')"], "str"), "length": ([""], "int"),
    "list": ([""], "list"), "lower": ([""], "str"), "upper": ([""], "str"), "max": (["", "(attribute='age')"], "any"),
    "min": (["", "(attribute='age')"], "any"), "replace": (["('a', 'A')", "('l', '', 1)", "(',', ';')"], "str"),
    "reverse": ([""], "iter"), "round": (["", "(1)", "(2, 'floor')", "(0, 'ceil')"], "float"),
    "sort": (["", "(reverse=true)", "(attribute='age')", "(case_sensitive=true)"], "list"),
    "string": ([""], "str"), "sum": (["", "(start=10)", "(attribute='age')"], "any"), "title": ([""], "str"),
    "trim": (["", "('x')"], "str"), "truncate": (["(5)", "(9, true, '..', 0)"], "str"),
    "unique": (["", "(attribute='age')"], "iter"), "wordcount": ([""], "int"), "wordwrap": (["(5)"], "str"),
    "batch": (["(2)", "(2, 'x')"], "iter"), "slice": (["(2)"], "iter"),
    "map": (["('upper')", "(attribute='name')", "('default', 0)"], "iter"),
    "select": (["('odd')", "", "('gt', 1)"], "iter"), "reject": (["('none')", "('string')"], "iter"),
    "selectattr": (["('age', 'eq', 30)", "('tags')"], "iter"), "rejectattr": (["('age', 'lt', 30)"], "iter"),
    "tojson": (["", "(2)"], "str"), "indent": (["(2)", "(2, true)"], "str"), "items": ([""], "iter"),
    "format": (["(1)", "('x')"], "str"), "filesizeformat": (["", "(true)"], "str"), "e": ([""], "str"),
    "escape": ([""], "str"), "striptags": ([""], "str"), "urlencode": ([""], "str"), "pprint": ([""], "str"),
    "attr": (["('a')", "('name')"], "any"), "groupby": (["('age')"], "list"), "xmlattr": ([""], "str"),
    "forceescape": ([""], "str"), "safe": ([""], "str"), "urlize": ([""], "str"),
    "as_text": ([""], "any"), "as_number": ([""], "any"), "is_list": ([""], "bool"),
}
STRS_ONLY, SEQS, NUMS, DICTS = ("str",), ("list", "tuple", "str"), ("int", "float"), ("dict",)
LISTS = ("list", "tuple")
# what each filter is mostly fed (anything now and then, see `sub`)
FILTER_OPERANDS = {
    "abs": NUMS, "capitalize": STRS_ONLY, "center": STRS_ONLY, "dictsort": DICTS, "float": STRS_ONLY + NUMS,
    "int": STRS_ONLY + NUMS, "join": LISTS, "lower": STRS_ONLY, "upper": STRS_ONLY, "max": LISTS,
    "min": LISTS, "replace": STRS_ONLY, "round": NUMS, "sort": LISTS, "sum": LISTS, "title": STRS_ONLY,
    "trim": STRS_ONLY, "truncate": STRS_ONLY, "unique": LISTS, "wordcount": STRS_ONLY,
    "wordwrap": STRS_ONLY, "batch": LISTS, "slice": LISTS, "map": LISTS, "select": LISTS,
    "reject": LISTS, "selectattr": LISTS, "rejectattr": LISTS, "items": DICTS, "format": STRS_ONLY,
    "filesizeformat": NUMS, "striptags": STRS_ONLY, "attr": DICTS, "groupby": LISTS, "xmlattr": DICTS,
    "urlize": STRS_ONLY, "indent": STRS_ONLY, "first": SEQS, "last": SEQS, "length": SEQS + DICTS,
    "count": SEQS + DICTS, "reverse": SEQS,
}
TESTS = ["defined", "undefined", "none", "number", "string", "mapping", "sequence", "iterable",
         "callable", "boolean", "false", "true", "integer", "float", "lower", "upper", "even",
         "odd", "divisibleby(3)", "divisibleby 2", "eq(3)", "ne 1", "lt(2)", "le 2", "gt(0)", "ge 1",
         "==(1)", "in([1, 'a', none])", "in('abc')", "sameas(none)", "sameas true", "escaped",
         "filter", "test"]

STR_METHODS = ["upper()", "lower()", "strip()", "strip('H')", "lstrip()", "rstrip('d')", "split()",
               "split(',')", "split(' ', 1)", "rsplit(',', 1)", "replace('l', 'L')", "replace('o', '', 1)",
               "startswith('H')", "endswith(('d', 'x'))", "find('o')", "rfind('o')", "index('o')",
               "count('l')", "title()", "capitalize()", "swapcase()", "casefold()", "isdigit()",
               "isalpha()", "isalnum()", "isspace()", "islower()", "isupper()", "istitle()",
               "center(9, '*')", "ljust(6, '.')", "rjust(6)", "zfill(5)", "partition(',')",
               "rpartition(' ')", "splitlines()", "removeprefix('He')", "removesuffix('ld')",
               "format(1, 2)", "join(['x', 'y'])", "encode('utf-8')|string"]
LIST_METHODS = ["index(1)", "count(1)", "copy()", "append(9)", "pop()", "pop(0)", "insert(0, 'x')",
                "extend([4])", "remove(1)", "reverse()", "sort()", "clear()"]
DICT_METHODS = ["get('a')", "get('zz', 0)", "get('zz')", "keys()", "values()", "items()", "copy()",
                "pop('a')", "pop('zz', 1)", "setdefault('n', 1)", "update({'x': 1})", "popitem()",
                "clear()", "keys()|list", "items()|list"]


def _is_literal(src):
    """A whole string, list, tuple or dict literal (a postfix operator binds to all of it)."""
    if src[:1] in "'\"":
        return src in STRS
    if src[:1] not in "[({":
        return False
    depth = 0
    for pos, ch in enumerate(src):
        depth += ch in "[({"
        depth -= ch in "])}"
        if depth == 0:
            return pos == len(src) - 1
    return False


class ExpressionGenerator:
    """Deterministic for a seed. `template()` returns (template, features)."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.features = set()

    def template(self):
        self.features = set()
        expr, _ = self.expr(self.rng.choice([2, 3, 3, 4]))
        roll = self.rng.random()
        if roll < 0.75:
            return "{{ %s }}" % expr, sorted(self.features)
        self.features.add("wrap")
        if roll < 0.83:
            return "{%% if %s %%}T{%% else %%}F{%% endif %%}" % expr, sorted(self.features)
        if roll < 0.91:
            return "{%% for x in %s %%}{{ loop.index }}:{{ x }};{%% else %%}empty{%% endfor %%}" % expr, \
                sorted(self.features)
        return "{%% set v = %s %%}[{{ v }}]" % expr, sorted(self.features)

    # -- expressions: (source, kind) -------------------------------------------------
    def expr(self, depth):
        if depth <= 0 or self.rng.random() < 0.15:
            return self.leaf()
        choice = self.rng.choices(
            ["arith", "concat", "logic", "compare", "member", "cond", "filter", "test", "access",
             "method", "container", "unary", "call"],
            [14, 6, 6, 10, 5, 5, 18, 8, 8, 10, 5, 4, 1])[0]
        return getattr(self, "_" + choice)(depth - 1)

    def leaf(self):
        r = self.rng.random()
        if r < 0.45:
            name = self.rng.choice(list(VARS))
            self.features.add("undefined" if name == "u" else "var")
            return name, VARS[name]
        if r < 0.6:
            return self.rng.choice(INTS), "int"
        if r < 0.7:
            return self.rng.choice(FLOATS), "float"
        if r < 0.88:
            return self.rng.choice(STRS), "str"
        src, kind = self.rng.choice(CONSTS)
        return src, kind

    def sub(self, depth, kinds=None, postfix=False, tries=6):
        """A sub-expression, preferably of one of `kinds`, in parentheses unless it is a leaf;
        operands of binary operators sometimes go without, to exercise precedence."""
        for _ in range(tries):
            src, kind = self.expr(depth)
            if kinds is None or kind in kinds or (kind == "any" and self.rng.random() < 0.3):
                break
        simple = src.replace("_", "").replace(".", "").isalnum() or _is_literal(src)
        if simple or (not postfix and self.rng.random() < 0.2):
            return src, kind
        return f"({src})", kind

    def _arith(self, d):
        op = self.rng.choice(["+", "-", "*", "/", "//", "%", "**"])
        self.features.add("op:" + op)
        if op == "**":
            left, kind = self.sub(d, NUM)
            # integer exponents only: a fractional power of a negative number is complex in Python
            return f"{left} ** {self.rng.choice(SMALL + ['4'])}", kind
        if op == "*" and self.rng.random() < 0.3:
            seq, kind = self.sub(d, SEQ)
            small = self.rng.choice(SMALL)
            return (f"{seq} * {small}" if self.rng.random() < 0.5 else f"{small} * {seq}"), kind
        if op == "%" and self.rng.random() < 0.4:
            self.features.add("percent-format")
            fmt = self.rng.choice(["'%s'", "'%d'", "'%5.2f'", "'%-4s|'", "'%r'", "'%x'", "'%s-%s'", "'%%'", "'%(a)s'"])
            arg, _ = self.sub(d)
            return f"{fmt} % {arg}", "str"
        kinds = ("str", "list", "tuple") if op == "+" and self.rng.random() < 0.3 else NUM
        left, lk = self.sub(d, kinds)
        right, rk = self.sub(d, kinds if op != "*" else NUM)
        kind = "float" if "float" in (lk, rk) or op == "/" else lk
        return f"{left} {op} {right}", kind

    def _concat(self, d):
        self.features.add("op:~")
        return f"{self.sub(d)[0]} ~ {self.sub(d)[0]}", "str"

    def _logic(self, d):
        op = self.rng.choice(["and", "or", "not"])
        self.features.add("op:" + op)
        if op == "not":
            return f"not {self.sub(d)[0]}", "bool"
        return f"{self.sub(d)[0]} {op} {self.sub(d)[0]}", "any"

    def _compare(self, d):
        ops = ["==", "!=", "<", "<=", ">", ">="]
        kinds = self.rng.choice([NUM, ("str",), ("list", "tuple"), None])
        parts = [self.sub(d, kinds)[0]]
        for _ in range(self.rng.choice([1, 1, 1, 2])):
            op = self.rng.choice(ops)
            self.features.add("cmp:" + op)
            parts += [op, self.sub(d, kinds)[0]]
        if len(parts) > 3:
            self.features.add("cmp-chain")
        return " ".join(parts), "bool"

    def _member(self, d):
        op = self.rng.choice(["in", "not in"])
        self.features.add("op:" + op)
        return f"{self.sub(d)[0]} {op} {self.sub(d, ('list', 'str', 'dict', 'tuple'))[0]}", "bool"

    def _cond(self, d):
        self.features.add("conditional")
        a, ak = self.sub(d)
        if self.rng.random() < 0.2:
            return f"{a} if {self.sub(d)[0]}", ak
        return f"{a} if {self.sub(d)[0]} else {self.sub(d)[0]}", "any"

    def _filter(self, d):
        name = self.rng.choice(list(FILTERS))
        args, kind = FILTERS[name]
        self.features.add("filter:" + name)
        operand, _ = self.sub(d, FILTER_OPERANDS.get(name), postfix=True)
        src = f"{operand}|{name}{self.rng.choice(args)}"
        if kind == "iter":
            return src + self.rng.choice(["|list", "|list", "|join(',')"]), "list"
        return src, kind

    def _test(self, d):
        test = self.rng.choice(TESTS)
        self.features.add("test:" + test.split("(")[0].split(" ")[0])
        neg = "not " if self.rng.random() < 0.25 else ""
        return f"{self.sub(d, postfix=True)[0]} is {neg}{test}", "bool"

    def _access(self, d):
        base, kind = self.sub(d, ("dict", "list", "str", "tuple"), postfix=True)
        r = self.rng.random()
        if r < 0.35:
            self.features.add("attr")
            return f"{base}.{self.rng.choice(ATTRS)}", "any"
        if r < 0.7:
            self.features.add("item")
            key = self.rng.choice(KEYS) if self.rng.random() < 0.8 else self.sub(d, ("int", "str"))[0]
            return f"{base}[{key}]", "any"
        self.features.add("slice")
        bounds = ["", "1", "-1", "-2", "0", "2", "10"]
        step = self.rng.choice(["", "", ":2", ":-1", ":-2", ":1"])
        return f"{base}[{self.rng.choice(bounds)}:{self.rng.choice(bounds)}{step}]", kind

    def _method(self, d):
        kind = self.rng.choice(["str", "list", "dict"])
        base, _ = self.sub(d, (kind,), postfix=True)
        table = {"str": STR_METHODS, "list": LIST_METHODS, "dict": DICT_METHODS}[kind]
        method = self.rng.choice(table)
        self.features.add(f"method:{kind}.{method.split('(')[0]}")
        return f"{base}.{method}", "any"

    def _container(self, d):
        shape = self.rng.choice(["list", "tuple", "dict", "empty"])
        self.features.add("literal:" + shape)
        items = [self.sub(d)[0] for _ in range(self.rng.choice([1, 2, 3]))]
        if shape == "list":
            return "[" + ", ".join(items) + ("," if self.rng.random() < 0.1 else "") + "]", "list"
        if shape == "tuple":
            return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")", "tuple"
        if shape == "dict":
            keys = self.rng.sample(KEYS[:6], len(items))
            return "{" + ", ".join(f"{k}: {v}" for k, v in zip(keys, items)) + "}", "dict"
        return self.rng.choice(["[]", "()", "{}"]), "list"

    def _unary(self, d):
        op = self.rng.choice(["-", "+"])
        self.features.add("unary:" + op)
        operand, kind = self.sub(d, NUM)
        return f"{op}{operand}", kind

    def _call(self, d):
        self.features.add("global")
        return self.rng.choice(["range(5)|list", "range(1, 10, 3)|list", "range(3, 0, -1)|list",
                                "dict(a=1, b='x')", "namespace(a=1).a", "range(0)|list"]), "list"
