/* An unobtrusive "Add to home screen" hint: the browser's own prompt where it offers one
   (beforeinstallprompt), short instructions on iOS Safari, nothing when already installed. */
import { t } from "../shared/i18n.js";
import { KEYS, readStored, writeStored } from "../shared/store.js";

export function isStandalone(win) {
  const media = win.matchMedia && win.matchMedia("(display-mode: standalone)").matches;
  return Boolean(media || win.navigator.standalone);
}

/* Safari on iPhone or iPad (iPadOS reports itself as a Mac with a touch screen). */
export function isIosSafari(nav) {
  const ua = nav.userAgent || "";
  const ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && nav.maxTouchPoints > 1);
  return ios && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(ua);
}

export class InstallHint {
  constructor(el, win) {
    this.el = el;
    this.win = win;
    this.prompt = null;
  }

  start() {
    if (!this.el || isStandalone(this.win) || readStored(KEYS.installHint) === "1") return;
    const offer = (event) => {
      event.preventDefault();
      this.prompt = event;
      this.render(t("Use it offline, like an app."), t("Add to home screen"));
    };
    this.win.addEventListener("beforeinstallprompt", offer);
    // Sent before this bundle arrived: site/index.js kept it.
    if (this.win.hipappInstallPrompt) offer(this.win.hipappInstallPrompt);
    this.win.addEventListener("appinstalled", () => this.hide());
    if (isIosSafari(this.win.navigator)) {
      this.render(t("Use it offline, like an app: tap Share, then “Add to Home Screen”."), null);
    }
  }

  render(message, action) {
    const text = document.createElement("span");
    text.textContent = message;
    const parts = [text];
    if (action) {
      const install = document.createElement("button");
      install.type = "button";
      install.className = "button primary";
      install.textContent = action;
      install.addEventListener("click", () => this.install());
      parts.push(install);
    }
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "button";
    dismiss.textContent = t("Not now");
    dismiss.addEventListener("click", () => {
      writeStored(KEYS.installHint, "1"); // without storage (private mode) it comes back
      this.hide();
    });
    parts.push(dismiss);
    this.el.replaceChildren(...parts);
    this.el.hidden = false;
  }

  async install() {
    const event = this.prompt;
    if (!event) return;
    this.prompt = null;
    try {
      await event.prompt();
      await event.userChoice;
    } catch {
      /* The browser refused to show it; nothing to do. */
    }
    this.hide();
  }

  hide() {
    this.el.hidden = true;
    this.el.replaceChildren();
  }
}
