/* QR codes drawn in the browser from the link they hold (the link changes as the studio
   types, and a personal plan exists nowhere else to draw it from). */
import { qrcodegen } from "../vendor/qrcode-1.8.0.js";

const QR_ALNUM = /[0-9A-Z $%*+\-./:]/;
// An alphanumeric run shorter than this costs more in segment headers than it saves.
const QR_MIN_RUN = 15;
const QUIET = 4;

/* Byte segments for ordinary text, alphanumeric ones for long runs of capitals and digits
   (the plan link's structure): 5.5 bits a character instead of 8. */
export function qrSegments(text) {
  const { QrSegment } = qrcodegen;
  const segs = [];
  let bytes = "";
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && QR_ALNUM.test(text[j])) j++;
    if (j - i >= QR_MIN_RUN) {
      if (bytes) segs.push(QrSegment.makeBytes([...new TextEncoder().encode(bytes)]));
      bytes = "";
      segs.push(QrSegment.makeAlphanumeric(text.slice(i, j)));
      i = j;
    } else {
      bytes += text.slice(i, Math.max(j, i + 1));
      i = Math.max(j, i + 1);
    }
  }
  if (bytes) segs.push(QrSegment.makeBytes([...new TextEncoder().encode(bytes)]));
  return segs;
}

export function qrCode(text) {
  return qrcodegen.QrCode.encodeSegments(qrSegments(text), qrcodegen.QrCode.Ecc.MEDIUM);
}

/* An <svg> of the code (dark modules as one path, quiet zone included). */
export function qrSvg(text, label) {
  const code = qrCode(text);
  const size = code.size + 2 * QUIET;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.dataset.version = String(code.version);
  const bg = document.createElementNS(ns, "rect");
  bg.setAttribute("width", String(size));
  bg.setAttribute("height", String(size));
  bg.setAttribute("fill", "#fff");
  const path = document.createElementNS(ns, "path");
  let d = "";
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) if (code.getModule(x, y)) d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
  }
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000");
  svg.append(bg, path);
  return svg;
}
