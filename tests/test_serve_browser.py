"""`oases-tui serve` in a real headless Chromium: the first screen, keys, the clipboard, the page's
requests, and the app process ending with its tab (tests/browser_support.py, tests/serve_support.py).

One server and one browser for the module: starting Chromium costs seconds. Each test opens its
own tab and closes it, so each has its own app process.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import chromium, copied, keyboard, new_tab, requested_urls, screen_text, wait_for_screen
from selenium import webdriver
from selenium.webdriver.common.keys import Keys
from serve_support import Served, wait_for

from tui.core import formats
from tui.core.model import Dataset


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with Served() as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    driver = chromium()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def tab(browser: webdriver.Chrome, served: Served) -> Iterator[webdriver.Chrome]:
    """A new tab of its own (closed at the end); the module's first window stays open, blank."""
    keep = browser.window_handles[0]
    new_tab(browser)
    opened = browser.current_window_handle
    requested_urls(browser)  # drop what earlier tabs logged
    try:
        yield browser
    finally:
        if opened in browser.window_handles:  # the test may have closed it
            browser.switch_to.window(opened)
            browser.close()
        browser.switch_to.window(keep)


def first_screen(driver: webdriver.Chrome) -> str:
    return wait_for_screen(driver, lambda text: "8 of 17 named" in text and "4 Source" in text and "palette" in text)


def own_origin(served: Served, url: str) -> bool:
    origin = served.url.rstrip("/").split("://", 1)[1]
    return url.startswith((f"http://{origin}/", f"ws://{origin}/")) or url.startswith("data:")


def test_keys_search_and_copy_reach_the_browser(tab: webdriver.Chrome, served: Served, dataset: Dataset, tmp_path: Path) -> None:
    tab.get(served.url)
    screen = first_screen(tab)
    assert "iFLYTEK" in screen and "Pudu Robotics" in screen
    keys = keyboard(tab)
    keys.send_keys("j")  # the cursor to the second firm: the detail shows it
    wait_for_screen(tab, lambda text: re.search(r"2 Detail.*\n.*Baidu Ai Cloud", text) is not None)
    # The search bar is built on the first `/`: wait for it before typing, as a reader would see it
    # (keys typed in the same instant as that first `/` are lost, in a terminal too).
    keys.send_keys("/")
    wait_for_screen(tab, lambda text: "Search firms" in text and "esc Clear search" in text)  # the search field has the keys
    keys.send_keys("pudu")
    wait_for_screen(tab, lambda text: "1 of 8 firms" in text)
    # Each key waits for the screen to show the last one done: a key that arrives while the app
    # is still moving the focus goes to the widget that had it.
    keys.send_keys(Keys.ENTER)
    wait_for_screen(tab, lambda text: "y Copy" in text.splitlines()[-1])  # back on the list
    keys.send_keys("y")
    assert wait_for(lambda: bool(copied(tab)), 30), screen_text(tab)
    pudu = next(firm for firm in dataset.firms if firm.name == "Pudu Robotics")
    assert copied(tab) == [formats.firm_text(dataset, pudu)]
    screen = wait_for_screen(tab, lambda text: "Copied Pudu Robotics details" in text)
    assert re.search(r"2 Detail.*\n.*Pudu Robotics", screen), screen
    tab.save_screenshot(str(tmp_path / "pudu-copied.png"))  # saved for a look (pytest keeps the last runs' tmp_path)
    assert all(own_origin(served, url) for url in requested_urls(tab))


def test_the_page_requests_nothing_but_its_own_server(tab: webdriver.Chrome, served: Served) -> None:
    # ?ping= is a URL textual.js would fetch before connecting: the page drops it.
    tab.get(served.url + "?ping=http://198.51.100.7/beacon&fontsize=14")
    first_screen(tab)
    urls = requested_urls(tab)
    assert [url for url in urls if not own_origin(served, url)] == []
    origin = served.url.rstrip("/")
    assert f"{origin}/static/fonts/RobotoMono-VariableFont_wght.ttf" in urls  # the font is ours, not a CDN's
    assert any(url.startswith(origin.replace("http", "ws", 1) + "/ws?") for url in urls)
    assert not any("favicon" in url for url in urls)
    assert tab.execute_script("return window.location.search") == ""


def test_closing_the_tab_ends_its_app(tab: webdriver.Chrome, served: Served) -> None:
    before = served.app_pids()
    tab.get(served.url)
    first_screen(tab)
    assert wait_for(lambda: len(served.app_pids() - before) == 1, 15)
    (pid,) = served.app_pids() - before
    assert screen_text(tab)
    tab.close()
    assert served.wait_gone({pid}), f"app {pid} outlived its tab"
    assert served.wait_line(re.compile(rf"ended: tab closed \(pid {pid}\)"), 10), served.lines
