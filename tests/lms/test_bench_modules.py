"""`make bench` runs every benchmark in bench/, so none the README quotes can be left out of the table."""

import ast
from pathlib import Path

from bench.__main__ import SCENARIO_MODULES

BENCH = Path(__file__).resolve().parents[2] / "bench"
MEASURES = {"scenarios", "load_section"}  # what bench/__main__.py runs of a module


def test_make_bench_runs_every_module_that_measures_something():
    measuring = {
        f"bench.{path.stem}"
        for path in BENCH.glob("*.py")
        if MEASURES & {node.name for node in ast.parse(path.read_text()).body if isinstance(node, ast.FunctionDef)}
    }
    assert "bench.certificates_issue" in measuring
    assert sorted(measuring - set(SCENARIO_MODULES)) == []
