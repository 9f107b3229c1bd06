"""Parse-only cases: every *.sql file of the dbt-utils corpus (../shared/corpus): its macros,
and the models, tests and macros of its integration_tests project.

The corpus is read-only third-party code: it is read in place, never copied into the repo.
"""
import re
from pathlib import Path

# dbt's own block tags: files using them parse only in dbt's environment
DBT_TAGS = re.compile(r"\{%-?\s*(test|materialization|docs)\s")


def corpus_root(repo_root):
    return Path(repo_root).resolve().parent / "shared" / "corpus" / "dbt-utils"


def corpus_cases(repo_root):
    """(cases, note): note says why there are none when the corpus is absent."""
    root = corpus_root(repo_root)
    if not root.is_dir():
        return [], f"NOTE: {root} not found; dbt-utils parse cases skipped"
    files = sorted(root.rglob("*.sql"))
    cases = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        cases.append({"id": f"dbt-utils.{rel}", "template": text, "mode": "parse",
                      "where": f"../shared/corpus/dbt-utils/{rel}",
                      "dbt_only": bool(DBT_TAGS.search(text))})
    return cases, None
