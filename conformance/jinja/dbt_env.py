"""The oracle: Python's Jinja2 set up as dbt-core 1.11 sets it up, and how one case runs in it.

dbt builds its environment in dbt_common.clients.jinja.get_environment: a sandboxed
environment (MacroFuzzEnvironment) with the `do` and `loopcontrols` extensions, dbt's
`materialization`/`docs`/`test` tags, typed macro parameters and the text filters
(as_text, as_bool, as_native, as_number, is_list). Templates are made with
`env.from_string(source, globals=ctx)` and rendered with `template.render(ctx)`.

One deliberate change: dbt renames every `{% macro m %}` to `dbt_macro__m` while parsing
and exposes macros to templates by their plain name through its own MacroGenerator
objects (a layer above the language, which Mallard implements in mallard-core). Here the
renaming is undone, so a macro defined in a template is callable by its name, as in plain
Jinja2 and in the Java engine's language layer. Everything else is dbt's code.

Without dbt in the running Python, the fallback is Jinja2's own SandboxedEnvironment (the
class dbt's environment extends) with `do`, `loopcontrols` and identity stand-ins for the
text filters; dbt's block tags are then missing, and cases flagged `dbt` are left out.
"""
import json
import re

import jinja2
import jinja2.ext
import jinja2.parser
import jinja2.sandbox

# an object's default repr carries its address, which differs from run to run
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+>")


def make_environment():
    """(environment, description) — dbt's environment when dbt_common is importable."""
    try:
        from dbt_common.clients import jinja as dbt_jinja
    except ImportError:
        return _fallback_environment(), _describe("jinja2 sandbox fallback (dbt_common not importable)")

    class OracleParser(dbt_jinja.MacroFuzzParser):
        # jinja2's own parse_macro: same signature parsing (dbt's, via self), no renaming
        parse_macro = jinja2.parser.Parser.parse_macro

    class OracleEnvironment(dbt_jinja.MacroFuzzEnvironment):
        def _parse(self, source, name, filename):
            return OracleParser(self, source, name, filename).parse()

    reference = dbt_jinja.get_environment(node=None, capture_macros=False)
    env = OracleEnvironment(extensions=[type(ext) for ext in reference.extensions.values()])
    env.filters.update(dbt_jinja.TEXT_FILTERS)
    _check_same_setup(reference, env)
    from importlib.metadata import version
    return env, _describe(f"dbt_common {version('dbt-common')} get_environment (macro names not fuzzed)")


def _fallback_environment():
    env = jinja2.sandbox.SandboxedEnvironment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])
    env.filters.update({"as_text": lambda x: x, "as_bool": lambda x: x, "as_native": lambda x: x,
                        "as_number": lambda x: x, "is_list": lambda x: isinstance(x, list)})
    return env


def _check_same_setup(reference, env):
    for attr in ("trim_blocks", "lstrip_blocks", "keep_trailing_newline", "undefined", "finalize",
                 "autoescape", "newline_sequence", "block_start_string", "line_statement_prefix"):
        if getattr(reference, attr) != getattr(env, attr):
            raise SystemExit(f"oracle environment differs from dbt's in {attr}")
    if sorted(reference.filters) != sorted(env.filters) or sorted(reference.tests) != sorted(env.tests):
        raise SystemExit("oracle environment's filters or tests differ from dbt's")


def _describe(kind):
    return {"oracle": kind, "jinja2": jinja2.__version__}


def is_dbt(description):
    return description["oracle"].startswith("dbt_common")


def run_case(env, case):
    """The expected result of one case: {"id", "ok": True, "out"} or {"id", "ok": False, "error"}."""
    source = case["template"]
    phase = "parse"
    try:
        if case.get("mode") == "parse":
            # what dbt does when it loads a macro file: from_string = parse + compile
            env.from_string(source)
            return {"id": case["id"], "ok": True, "out": ""}
        ctx = json.loads(case["context_json"]) if "context_json" in case else {}
        template = env.from_string(source, globals=ctx)
        phase = "render"
        out = template.render(ctx)
    except Exception as e:  # everything a template can raise is an expected outcome
        return _error(case, phase, e)
    if not isinstance(out, str):
        out = str(out)
    return {"id": case["id"], "ok": True, "out": out}


def _error(case, phase, e):
    message = e.message if isinstance(e, jinja2.TemplateError) and e.message is not None else str(e)
    return {"id": case["id"], "ok": False,
            "error": {"type": type(e).__name__, "phase": phase, "message": message}}
