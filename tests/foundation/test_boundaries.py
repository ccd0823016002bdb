"""The algorithm packages are plain Python: no Flask, SQLAlchemy or WTForms inside."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE = ["fairmatch.supplychain", "fairmatch.printing", "fairmatch.scheduling", "fairmatch.floorplan",
        "fairmatch.common", "fairmatch.enterprises.words", "fairmatch.demo", "fairmatch.notifications.mail"]
WEB_OR_DATABASE = ("flask", "sqlalchemy", "wtforms", "flask_sqlalchemy", "flask_babel", "flask_login", "flask_wtf")


def modules_of(name: str) -> list[str]:
    """The package's modules (entry points excepted: importing them would run them), or the module."""
    path = ROOT / name.replace(".", "/")
    if not path.is_dir():
        return [name]
    return [name] + [f"{name}.{p.stem}" for p in sorted(path.glob("*.py")) if p.stem not in ("__init__", "__main__")]


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
