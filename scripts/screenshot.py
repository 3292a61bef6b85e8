"""Screenshot of a policykg HTML page in headless Chromium, once its layout has settled (for the docs).

    .venv/bin/python scripts/screenshot.py PAGE.html OUT.png [--width 1200 --height 750]

Chromium: $POLICYKG_CHROMIUM, else /usr/bin/chromium (Debian package ``chromium``). The page is opened from
disk and every request leaving it is refused, as in the browser tests.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("POLICYKG_CHROMIUM", "/usr/bin/chromium")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=750)
    args = parser.parse_args()
    url = args.page.resolve().as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": args.width, "height": args.height})
        context.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("window.__settled === true && window.__firstDrawMs > 0", timeout=30_000)
        page.evaluate("network.fit()")
        page.wait_for_timeout(300)
        page.screenshot(path=str(args.out))
        browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
