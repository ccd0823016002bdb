"""The house's layers, enforced: the algorithm packages are plain Python (no Flask, SQLAlchemy or
WTForms), the pure kernel and the fair edition import no feature, features never reach up into
the organizer console, and only the web layer reads the signed-in user."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "fairmatch"
PURE = ["fairmatch.supplychain", "fairmatch.printing", "fairmatch.scheduling", "fairmatch.floorplan",
        "fairmatch.common", "fairmatch.enterprises.words", "fairmatch.demo", "fairmatch.notifications.mail"]
WEB_OR_DATABASE = ("flask", "sqlalchemy", "wtforms", "flask_sqlalchemy", "flask_babel", "flask_login", "flask_wtf")
FEATURES = ("auth", "enterprises", "booths", "matching", "meetings", "organizer", "api", "notifications", "home",
            "fairs", "demo", "printing", "web")
# Web modules that are not blueprints yet may read the signed-in user: the route guards and what
# every page or template needs to know about the request.
WEB_LAYER = {"fairmatch.auth.decorators", "fairmatch.i18n", "fairmatch.templating"}


def modules_of(name: str) -> list[str]:
    """The package's modules (entry points excepted: importing them would run them), or the module."""
    path = ROOT / name.replace(".", "/")
    if not path.is_dir():
        return [name]
    return [name] + [f"{name}.{p.stem}" for p in sorted(path.glob("*.py")) if p.stem not in ("__init__", "__main__")]


def sources(package: str) -> dict[str, ast.Module]:
    """Every module under `fairmatch.<package>` (or the whole package for ""), parsed, by dotted name."""
    folder = PACKAGE / package if package else PACKAGE
    parsed = {}
    for path in sorted(folder.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        parsed[name] = ast.parse(path.read_text("utf-8"))
    return parsed


def imported(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _feature(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "fairmatch" and parts[1] in FEATURES else None


@pytest.mark.parametrize("package", PURE)
def test_the_pure_core_imports_no_web_or_database_framework(package):
    modules = modules_of(package)
    code = (
        f"import sys, importlib\nfor m in {modules!r}: importlib.import_module(m)\n"
        f"print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {WEB_OR_DATABASE!r})))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert len(modules) >= 1
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("package", ["booths", "meetings", "enterprises", "matching", "fairs"])
def test_features_never_reach_up_into_the_organizer_console(package):
    reaching = {module: sorted(n for n in imported(tree) if n.startswith("fairmatch.organizer"))
                for module, tree in sources(package).items()}
    assert {module: names for module, names in reaching.items() if names} == {}


@pytest.mark.parametrize("package", ["supplychain", "scheduling", "common"])
def test_the_pure_kernel_imports_no_feature(package):
    features = {module: sorted(n for n in imported(tree) if _feature(n))
                for module, tree in sources(package).items()}
    assert {module: names for module, names in features.items() if names} == {}


def test_the_fair_edition_imports_no_feature_above_it():
    features = {module: sorted(n for n in imported(tree) if _feature(n) not in (None, "fairs"))
                for module, tree in sources("fairs").items()}
    assert {module: names for module, names in features.items() if names} == {}


def _is_view(module: str) -> bool:
    """A module of pages or API endpoints: `views.py`, `*_views.py`, a `views/` package, a console, the API."""
    last = module.rsplit(".", 1)[-1]
    return last.endswith(("views", "console")) or ".views." in module or module.startswith("fairmatch.api.")


def test_only_the_web_layer_reads_the_signed_in_user():
    """Services take the actor as an argument: they can run from a command, a task or a test."""
    readers = [module for module, tree in sources("").items() if "flask_login.current_user" in imported(tree)]
    assert len(readers) > 10
    assert [module for module in readers if not _is_view(module) and module not in WEB_LAYER] == []
