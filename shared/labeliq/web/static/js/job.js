// A job's page: progress while it runs; then the report: open a finding to see its evidence on the photo and decide,
// save decisions, see what changed between versions, correct a fact and re-check, sign off.
import { api, describeError, showError, setFieldError } from "./api.js";
import { watchJob } from "./progress.js";
import { createViewer } from "./viewer.js";
import { setupDecisions } from "./decisions.js";

const page = JSON.parse(document.getElementById("job-data").textContent);
const jobPath = `/api/v1/jobs/${encodeURIComponent(page.job_id)}`;

watchJob(page, {
  onDone: () => location.reload(),
  onVersionsSettled: (settled) => {
    const ready = settled.filter((v) => v.state === "ready");
    const status = document.getElementById("cf-status") || document.getElementById("progress-status");
    if (ready.length) location.assign(`/jobs/${encodeURIComponent(page.job_id)}?saved=${Math.max(...ready.map((v) => v.n))}`);
    else status.textContent = `The re-check failed: ${settled[0].error || "no reason recorded"}. The earlier version is unchanged.`;
  },
});

const items = [...document.querySelectorAll("li.finding")];
const viewer = createViewer(page.job_id, page.panels);
const home = document.getElementById("panel-home");
if (home) {
  home.append(viewer.element);
  viewer.show(page.panels[0]?.name, null, "");
}
const decisions = document.getElementById("savebar") ? setupDecisions(page, items) : null;
let openItem = null;

function box(item) {
  return item.dataset.box ? item.dataset.box.split(",").map(Number) : null;
}

function close(item) {
  const toggle = item.querySelector(".finding-toggle");
  toggle.setAttribute("aria-expanded", "false");
  item.querySelector(".finding-body").hidden = true;
  item.querySelector(".decide-slot").replaceChildren();
  if (home) {
    home.append(viewer.element);
  }
  openItem = null;
}

function open(item) {
  if (openItem === item) return;
  if (openItem) close(openItem);
  const details = item.closest("details");
  if (details) details.open = true;
  item.querySelector(".finding-toggle").setAttribute("aria-expanded", "true");
  item.querySelector(".finding-body").hidden = false;
  const evidence = item.querySelector(".evidence")?.textContent || "";
  if (page.panels.length) {
    item.querySelector(".viewer-slot").append(viewer.element);
    viewer.show(item.dataset.panel || page.panels[0].name, box(item), evidence);
  }
  decisions?.mountEditor(item);
  openItem = item;
}

for (const item of items) {
  item.querySelector(".finding-toggle").addEventListener("click", () => (openItem === item ? close(item) : open(item)));
}
document.getElementById("save-decisions")?.addEventListener("click", () => decisions.save(open));

// What changed in a review version: the findings whose reviewer decision differs from its base version.
async function loadChanges(slot) {
  const [now, before] = await Promise.all([
    api("GET", `${jobPath}/report?version=${slot.dataset.version}`),
    api("GET", `${jobPath}/report?version=${slot.dataset.base}`),
  ]);
  if (now.status !== 200 || before.status !== 200) {
    slot.textContent = `Could not load the changes: ${describeError(now.status !== 200 ? now : before)}`;
    return;
  }
  const reviews = (report) => {
    const out = new Map();
    for (const result of Object.values(report.results || {})) {
      for (const f of result.findings || []) out.set(f.finding_id, f);
    }
    return out;
  };
  const old = reviews(before.data);
  const list = document.createElement("ul");
  list.className = "changes";
  for (const [id, finding] of reviews(now.data)) {
    const review = finding.review;
    if (!review || JSON.stringify(review) === JSON.stringify(old.get(id)?.review)) continue;
    const li = document.createElement("li");
    const what = review.action === "override" ? `override: ${finding.verdict} → ${review.verdict}` : review.action;
    li.textContent = `Rule ${finding.rule}: ${what} by ${review.reviewer}${review.reason ? `. Reason: “${review.reason}”` : ""}`;
    list.append(li);
  }
  if (!list.children.length) {
    list.innerHTML = "";
    const li = document.createElement("li");
    li.textContent = "No finding changed.";
    list.append(li);
  }
  slot.replaceChildren(list);
}
document.querySelectorAll(".changes-slot").forEach((slot, index) => {
  if (index === 0) { loadChanges(slot); return; }
  const button = document.createElement("button");
  button.type = "button";
  button.className = "link";
  button.textContent = `Show what changed in version ${slot.dataset.version}`;
  button.addEventListener("click", () => loadChanges(slot));
  slot.replaceChildren(button);
});

// Correct an extracted fact: a recheck version, made by the workflow from the corrected facts.
document.getElementById("correct-form")?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const path = document.getElementById("cf-path");
  const valueInput = document.getElementById("cf-value");
  const why = document.getElementById("cf-why");
  const formError = document.getElementById("cf-error");
  showError(formError, "");
  const option = path.selectedOptions[0];
  let value = valueInput.value.trim();
  const current = option?.dataset.current ? JSON.parse(option.dataset.current) : null;
  let valueProblem = value ? "" : "Enter the value as printed on the label.";
  if (!valueProblem && typeof current === "number") {
    value = Number(value);
    if (!Number.isFinite(value)) valueProblem = "This fact is a number: enter digits only (e.g. 2.5).";
  }
  setFieldError(valueInput, document.getElementById("cf-value-err"), valueProblem);
  setFieldError(why, document.getElementById("cf-why-err"), why.value.trim() ? "" : "Say why the reading is wrong (e.g. OCR read 8 as 3).");
  if (!path.value) { showError(formError, "Choose the fact to correct."); path.focus(); return; }
  if (valueProblem) { valueInput.focus(); return; }
  if (!why.value.trim()) { why.focus(); return; }
  const answer = await api("POST", `${jobPath}/facts`, {
    base_version: page.version,
    corrections: [{ path: path.value, value, reason: why.value.trim() }],
  });
  if (answer.status === 202 || answer.status === 201) {
    document.getElementById("cf-status").textContent = `Running the checks again on the corrected facts (version ${answer.data.n})… this page moves to it when ready.`;
    watchJob({ ...page, status: "DONE", running_versions: [answer.data.n] }, {
      onDone: () => {},
      onVersionsSettled: (settled) => {
        const ready = settled.find((v) => v.state === "ready");
        if (ready) location.assign(`/jobs/${encodeURIComponent(page.job_id)}?saved=${ready.n}`);
        else document.getElementById("cf-status").textContent = `The re-check failed: ${settled[0].error || "no reason recorded"}.`;
      },
    });
    return;
  }
  showError(formError, describeError(answer));
});

document.getElementById("sign-off")?.addEventListener("click", async () => {
  const error = document.getElementById("signoff-error");
  if (decisions?.hasPending()) {
    showError(error, "Save your pending decisions first: sign-off locks the latest saved version.");
    return;
  }
  if (!window.confirm(`Sign off version ${page.version}? The report is then locked: no more decisions or corrections.`)) return;
  const answer = await api("POST", `${jobPath}/sign-off`, {});
  if (answer.status === 200 || answer.status === 201) location.reload();
  else showError(error, describeError(answer));
});
