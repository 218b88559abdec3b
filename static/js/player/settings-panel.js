/* The settings dialog: every change is applied and saved at once. In the late bundle: the
   Settings button shows once it is wired. */
import { seconds } from "./settings.js";

export class SettingsPanel {
  constructor(dialog, opener, settings, onChange) {
    this.form = dialog.querySelector("form");
    this.settings = settings;
    for (const input of this.form.elements) {
      if (input.type === "checkbox") input.checked = !!settings[input.name];
      if (input.type === "number") input.value = settings[input.name];
    }
    this.form.addEventListener("change", () => {
      for (const input of this.form.elements) {
        if (input.type === "checkbox") settings[input.name] = input.checked;
        if (input.type === "number") settings[input.name] = seconds(input.value, settings[input.name], Number(input.min) || 0);
      }
      onChange(settings);
    });
    opener.addEventListener("click", () => (typeof dialog.showModal === "function" ? dialog.showModal() : dialog.setAttribute("open", "")));
    opener.hidden = false;
  }
}
