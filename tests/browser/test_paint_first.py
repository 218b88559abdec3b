"""What waits for the first paint, in Chromium. On loopback the page's files arrive at once
and "load" fires before the first frame, the case that "after load" alone gets wrong. (The
player shares the helper, after-shown.js; its page paints before its module runs here, so a
test of it could not fail.)"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from ..support.browser import LiveServer

# Notes when the page first asks for a service worker, before any page script runs.
RECORD_REGISTER = """
window.registeredAt = null;
if (navigator.serviceWorker) {
  const container = navigator.serviceWorker;
  const register = container.register.bind(container);
  container.register = (...args) => {
    if (window.registeredAt === null) window.registeredAt = performance.now();
    return register(...args);
  };
}
"""

# Resolves once the worker is registered and `bundle` has been fetched: the first paint's
# time, the registration's, and when the bundle's request started (ms since navigation).
TIMES = """async (bundle) => {
  await navigator.serviceWorker.ready;
  const entries = () => performance.getEntriesByType("resource");
  const fetched = () => entries().find((e) => e.name.includes(bundle));
  while (!fetched()) await new Promise((resolve) => setTimeout(resolve, 20));
  const [paint] = performance.getEntriesByName("first-contentful-paint");
  return { paint: paint.startTime, registered: window.registeredAt, bundle: fetched().startTime };
}"""


def times(page: Page, url: str, bundle: str) -> dict[str, Any]:
    page.add_init_script(RECORD_REGISTER)
    page.goto(url)
    result: dict[str, Any] = page.evaluate(TIMES, bundle)
    return result


def test_worker_and_footer_extras_start_after_the_first_paint(
    live_server: LiveServer, sw_page: Page
) -> None:
    t = times(sw_page, live_server.url + "/routines/daily-hips/", "site-extras-js")
    assert t["registered"] is not None and t["registered"] >= t["paint"], t
    assert t["bundle"] >= t["paint"], t
