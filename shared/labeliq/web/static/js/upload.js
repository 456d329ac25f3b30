// New check: pick, drop or photograph panels, name and preview each, fill the product context, send.
// The form checks what it can before sending (names, numbers, dates); the API checks the files themselves
// (content, size, pixels) and its reason is shown beside the file or field it names.
import { api, describeError, showError, setFieldError } from "./api.js";

const KNOWN_NAMES = ["front", "back", "side", "left", "right", "top", "bottom", "inside"];
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/;

export function setupUpload(form) {
  const panels = [];
  let nextId = 1;
  const list = form.querySelector("#panel-list");
  const input = form.querySelector("#panels-input");
  const camera = form.querySelector("#camera-input");
  const drop = form.querySelector("#drop-zone");
  const panelsError = form.querySelector("#panels-error");
  const formError = form.querySelector("#check-error");
  const submit = form.querySelector("#check-submit");

  function extension(file) {
    const match = /\.([A-Za-z0-9]+)$/.exec(file.name);
    if (match) return "." + match[1].toLowerCase();
    const byType = { "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/tiff": ".tif", "application/pdf": ".pdf", "text/plain": ".txt" };
    return byType[file.type] || "";
  }

  function defaultName(file) {
    const stem = file.name.replace(/\.[^.]*$/, "").toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
    const used = new Set(panels.map((p) => p.nameInput.value));
    if (stem && NAME_PATTERN.test(stem) && !used.has(stem) && !/^(image|img|photo|dsc|pxl|screenshot)/.test(stem)) return stem;
    return KNOWN_NAMES.find((n) => !used.has(n)) || `panel-${panels.length + 1}`;
  }

  function addFiles(files) {
    showError(panelsError, "");
    for (const file of files) {
      const id = nextId++;
      const item = document.createElement("li");
      item.className = "panel-item";
      const preview = file.type.startsWith("image/") && !file.type.includes("tiff") ? document.createElement("img") : document.createElement("pre");
      const body = document.createElement("div");
      const fileLine = document.createElement("p");
      fileLine.className = "file";
      fileLine.textContent = `${file.name} · ${(file.size / 1024).toFixed(0)} KB`;
      const label = document.createElement("label");
      label.htmlFor = `panel-name-${id}`;
      label.textContent = `Panel name for ${file.name}`;
      const nameInput = document.createElement("input");
      nameInput.id = `panel-name-${id}`;
      nameInput.setAttribute("list", "panel-names");
      nameInput.autocomplete = "off";
      nameInput.setAttribute("aria-describedby", `panel-error-${id}`);
      const error = document.createElement("p");
      error.className = "error";
      error.id = `panel-error-${id}`;
      error.hidden = true;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "link";
      remove.textContent = `Remove ${file.name}`;
      body.append(fileLine, label, nameInput, error, remove);
      item.append(preview, body);
      list.append(item);
      const panel = { id, file, item, nameInput, error, url: null };
      nameInput.value = defaultName(file);
      if (preview.tagName === "IMG") {
        panel.url = URL.createObjectURL(file);
        preview.src = panel.url;
        preview.alt = `Preview of ${file.name}`;
      } else if (file.type === "text/plain" || /\.txt$/i.test(file.name)) {
        preview.setAttribute("aria-label", `Start of ${file.name}`);
        file.slice(0, 600).text().then((text) => { preview.textContent = text; });
      } else {
        preview.textContent = extension(file).replace(".", "").toUpperCase() || "file";
      }
      remove.addEventListener("click", () => {
        panels.splice(panels.indexOf(panel), 1);
        if (panel.url) URL.revokeObjectURL(panel.url);
        item.remove();
        input.focus();
      });
      nameInput.addEventListener("input", () => setFieldError(nameInput, error, ""));
      panels.push(panel);
    }
  }

  input.addEventListener("change", () => { addFiles([...input.files]); input.value = ""; });
  camera.addEventListener("change", () => { addFiles([...camera.files]); camera.value = ""; });
  for (const type of ["dragenter", "dragover"]) {
    drop.addEventListener(type, (event) => { event.preventDefault(); drop.classList.add("dragging"); });
  }
  for (const type of ["dragleave", "drop"]) {
    drop.addEventListener(type, () => drop.classList.remove("dragging"));
  }
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    addFiles([...(event.dataTransfer?.files || [])]);
  });

  // Context fields: read, validate, fill from a context.json.
  const fields = [...form.querySelectorAll("[data-key]")];
  function fieldParts(field) {
    const key = field.dataset.key;
    return {
      key, kind: field.dataset.kind,
      input: form.querySelector(`#ctx-${key}`),
      unit: form.querySelector(`#ctx-${key}-unit`),
      error: form.querySelector(`#ctx-${key}-err`),
    };
  }

  function readContext() {
    const context = {};
    let firstBad = null;
    for (const field of fields) {
      const { key, kind, input: control, unit, error } = fieldParts(field);
      const raw = control.value.trim();
      let message = "";
      if (raw !== "") {
        if (kind === "bool") context[key] = raw === "true";
        else if (kind === "int") {
          if (!/^\d+$/.test(raw)) message = "Enter a whole number of days, 0 or more.";
          else context[key] = Number(raw);
        } else if (kind === "number" || kind === "quantity") {
          const value = Number(raw);
          if (!Number.isFinite(value) || value <= 0) message = "Enter a number above 0.";
          else context[key] = kind === "quantity" ? { value, unit: unit.value } : value;
        } else if (kind === "json") {
          try { context[key] = JSON.parse(raw); } catch (error) { message = "Enter valid JSON, as in the example."; }
        } else if (kind === "date") {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) message = "Enter a date as YYYY-MM-DD.";
          else context[key] = raw;
        } else context[key] = raw;
      }
      setFieldError(control, error, message);
      if (message && !firstBad) firstBad = control;
    }
    return { context, firstBad };
  }

  const contextFile = form.querySelector("#context-file");
  contextFile.addEventListener("change", async () => {
    const error = form.querySelector("#context-file-error");
    const file = contextFile.files[0];
    if (!file) return;
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch (parseError) {
      setFieldError(contextFile, error, `${file.name} is not JSON: ${parseError.message}`);
      return;
    }
    const known = new Set(fields.map((f) => f.dataset.key));
    const unknown = Object.keys(data).filter((k) => !known.has(k));
    setFieldError(contextFile, error, unknown.length ? `${file.name}: unknown context key ${unknown.join(", ")}` : "");
    for (const field of fields) {
      const { key, kind, input: control, unit } = fieldParts(field);
      const value = data[key];
      if (value === undefined || value === null) { control.value = ""; continue; }
      if (kind === "bool") control.value = value ? "true" : "false";
      else if (kind === "json") control.value = JSON.stringify(value);
      else if (kind === "quantity") { control.value = value.value ?? ""; if (value.unit) unit.value = value.unit === "ml" ? "mL" : value.unit; }
      else control.value = String(value);
    }
  });

  function validatePanels() {
    let firstBad = null;
    const seen = new Map();
    if (!panels.length) {
      setFieldError(input, panelsError, "Add at least one panel: a photo or the text of one side of the package.");
      return input;
    }
    setFieldError(input, panelsError, "");
    for (const panel of panels) {
      const name = panel.nameInput.value.trim();
      let message = "";
      if (!name) message = "Name this panel (front, back, side…).";
      else if (!NAME_PATTERN.test(name)) message = "Use letters, digits, - or _ only (e.g. front, back-2).";
      else if (seen.has(name.toLowerCase())) message = `Two panels are named “${name}”: each needs its own name.`;
      seen.set(name.toLowerCase(), panel);
      setFieldError(panel.nameInput, panel.error, message);
      if (message && !firstBad) firstBad = panel.nameInput;
    }
    return firstBad;
  }

  // The API names the file (as sent: panel name + extension) or the context key; show it there.
  function placeError(answer) {
    const detail = String(answer.data?.detail || "");
    const named = answer.data?.file || answer.data?.field || "";
    for (const panel of panels) {
      const sent = panel.nameInput.value.trim() + extension(panel.file);
      if (named === sent || detail.includes(sent) || detail.includes(panel.file.name)) {
        setFieldError(panel.nameInput, panel.error, describeError(answer));
        panel.nameInput.focus();
        return true;
      }
    }
    for (const field of fields) {
      const { key, input: control, error } = fieldParts(field);
      if (named === key || new RegExp(`\\b${key}\\b`).test(detail)) {
        setFieldError(control, error, describeError(answer));
        control.focus();
        return true;
      }
    }
    return false;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    showError(formError, "");
    const badPanel = validatePanels();
    const { context, firstBad } = readContext();
    if (badPanel || firstBad) {
      (badPanel || firstBad).focus();
      showError(formError, "Fix the fields marked above, then press “Check label” again.");
      return;
    }
    const body = new FormData();
    for (const panel of panels) body.append("panels", panel.file, panel.nameInput.value.trim() + extension(panel.file));
    body.append("context", JSON.stringify(context));
    body.append("project_id", form.dataset.project);
    body.append("mode", form.querySelector("input[name=mode]:checked")?.value || "standard");
    body.append("report_language", form.querySelector("select[name=report_language]")?.value || "en");
    submit.disabled = true;
    submit.textContent = "Sending…";
    const answer = await api("POST", "/api/v1/jobs", body);
    submit.disabled = false;
    submit.textContent = "Check label";
    if (answer.status === 202 || answer.status === 200) {
      location.assign(`/jobs/${encodeURIComponent(answer.data.job_id)}`);
      return;
    }
    if (!placeError(answer)) showError(formError, describeError(answer));
    else showError(formError, "The check was not started: see the message beside the file or field.");
  });
}
