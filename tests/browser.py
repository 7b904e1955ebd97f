"""Headless Chromium for tests: Debian's /usr/bin/chromium driven by Playwright, offline flags set."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
DOCS = Path(__file__).resolve().parent.parent / "docs"  # screenshots the README shows, remade by the browser tests
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@contextmanager
def browser_page(viewport=(1300, 1100)):
    """A fresh page; yields (page, console_errors, outside_requests, dialogs)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run the tests with `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        errors, requests, dialogs = [], [], []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requests.append(request.url)
                if not request.url.startswith(("file:", "data:", "about:", "blob:")) else None)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        try:
            yield page, errors, requests, dialogs
        finally:
            browser.close()
