/* Space starts or pauses, → skips, ← goes back: the on-screen buttons, by key. Keys are
   left alone with a modifier, while typing or in a dialog, and once the session is done.
   Space on a focused button or link is theirs.

   state() gives the player's {status} at the moment of the key. */
export function listenToKeys(doc, state, { toggle, skip, back }) {
  doc.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target.closest("input, select, textarea, dialog")) return;
    const { status } = state();
    if (status === "done") return;
    if (e.key === " " && !e.target.closest("button, a")) toggle();
    else if (e.key === "ArrowRight" && status !== "idle") skip();
    else if (e.key === "ArrowLeft" && status !== "idle") back();
    else return;
    e.preventDefault();
  });
}
