"""The tagger stays readable: small modules, short functions, and only the resolver reads the context."""

from __future__ import annotations

import ast
from pathlib import Path

TEMPORAL = Path(__file__).resolve().parent.parent / "timeline" / "temporal"
MODULES = sorted(TEMPORAL.rglob("*.py"))


def test_no_module_in_the_tagger_is_over_400_lines():
    long = {str(p.relative_to(TEMPORAL)): n for p in MODULES if (n := len(p.read_text().splitlines())) > 400}
    assert not long


def test_no_function_in_the_tagger_is_over_50_lines():
    long = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > 50:
                long.append(f"{path.relative_to(TEMPORAL)}:{node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert not long


def test_the_checks_see_every_module():
    assert len(MODULES) >= 15 and any(p.parent.name == "rules" for p in MODULES)
