/* The lock screen's and headphones' media controls: the exercise as the track title, and
   play, pause, next and previous as the player's own buttons. Feature-detected, each
   action on its own: a browser without the API, or without one action, just lacks it. */

export class MediaControls {
  /* album: the routine's title; actions: {play, pause, nexttrack, previoustrack}. */
  constructor(album, actions) {
    this.album = album;
    if (!navigator.mediaSession) return;
    for (const [action, handler] of Object.entries(actions)) {
      try {
        navigator.mediaSession.setActionHandler(action, handler);
      } catch {
        // no Media Session here, or not this action
      }
    }
  }

  show(title) {
    try {
      if (!navigator.mediaSession || typeof window.MediaMetadata !== "function") return;
      navigator.mediaSession.metadata = new MediaMetadata({ title, artist: this.album });
    } catch {
      // media controls are a bonus
    }
  }
}
