/* Storage that outlives browser clean-ups. Tiny on purpose: the player page loads it too. */

/* Keep the data safe from eviction once the person has really used the app. */
export async function askToPersist() {
  try {
    if (!navigator.storage || !navigator.storage.persist) return false;
    if (navigator.storage.persisted && (await navigator.storage.persisted())) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}
