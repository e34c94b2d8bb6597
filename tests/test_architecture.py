"""The layout is checkable: one rule per file, a catalogue as data, imports that flow one way."""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import pytest

from linter import rules as catalogue
from linter.rules import CATALOG, FAMILIES, load_rules

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "linter"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, modules: set[str], here: str) -> set[str]:
    """linter modules imported anywhere in the tree (inside functions too), except under TYPE_CHECKING."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("linter"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("linter"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in modules else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    found.discard(here)
    return {m for m in found if m in modules}


def import_graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    return {name: _imports(ast.parse(path.read_text("utf-8")), modules, name) for name, path in files.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_no_import_cycle_in_linter():
    assert _cycle(import_graph()) is None, " -> ".join(_cycle(import_graph()) or [])


def _family_of_module(name: str) -> str | None:
    parts = name.split(".")
    if len(parts) >= 4 and parts[:2] == ["linter", "rules"] and parts[2].upper() in FAMILIES:
        return parts[2]
    return None


def test_no_rule_module_imports_a_rule_module_of_another_family():
    for name, imported in import_graph().items():
        family = _family_of_module(name)
        if family is None:
            continue
        others = {m for m in imported if _family_of_module(m) not in (None, family)}
        assert not others, f"{name} imports {sorted(others)}"


def test_reporters_import_no_rule_logic_config_or_engine():
    forbidden_prefixes = ("linter.config", "linter.engine", "linter.commands", "linter.corpus", "linter.parallel")
    for name, imported in import_graph().items():
        if not name.startswith("linter.reporters"):
            continue
        bad = {m for m in imported if m.startswith(forbidden_prefixes) or _family_of_module(m)}
        assert not bad, f"{name} imports {sorted(bad)}"


def test_every_catalogue_row_names_its_file_and_agrees_with_it():
    for code, row in CATALOG.items():
        path = PACKAGE / "rules" / row.family.lower() / f"{code.lower()}_{row.name.replace('-', '_')}.py"
        assert path.is_file(), f"{code}: expected {path.relative_to(ROOT)}"
        assert row.module_path == _module_name(path)
        rule = load_rules([code])[code]
        assert (rule.code, rule.name, rule.default, rule.kind) == (code, row.name, row.default, row.kind)
        assert row.family in FAMILIES, f"{code}: family {row.family} has no row in FAMILIES"


def test_selecting_rules_imports_only_their_modules(tmp_path):
    import subprocess

    article = tmp_path / "a.md"
    article.write_text("# Title\n\nA claim [1].\n")
    probe = (
        "import sys; from linter.cli import main; main(['check', '--isolated', '--no-cache', '-q', '--select', 'CIT001', "
        f"{str(article)!r}]); print(sorted(m for m in sys.modules if m.startswith('linter.rules.')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False).stdout
    loaded = [m for m in json.loads(out.strip().splitlines()[-1].replace("'", '"')) if _family_of_module(m)]
    assert loaded == ["linter.rules.cit.cit001_undefined_citation"]


DUMMY = '''
from linter.rules.base import rule


@rule("ZZZ001", "dummy-rule", "warning", "A rule added by a test.", whole_article=True)
def dummy(graph, options, me):
    """
    ## What it does
    Flags every article, to show a new rule needs one file and one row.
    """
    yield me.whole_article_finding(graph, "dummy finding")
'''


@pytest.fixture
def dummy_rule(tmp_path, monkeypatch):
    (tmp_path / "zzz_dummy_rule.py").write_text(DUMMY)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(CATALOG, "ZZZ001", catalogue.CatalogRow("ZZZ001", "dummy-rule", module="zzz_dummy_rule"))
    monkeypatch.setitem(FAMILIES, "ZZZ", catalogue.Family("ZZZ", "Dummy family"))
    yield
    catalogue._loaded.pop("ZZZ001", None)
    sys.modules.pop("zzz_dummy_rule", None)


def test_a_new_rule_is_one_file_and_one_row(dummy_rule, tmp_path, capsys):
    from linter.cli import main

    article = tmp_path / "a.md"
    article.write_text("# Title\n\nText.\n")
    assert main(["rules"]) == 0
    assert "ZZZ001   dummy-rule" in capsys.readouterr().out
    assert main(["check", "--isolated", "--no-cache", "--select", "ZZZ", "--format", "sarif", str(article)]) == 1
    sarif = json.loads(capsys.readouterr().out)
    assert "ZZZ001" in [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["ZZZ001"]
    report = tmp_path / "r.html"
    assert main(["report", "--isolated", "--no-cache", "--select", "ZZZ", "-o", str(report), str(article)]) == 1
    page = report.read_text()
    assert "ZZZ001" in page and "dummy finding" in page and "<th scope='row'>ZZZ <span" in page
    assert 'id="rule-ZZZ001"' in page
