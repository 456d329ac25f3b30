// The panel viewer: the panel's photo with the finding's evidence box drawn on it, zoom, and switching panels.
// Text panels show their text with the evidence marked. One viewer is moved into whichever finding is open.

const SVG = "http://www.w3.org/2000/svg";

export function createViewer(jobId, panels) {
  const root = document.createElement("div");
  root.className = "viewer";
  const tools = document.createElement("div");
  tools.className = "viewer-tools";
  tools.setAttribute("role", "group");
  tools.setAttribute("aria-label", "Panel viewer");
  const panelButtons = new Map();
  for (const panel of panels) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = `Panel: ${panel.name}`;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", () => show(panel.name, current.panel === panel.name ? current.box : null, current.evidence));
    tools.append(button);
    panelButtons.set(panel.name, button);
  }
  const zoomOut = makeButton("Zoom out", () => setZoom(zoom / 1.5));
  const zoomIn = makeButton("Zoom in", () => setZoom(zoom * 1.5));
  const fit = makeButton("Fit photo", () => setZoom(1));
  tools.append(zoomOut, zoomIn, fit);

  const frame = document.createElement("div");
  frame.className = "viewer-frame";
  frame.tabIndex = 0;
  const stage = document.createElement("div");
  stage.className = "viewer-stage";
  const img = document.createElement("img");
  img.decoding = "async";
  img.loading = "lazy";
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("preserveAspectRatio", "none");
  const rect = document.createElementNS(SVG, "rect");
  rect.classList.add("evidence-box");
  svg.append(rect);
  stage.append(img, svg);
  frame.append(stage);
  const text = document.createElement("pre");
  text.className = "panel-text";
  text.tabIndex = 0;
  const caption = document.createElement("p");
  caption.className = "viewer-caption";
  caption.setAttribute("aria-live", "polite");
  root.append(tools, frame, text, caption);

  let zoom = 1;
  const current = { panel: null, box: null, evidence: "" };

  function makeButton(label, handler) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = label;
    button.addEventListener("click", handler);
    return button;
  }

  function setZoom(value) {
    zoom = Math.min(8, Math.max(1, value));
    stage.style.width = `${zoom * 100}%`;
    centreBox();
  }

  function centreBox() {
    const panel = panels.find((p) => p.name === current.panel);
    if (!current.box || !panel?.width) return;
    const [x0, y0, x1, y1] = current.box;
    const scale = stage.clientWidth / panel.width;
    frame.scrollLeft = ((x0 + x1) / 2) * scale - frame.clientWidth / 2;
    frame.scrollTop = ((y0 + y1) / 2) * scale - frame.clientHeight / 2;
  }

  function show(name, box, evidence) {
    const panel = panels.find((p) => p.name === name) || panels[0];
    if (!panel) { root.hidden = true; return; }
    root.hidden = false;
    current.panel = panel.name;
    current.box = box;
    current.evidence = evidence || "";
    root.dataset.panel = panel.name;
    for (const [key, button] of panelButtons) button.setAttribute("aria-pressed", String(key === panel.name));
    zoomIn.hidden = zoomOut.hidden = fit.hidden = !panel.is_photo;
    if (panel.is_photo) {
      frame.hidden = false;
      text.hidden = true;
      img.src = `/api/v1/jobs/${encodeURIComponent(jobId)}/panels/${encodeURIComponent(panel.name)}`;
      img.alt = `Photo of the ${panel.name} panel`;
      img.width = panel.width;  // the photo's own size: its space is kept before it loads (no jump, no empty frame)
      img.height = panel.height;
      svg.setAttribute("viewBox", `0 0 ${panel.width} ${panel.height}`);
      if (box) {
        const [x0, y0, x1, y1] = box;
        rect.setAttribute("x", x0); rect.setAttribute("y", y0);
        rect.setAttribute("width", Math.max(1, x1 - x0)); rect.setAttribute("height", Math.max(1, y1 - y0));
        rect.style.display = "";
        svg.dataset.box = box.join(",");
        caption.textContent = `The evidence is outlined on the ${panel.name} photo (x ${x0}–${x1}, y ${y0}–${y1}). Use Zoom in to read it.`;
      } else {
        rect.style.display = "none";
        delete svg.dataset.box;
        caption.textContent = name === panel.name && box === null && current.evidence
          ? `The ${panel.name} photo. This finding's evidence has no single place on it (it was composed from several lines or is missing).`
          : `The ${panel.name} photo.`;
      }
      frame.setAttribute("aria-label", `Photo of the ${panel.name} panel${box ? " with the evidence outlined" : ""}`);
      setZoom(1);
    } else {
      frame.hidden = true;
      text.hidden = false;
      text.textContent = "";
      const body = panel.text || "";
      const at = current.evidence ? body.indexOf(current.evidence) : -1;
      if (at >= 0) {
        const mark = document.createElement("mark");
        mark.textContent = body.slice(at, at + current.evidence.length);
        text.append(body.slice(0, at), mark, body.slice(at + current.evidence.length));
        caption.textContent = `Text of the ${panel.name} panel; the evidence is highlighted.`;
      } else {
        text.textContent = body;
        caption.textContent = `Text of the ${panel.name} panel.`;
      }
      text.setAttribute("aria-label", `Text of the ${panel.name} panel`);
    }
  }

  img.addEventListener("load", centreBox);
  return { element: root, show };
}
