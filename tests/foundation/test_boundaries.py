"""The algorithm packages are plain Python: no Flask, SQLAlchemy or WTForms inside."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE = ["fairmatch.supplychain", "fairmatch.printing", "fairmatch.scheduling", "fairmatch.floorplan", "fairmatch.exchange",
        "fairmatch.enterprises.keys", "fairmatch.vocabulary", "fairmatch.demo.generate"]


def pure_modules() -> list[str]:
    found = []
    for name in PURE:
        path = ROOT / name.replace(".", "/")
        if path.is_dir():
            found += [f"{name}.{p.stem}" if p.stem != "__init__" else name for p in sorted(path.glob("*.py"))
                      if p.stem != "__main__"]
        else:
            found.append(name)
    return found


@pytest.mark.parametrize("module", pure_modules())
def test_the_pure_core_imports_no_web_or_database_framework(module):
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'sqlalchemy', 'wtforms', "
        "'flask_sqlalchemy', 'flask_babel', 'flask_login', 'flask_wtf')); print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
