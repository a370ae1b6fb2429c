"""Packaging: the commands start without Textual, and the bundled data is found however it is installed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomli
from support import ROOT, run_python

import tui
from tui.core import resources


def imported_modules(importtime_stderr: str) -> set[str]:
    """The module names in ``python -X importtime`` output ("import time: self | cumulative | name")."""
    modules = set()
    for line in importtime_stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "imported package" not in line:
            modules.add(line.rsplit("|", 1)[1].strip())
    return modules


def test_check_never_imports_textual(tmp_path: Path) -> None:
    result = run_python("-X", "importtime", "-m", "tui", "check", cwd=tmp_path)
    assert result.status == 0, result.err
    modules = imported_modules(result.err)
    assert {"tui.cli", "tui.core.loader", "tomli"} <= modules  # the parse works: it sees what was imported
    textual = sorted(name for name in modules if name == "textual" or name.startswith("textual."))
    assert textual == []
    assert "typing" not in modules  # 3-5 ms of a ~30 ms command (see tui/core/records.py)


def test_a_refused_check_never_imports_textual(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("schema_version = 2\n", encoding="utf-8")
    result = run_python("-X", "importtime", "-m", "tui", "check", "bad.toml", cwd=tmp_path)
    assert result.status == 2
    assert not any(name.split(".")[0] == "textual" for name in imported_modules(result.err))


def test_version(tmp_path: Path) -> None:
    result = run_python("-m", "tui", "--version", cwd=tmp_path)
    assert result.status == 0, result.err
    assert result.out == f"oases-tui {tui.__version__}\n"
    assert result.err == ""


def test_pyproject_ships_data_and_styles_inside_the_package() -> None:
    pyproject = tomli.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["packages"] == ["tui"]
    force_include = wheel["force-include"]
    assert force_include["data"] == "tui/data"
    assert force_include["styles"] == "tui/styles"
    assert pyproject["project"]["scripts"]["oases-tui"] == "tui.cli:main"
    assert pyproject["tool"]["hatch"]["version"]["path"] == "tui/__init__.py"
    assert {"tui", "data", "styles"} <= set(pyproject["tool"]["hatch"]["build"]["targets"]["sdist"]["include"])
    # hatch refuses to build a wheel whose force-include source is missing.
    assert (ROOT / "data" / resources.BUNDLED_DATASET_NAME).is_file()
    assert (ROOT / "styles").is_dir()


def test_bundled_dataset_does_not_depend_on_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = ROOT / "data" / "oases.toml"
    assert resources.bundled_dataset() == expected
    monkeypatch.chdir(tmp_path)
    assert resources.bundled_dataset() == expected
    result = run_python("-c", "from tui.core.resources import bundled_dataset; print(bundled_dataset())", cwd=tmp_path)
    assert result.status == 0, result.err
    assert result.out == f"{expected}\n"


def test_wheel_layout_finds_the_data_inside_the_package(tmp_path: Path) -> None:
    """The layout force-include produces (tui/data beside the modules), without building a wheel."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "tui", site / "tui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", site / "tui" / "data")
    shutil.copytree(ROOT / "styles", site / "tui" / "styles")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "data").mkdir(parents=True)
    (elsewhere / "data" / "oases.toml").write_text("a decoy in the working directory: never read\n", encoding="utf-8")
    result = run_python("-m", "tui", "check", cwd=elsewhere, path=site)
    assert result.status == 0, result.err
    assert result.out.splitlines()[0] == f"{site / 'tui' / 'data' / 'oases.toml'}: OK (schema 1)"
    names = ("app.tcss", "help.tcss", "search.tcss")
    code = f"from tui.core.resources import stylesheet; print([str(stylesheet(name)) for name in {names!r} if stylesheet(name).is_file()])"
    styles = run_python("-c", code, cwd=elsewhere, path=site)
    assert styles.out == f"{[str(site / 'tui' / 'styles' / name) for name in names]}\n"
