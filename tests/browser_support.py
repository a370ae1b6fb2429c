"""A real headless Chromium (Debian's ``chromium`` + ``chromium-driver``) driven by selenium, for the
``serve`` tests and the web benchmark: what the page's terminal shows, what it copied, what it fetched.

- :func:`chromium` starts the browser with everything that would reach the network on its own
  switched off, so that the requests it logs are the page's;
- :data:`SPY` runs in every page before the page's own scripts (CDP
  ``Page.addScriptToEvaluateOnNewDocument``): it keeps the xterm.js ``Terminal`` textual.js
  creates (textual.js keeps it to itself, as ``this.terminal``) and records every
  ``navigator.clipboard.writeText``, the call xterm.js makes for an OSC 52 copy;
- :func:`screen_text`, :func:`copied` and :func:`requested_urls` read them back.

No Selenium Manager: the driver and the browser are named by path, so nothing is downloaded.
"""

from __future__ import annotations

import json
import shutil
import time
from typing import Callable, Optional

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

QUIET_SWITCHES = (
    "--headless=new",
    "--no-sandbox",  # the tests run as root in a container
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--password-store=basic",
    "--use-mock-keychain",
)

SPY = """
(() => {
  window.__terminals = [];
  Object.defineProperty(Object.prototype, "terminal", {
    configurable: true,
    get() { return undefined; },
    set(value) {
      Object.defineProperty(this, "terminal", { value, writable: true, configurable: true, enumerable: true });
      if (value && value.buffer && value.buffer.active) window.__terminals.push(value);
    },
  });
  window.__copied = [];
  if (navigator.clipboard) {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => {
      window.__copied.push(String(text));
      return write(text).catch(() => undefined);
    };
  }
})();
"""

SCREEN = """
const terminal = (window.__terminals || [])[0];
if (!terminal) return null;
const buffer = terminal.buffer.active;
const lines = [];
for (let row = 0; row < terminal.rows; row++) {
  const line = buffer.getLine(buffer.viewportY + row);
  lines.push(line ? line.translateToString(true) : "");
}
return lines.join("\\n");
"""


def browser_available() -> bool:
    return shutil.which(CHROMIUM) is not None and shutil.which(CHROMEDRIVER) is not None


def chromium(width: int = 1200, height: int = 800) -> webdriver.Chrome:
    """A headless Chromium with :data:`SPY` in its first tab's pages and its network requests logged
    (skips the test if chromium or chromedriver is missing: ``.ci/run`` installs both)."""
    if not browser_available():
        pytest.skip("chromium and chromium-driver are not installed (.ci/run installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for switch in QUIET_SWITCHES:
        options.add_argument(switch)
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    spy_on(driver)
    return driver


def spy_on(driver: webdriver.Chrome) -> None:
    """Run :data:`SPY` in every page the current tab loads from now on (CDP scripts are per tab)."""
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SPY})


def new_tab(driver: webdriver.Chrome) -> None:
    """Open a tab, switch to it and spy on its pages."""
    driver.switch_to.new_window("tab")
    spy_on(driver)


def screen_text(driver: webdriver.Chrome) -> Optional[str]:
    """What the page's terminal shows, row by row (None before the terminal exists)."""
    text: Optional[str] = driver.execute_script(SCREEN)
    return text


def copied(driver: webdriver.Chrome) -> list[str]:
    """Every text the page put on the clipboard, in order."""
    texts: list[str] = driver.execute_script("return window.__copied || [];")
    return texts


def wait_for_screen(driver: webdriver.Chrome, condition: Callable[[str], bool], timeout: float = 30) -> str:
    """The screen text, once ``condition`` holds for it (fails the test with the last screen if it never does)."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = screen_text(driver) or ""
        if condition(text):
            return text
        time.sleep(0.05)
    raise AssertionError(f"the screen never got there; it shows:\n{text}")


def keyboard(driver: webdriver.Chrome) -> WebElement:
    """xterm.js's hidden textarea, where key presses go."""
    element: WebElement = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    return element


def requested_urls(driver: webdriver.Chrome) -> list[str]:
    """Every URL the browser requested or opened a websocket to since the last call (the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):  # type: ignore[no-untyped-call]
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
        elif message["method"] == "Network.webSocketCreated":
            urls.append(message["params"]["url"])
    return urls
