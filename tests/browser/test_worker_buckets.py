"""The worker finds a URL's lookup part with the same hash the build files it by."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Page

from hipapp.paths import SW_SOURCE
from hipapp.pwa.precache import bucket_of

from ..support.browser import browser_examples

# Paths as the worker lists them: percent-encoded ASCII, "./" for the site's root. (No
# dot segments: the app never makes one, and a URL drops them.)
TOKEN = st.sampled_from([*"abcxyz0189-_~", "%20", "%C3%A9", "%2C", ".png", ".json"])
SEGMENT = st.lists(TOKEN, min_size=1, max_size=8).map("".join)
PATHS = st.lists(SEGMENT, min_size=0, max_size=4).map(lambda s: "/".join(s) + "/" if s else "./")


def bucket_function() -> str:
    match = re.search(
        r"^function bucketOf\(url, list\) \{.*?^\}", SW_SOURCE.read_text(), re.S | re.M
    )
    assert match, "sw.js has no bucketOf"
    return match[0]


def in_worker(page: Page, paths: list[str], buckets: int) -> list[int]:
    script = f"""(() => {{
      const SCOPE = new URL("https://studio.example/hips/");
      const BUCKETS = Array.from({{ length: {buckets} }}, (_, i) => i);
      {bucket_function()}
      return {json.dumps(paths)}.map((p) => bucketOf(new URL(p, SCOPE).href, BUCKETS));
    }})()"""
    found: list[int] = page.evaluate(script)
    return found


# The page only evaluates a pure function: sharing it between examples is safe.
@browser_examples(20)
@given(paths=st.lists(PATHS, min_size=1, max_size=40), buckets=st.integers(1, 600))
def test_python_and_the_worker_pick_the_same_part(
    page: Page, paths: list[str], buckets: int
) -> None:
    every = [*paths, "./", "exercises/caf%C3%A9/", "media/my%20pose.png", "programs/p/day/8/"]
    assert in_worker(page, every, buckets) == [bucket_of(p, buckets) for p in every]
