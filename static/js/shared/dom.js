/* Finding what the server put in the page. */

/* The page's element with this id, or null. */
export function byId(id) {
  return document.getElementById(id);
}

/* Parse the JSON a page embeds in <script type="application/json" id=...>, or null. */
export function pageData(id) {
  const node = byId(id);
  try {
    return node ? JSON.parse(node.textContent) : null;
  } catch {
    return null;
  }
}
