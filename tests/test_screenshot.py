"""The palette's "Screenshot": saved in ~/Downloads if there is one, else the working
directory, and the notification names the file, or says why there is none."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import make_app, until
from textual.pilot import Pilot

from tui.app.oases_app import OasesApp


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of its own (no user-dirs file naming another Downloads), and a working directory."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return home


def messages(app: OasesApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def take_screenshot(pilot: Pilot[None]) -> str:
    """Choose "Screenshot" in the palette; what the notification said."""
    app = pilot.app
    assert isinstance(app, OasesApp)
    await pilot.press("ctrl+p", *"screenshot")
    await pilot.pause(0.4)
    await pilot.press("enter")
    await until(pilot, lambda: any("creenshot" in message for message in messages(app)))
    return next(message for message in messages(app) if "creenshot" in message)


def svgs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.svg"))


async def test_it_is_saved_in_downloads_when_there_is_one(home: Path) -> None:
    (home / "Downloads").mkdir()
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        said = await take_screenshot(pilot)
    [saved] = svgs(home / "Downloads")
    assert said == f"Screenshot saved to {saved}"
    assert "iFLYTEK" in saved.read_text(encoding="utf-8")  # the screen, as an SVG
    assert not svgs(Path.cwd())


async def test_without_downloads_it_is_saved_in_the_working_directory(home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        said = await take_screenshot(pilot)
    [saved] = svgs(Path.cwd())
    assert said == f"Screenshot saved to {saved}"
    assert saved.read_text(encoding="utf-8").lstrip().startswith("<svg")
    assert not (home / "Downloads").exists()  # no folder made for it


async def test_when_nowhere_takes_it_the_notification_says_why(home: Path, tmp_path: Path) -> None:
    (home / "Downloads").write_text("a file, not a folder", encoding="utf-8")  # so not a place to save
    (tmp_path / "work").rmdir()  # the working directory is gone (as root, permissions would not stop a write)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        said = await take_screenshot(pilot)
        assert [n.severity for n in app._notifications if n.message == said] == ["error"]
        await pilot.press("2")  # it said so and goes on
        assert app.is_running and app.pane_of(app.focused) == "detail"
    assert said == "Could not save the screenshot: the working directory: No such file or directory"
    assert app.crash is None
