"""Reads the hand-written cases of cases/*.cases (format in README.md).

    ### a comment line (anywhere)
    === @context {"x": 1}                 default context for the cases below, in this file
    === name [flag ...] [{context}] [:: one-line template]
    template lines (the newline before the next `===` line and trailing blank lines are not part of it)

A case's id is `<file stem>.<name>`. Flags: `nl` (the template ends with a newline),
`parse` (parse only), `dbt` (needs dbt's own tags: left out with the fallback oracle),
`msg` / `nomsg` (compare the error message / do not, overriding the default, which compares
it only for undefined errors).
"""
import json
from pathlib import Path

FLAGS = {"nl", "parse", "dbt", "msg", "nomsg"}


class CaseFileError(Exception):
    pass


def read_case_dir(folder):
    cases, seen = [], {}
    for path in sorted(Path(folder).glob("*.cases")):
        for case in read_case_file(path):
            if case["id"] in seen:
                raise CaseFileError(f"{path}: case id {case['id']} already used in {seen[case['id']]}")
            seen[case["id"]] = path.name
            cases.append(case)
    return cases


def read_case_file(path):
    path = Path(path)
    cases, default_ctx, current = [], None, None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line.startswith("###"):
            continue
        if line.startswith("==="):
            if current:
                cases.append(_finish(path, current))
            current = None
            header = line[3:].strip()
            if header.startswith("@context"):
                default_ctx = _json(path, lineno, header[len("@context"):].strip())
                continue
            current = _header(path, lineno, header, default_ctx)
        elif current is not None:
            current["lines"].append(line)
        elif line.strip():
            raise CaseFileError(f"{path}:{lineno}: text outside a case (a case starts with '=== name')")
    if current:
        cases.append(_finish(path, current))
    return cases


def _header(path, lineno, header, default_ctx):
    inline = None
    if " :: " in f" {header} ":
        head, _, inline = f" {header} ".partition(" :: ")
        header, inline = head.strip(), inline[:-1]
    name, _, rest = header.partition(" ")
    if not name:
        raise CaseFileError(f"{path}:{lineno}: a case needs a name")
    flags, ctx = set(), default_ctx
    rest = rest.strip()
    while rest and not rest.startswith("{"):
        flag, _, rest = rest.partition(" ")
        if flag not in FLAGS:
            raise CaseFileError(f"{path}:{lineno}: unknown flag {flag!r} (known: {sorted(FLAGS)})")
        flags.add(flag)
        rest = rest.strip()
    if rest:
        ctx = _json(path, lineno, rest)
    return {"id": f"{path.stem}.{name}", "flags": flags, "ctx": ctx, "inline": inline,
            "lines": [], "where": f"{path.name}:{lineno}"}


def _json(path, lineno, text):
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise CaseFileError(f"{path}:{lineno}: context is not JSON: {e}") from e
    if not isinstance(value, dict):
        raise CaseFileError(f"{path}:{lineno}: context must be a JSON object")
    return value


def _finish(path, current):
    lines = current["lines"]
    while lines and not lines[-1].strip():
        lines.pop()
    if current["inline"] is not None:
        if lines:
            raise CaseFileError(f"{current['where']}: a one-line case (::) cannot have template lines too")
        template = current["inline"]
    else:
        template = "\n".join(lines)
    if "nl" in current["flags"]:
        template += "\n"
    flags = current["flags"]
    case = {"id": current["id"], "template": template, "where": current["where"],
            "mode": "parse" if "parse" in flags else "render", "dbt_only": "dbt" in flags}
    if "msg" in flags:
        case["compare_message"] = True
    elif "nomsg" in flags:
        case["compare_message"] = False
    if current["ctx"] is not None:
        case["context_json"] = json.dumps(current["ctx"])
    return case
