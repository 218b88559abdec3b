/* Keep the screen on while a session runs, where the device allows it. */

export class ScreenLock {
  /* onChange(held) is told whether the screen is being kept awake. */
  constructor(onChange) {
    this.onChange = onChange;
    this.sentinel = null;
    this.wanted = false;
  }

  async acquire() {
    this.wanted = true;
    if (this.sentinel && !this.sentinel.released) return;
    const api = navigator.wakeLock;
    if (!api || typeof api.request !== "function" || document.visibilityState !== "visible") {
      this.onChange(false);
      return;
    }
    try {
      this.sentinel = await api.request("screen");
      if (!this.wanted) return this.release();
      this.onChange(true);
    } catch {
      this.sentinel = null;
      this.onChange(false);
    }
  }

  release() {
    this.wanted = false;
    const sentinel = this.sentinel;
    this.sentinel = null;
    if (sentinel) sentinel.release().catch(() => {});
  }
}
