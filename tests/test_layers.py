"""The folder tree is the architecture: each layer imports only the layers before it, and nothing cycles.

    fetch -> extract -> track -> publish        (pure stages; fetch reads the network)
    store (reads track's types)                 run (one check, the cycle, the scheduler)
    cli, demo (the only users of run)

Every import counts, also those made inside functions or only for type checking: a cycle there is still a
cycle a reader has to untangle.
"""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "monitor"

# Leaf modules every layer may use: they import nothing from the package but each other.
SHARED = frozenset({"errors", "limits", "numbers", "redact", "stages", "yamlfile"})
# What each part of the package may import, besides itself and SHARED. A missing key means "anything".
ALLOWED = {
    "fetch": frozenset(),
    "extract": frozenset(),
    "track": frozenset({"extract"}),
    "publish": frozenset({"extract", "track"}),
    "store": frozenset({"track"}),
    "run": frozenset({"config", "fetch", "extract", "track", "publish", "store"}),
    # config checks a notify target's alert names and message templates against publish/ (issue 15)
    "config": frozenset({"extract", "publish"}),
    "logs": frozenset(),
    "errors": frozenset(),
    "numbers": frozenset(),
    "yamlfile": frozenset(),
    "limits": frozenset(),
    "redact": frozenset(),
    "stages": frozenset(),
    "__init__": frozenset(),
}
RUN_USERS = frozenset({"cli", "demo", "run"})


def _module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, package: Path) -> Iterator[tuple[int, str]]:
    """(line, imported module) for every import of the package in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = _module_name(path, package).split(".")
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here if is_package else here[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:  # `from monitor.extract import text` imports monitor.extract.text
                yield node.lineno, f"{module}.{alias.name}"


def _part(module: str) -> str | None:
    """The layer of a module of the package: 'extract' for monitor.extract.items.figures."""
    parts = module.split(".")
    if parts[0] != "monitor":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def _modules(package: Path) -> dict[str, Path]:
    return {_module_name(p, package): p for p in package.rglob("*.py")}


def layer_violations(package: Path = PACKAGE) -> list[str]:
    """Every import that crosses the layers the wrong way, as 'file:line: a imports b (why)'."""
    problems: list[str] = []
    modules = _modules(package)
    for name, path in sorted(modules.items()):
        source = _part(name)
        for line, target in _imports(path, package):
            dest = _part(target)
            if dest is None or source is None or dest == source or dest in SHARED:
                continue
            where = f"{path.relative_to(package.parent)}:{line}: {name} imports {target}"
            if dest == "run" and source not in RUN_USERS:
                problems.append(f"{where} (only cli and demo may use run/)")
            elif source in ALLOWED and dest not in ALLOWED[source]:
                allowed = ", ".join(sorted(ALLOWED[source] | SHARED))
                problems.append(f"{where} ({source}/ may import only {allowed})")
    return problems


def import_cycles(package: Path = PACKAGE) -> list[list[str]]:
    """Cycles among the package's modules (each import to the module it names, or its nearest package)."""
    modules = _modules(package)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for _, target in _imports(path, package):
            while target and target not in modules:
                target = target.rpartition(".")[0]
            # A package's __init__ re-exporting its own modules, and a module naming its package: no cycle.
            if target and target != name and not name.startswith(target + ".") and not target.startswith(
                name + "."
            ):
                graph[name].add(target)
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


def test_each_layer_imports_only_the_layers_before_it() -> None:
    problems = layer_violations()
    assert not problems, "imports against the layers:\n" + "\n".join(problems)


def test_no_import_cycles() -> None:
    cycles = import_cycles()
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize(
    ("file", "planted", "named"),
    [
        ("extract/text.py", "from monitor.store import open_store\n", "extract.text imports monitor.store"),
        ("track/timeline.py", "import monitor.run.check\n", "(only cli and demo may use run/)"),
        ("store/records.py", "from monitor.config import Config\n", "store/ may import only"),
        ("publish/report.py", "from monitor.fetch import client\n", "monitor.fetch.client"),
    ],
)
def test_a_planted_back_import_is_named(tmp_path: Path, file: str, planted: str, named: str) -> None:
    copy = tmp_path / "monitor"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / file
    target.write_text(planted + target.read_text(encoding="utf-8"), encoding="utf-8")
    problems = layer_violations(copy)
    assert any(named in p and file in p for p in problems), problems


def test_a_planted_cycle_is_found(tmp_path: Path) -> None:
    copy = tmp_path / "monitor"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    numbers = copy / "extract" / "sentences.py"
    numbers.write_text("from monitor.extract import text\n" + numbers.read_text(encoding="utf-8"))
    text = copy / "extract" / "text.py"
    text.write_text("from monitor.extract import sentences\n" + text.read_text(encoding="utf-8"))
    assert any("monitor.extract.sentences" in c and "monitor.extract.text" in c for c in import_cycles(copy))


def test_every_module_is_named_in_the_readmes_layout_table() -> None:
    # The README's table is the map a newcomer reads the tree by: a module it does not name is one they
    # find only by listing folders. (Alembic's migration scripts are listed by their folder.)
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([^`\s]*\.py)`", readme))
    unnamed = sorted(
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
        if path.name != "__init__.py" and "versions" not in path.parts
        and not any(n == path.name or n.endswith("/" + path.name) for n in named))
    assert not unnamed, "modules the README's layout table does not name: " + ", ".join(unnamed)


def test_no_module_runs_much_past_600_lines() -> None:
    # A module is read in one sitting (STYLE.md); past about 600 lines it holds more than one idea.
    long = sorted(f"{path.relative_to(PACKAGE)} ({n} lines)" for path in PACKAGE.rglob("*.py")
                  if (n := len(path.read_text(encoding="utf-8").splitlines())) > 620)
    assert not long, "modules to split: " + ", ".join(long)
