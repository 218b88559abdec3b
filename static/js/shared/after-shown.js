/* Run work that only enhances a page (the service worker and its precache, bundles needed
   later) once the page has loaded and painted its first content. On a fast network or a
   warm cache everything arrives at once and "load" fires before the first paint, so
   waiting for "load" alone would still put this work in front of what the user came to
   see. Where paint timing is not supported, "load" is the best signal there is. */
export function afterShown(work) {
  const loaded = new Promise((resolve) => {
    if (document.readyState === "complete") resolve();
    else window.addEventListener("load", resolve, { once: true });
  });
  const painted = new Promise((resolve) => {
    const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (!types.includes("paint")) return resolve();
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: "paint", buffered: true });
  });
  Promise.all([loaded, painted]).then(work);
}
