"""Which source files make each CSS and JS bundle, in dependency order."""

from __future__ import annotations

# Source files, in dependency order. Each bundle is one ES module in the browser.
BUNDLES: dict[str, tuple[str, ...]] = {
    # One stylesheet for every page but the player: one render-blocking request per page,
    # and one cached file as the client moves between routines, programs and history.
    "site_css": (
        *("css/base.css", "css/pages.css", "css/programs.css", "css/history.css"),
        "css/handout.css",
    ),
    # The player page's only stylesheet: no page layout, so it stays within one round trip.
    "player_css": ("css/base.css", "css/player.css"),
    "site_js": (
        *("js/after-shown.js", "js/sw-register.js", "js/update-banner.js", "js/storage.js"),
        "js/site.js",
    ),
    # Loaded after the page (see site.js): nothing here is needed to show or start anything.
    "site_extras_js": ("js/offline-status.js", "js/install-hint.js", "js/site-extras.js"),
    "player_js": (
        *("js/timer.js", "js/phrases.js", "js/settings.js", "js/session-store.js", "js/cues.js"),
        *("js/wake-lock.js", "js/player-view.js", "js/settings-panel.js", "js/pain-check.js"),
        *("js/after-shown.js", "js/player.js"),
    ),
    # Imported by the player once the page has shown: needed only when a session ends.
    "player_late_js": ("js/log.js", "js/phrases.js", "js/summary.js", "js/player-late.js"),
    # Programs and the client's history: one script per page; shared helpers come first.
    "today_js": ("js/dom.js", "js/dates.js", "js/program-start.js", "js/today.js"),
    "home_js": ("js/dom.js", "js/dates.js", "js/program-start.js", "js/home-card.js"),
    "share_js": ("js/dates.js", "js/share.js"),
    "history_js": (
        *("js/dom.js", "js/dates.js", "js/program-start.js", "js/log.js"),
        *("js/history-stats.js", "js/history-calendar.js", "js/log-export.js", "js/history.js"),
    ),
}
