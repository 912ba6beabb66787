"""The layout holds: apps import only apps below them, no module imports itself round in a circle,
and no application module grows past 500 lines (README, "How the code is laid out")."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Lowest first. A module may import its own app and any app before it; `demo` builds the demo
# program from every app and `bench` measures them, so they sit on top.
ORDER = "lms accounts courses enrollment attendance feedback certificates home ops demo bench".split()
MAX_LINES = 500


def _modules():
    for app in ORDER:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield app, path


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path):
    """Every absolute module name `path` imports (relative imports resolved), with the line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield module, node.lineno
            for alias in node.names:
                yield f"{module}.{alias.name}", node.lineno


def test_no_app_imports_an_app_above_it():
    rank = {app: i for i, app in enumerate(ORDER)}
    wrong = []
    for app, path in _modules():
        for module, line in _imports(path):
            other = module.split(".")[0]
            if other in rank and rank[other] > rank[app]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not sorted(set(wrong)), "\n".join(sorted(set(wrong)))


def test_no_import_cycle_between_modules():
    names = {_module_name(path): path for _, path in _modules()}
    graph = {}
    for name, path in names.items():
        targets = set()
        for module, _ in _imports(path):
            # `from package import module` names a module; `from module import name` names the module.
            while module and module not in names:
                module = module.rpartition(".")[0]
            if module and module != name and not name.startswith(module + "."):
                targets.add(module)
        graph[name] = targets

    cycles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append(" -> ".join(trail[trail.index(target) :] + [target]))
            elif target not in state:
                visit(target, trail + [target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "\n".join(cycles)


@pytest.mark.parametrize("app", ORDER)
def test_no_application_module_is_over_500_lines(app):
    long = [
        f"{path.relative_to(ROOT)}: {n} lines"
        for _, path in _modules()
        if path.parts[len(ROOT.parts)] == app and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert not long, "\n".join(long)
