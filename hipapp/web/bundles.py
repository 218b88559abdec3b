"""Which source files make each CSS and JS bundle, in dependency order."""

from __future__ import annotations

# Source files, in dependency order: a module comes after every module it imports
# (tests/test_js_structure.py checks it). Each bundle is one ES module in the browser.
# The player's first screen: what a routine's player and a personal plan's player share.
PLAYER = (
    *("js/shared/dom.js", "js/shared/i18n.js", "js/shared/after-shown.js"),
    *("js/shared/store.js", "js/player/timer.js", "js/player/swaps.js"),
    *("js/player/phrases.js", "js/player/settings.js", "js/player/session-store.js"),
    *("js/player/sound.js", "js/player/keyboard.js", "js/player/view.js"),
    "js/player/controller.js",
)

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
        *("js/shared/after-shown.js", "js/shared/i18n.js", "js/site/sw-register.js"),
        *("js/site/update-banner.js", "js/site/persist.js", "js/site/index.js"),
    ),
    # Loaded after the page (see site/index.js): nothing here is needed to show or start
    # anything.
    "site_extras_js": (
        *("js/shared/i18n.js", "js/shared/store.js", "js/site/offline-status.js"),
        *("js/site/install-hint.js", "js/site/extras.js"),
    ),
    "player_js": (*PLAYER, "js/player/index.js"),
    # Imported by the player once the page has shown (at once for a session started from a
    # link): the settings dialog, the swap offers, the ratings and what a session needs
    # when it ends. Its stylesheet comes with it, after the page's one.
    "player_late_js": (
        *("js/shared/dom.js", "js/shared/element.js", "js/shared/i18n.js"),
        *("js/shared/dates.js", "js/shared/durations.js", "js/shared/store.js"),
        *("js/shared/store-migrations.js", "js/history/log.js", "js/player/phrases.js"),
        *("js/player/settings.js", "js/player/settings-panel.js", "js/player/voice.js"),
        "js/player/cues.js",
        *("js/player/wake-lock.js", "js/player/media-session.js", "js/player/session-controls.js"),
        *("js/player/speech.js", "js/player/swap-offers.js"),
        *("js/player/ratings.js", "js/player/rating-on-the-way.js", "js/player/log-entry.js"),
        *("js/player/summary.js", "js/player/late.js"),
    ),
    "player_late_css": ("css/player-late.css",),
    # Programs and the client's history: one script per page; shared helpers come first.
    "today_js": (
        *("js/shared/dom.js", "js/shared/element.js", "js/shared/i18n.js"),
        *("js/shared/durations.js", "js/shared/dates.js", "js/shared/store.js"),
        *("js/shared/reminders.js", "js/programs/start.js", "js/plans/link.js"),
        *("js/plans/saved.js", "js/programs/today.js"),
    ),
    "home_js": (
        *("js/shared/dom.js", "js/shared/element.js", "js/shared/i18n.js"),
        *("js/shared/dates.js", "js/shared/store.js", "js/programs/start.js"),
        *("js/plans/saved.js", "js/programs/home-card.js"),
    ),
    # The studio's share pages: the client link, and "Personalise for a client".
    "share_js": (
        *("js/shared/element.js", "js/shared/i18n.js", "js/shared/dates.js"),
        *("js/shared/durations.js", "js/programs/share.js", "js/plans/expand.js"),
        *("js/plans/link.js", "js/plans/library.js", "js/plans/words.js"),
        *("js/vendor/qrcode-1.8.0.js", "js/plans/qr.js", "js/plans/session.js"),
        "js/plans/form.js",
    ),
    # A personal plan's page, and its player: the player's own files, then the plan's.
    "plan_js": (
        *("js/shared/element.js", "js/shared/i18n.js", "js/shared/dates.js"),
        *("js/shared/store.js", "js/shared/reminders.js", "js/programs/start.js"),
        *("js/plans/expand.js", "js/plans/link.js", "js/plans/library.js"),
        *("js/plans/saved.js", "js/shared/durations.js", "js/plans/words.js"),
        *("js/plans/session.js", "js/plans/offline.js", "js/plans/client.js"),
    ),
    "plan_play_js": (
        *PLAYER,
        *("js/shared/dates.js", "js/shared/durations.js", "js/plans/expand.js"),
        *("js/plans/link.js", "js/plans/library.js", "js/plans/saved.js"),
        *("js/plans/words.js", "js/plans/session.js", "js/plans/play.js"),
    ),
    "history_js": (
        *("js/shared/dom.js", "js/shared/element.js", "js/shared/i18n.js"),
        *("js/shared/durations.js", "js/shared/dates.js", "js/shared/store.js"),
        *("js/shared/store-migrations.js", "js/programs/start.js", "js/history/log.js"),
        *("js/history/stats.js", "js/history/calendar.js", "js/history/export.js"),
        "js/history/index.js",
    ),
}
