// Reviewer decisions: accept / override (verdict + reason) / defer per finding and checklist item, kept as pending
// changes until "Save decisions" makes a new version. A save on a version someone else has moved past is refused by
// the API (409) and the page says so, with a reload; nothing is silently merged or lost.
import { api, describeError } from "./api.js";

const DEFAULT_TICK_REASON = "Checked on the physical package: it meets the requirement.";

export function setupDecisions(page, items) {
  const pending = new Map(); // finding id -> {value, reason}
  const countLine = document.getElementById("pending-count");
  const saveButton = document.getElementById("save-decisions");
  const saveStatus = document.getElementById("save-status");
  const stale = document.getElementById("stale");
  const template = document.getElementById("decide-template");
  const byId = new Map(items.map((item) => [item.dataset.findingId, item]));

  function savedOf(item) {
    return { value: item.dataset.saved || "", reason: "" };
  }

  function refresh(item) {
    const id = item.dataset.findingId;
    item.querySelector(".pending-mark").hidden = !pending.has(id);
    const tick = item.querySelector(".tick");
    if (tick) tick.checked = (pending.get(id)?.value ?? item.dataset.saved) === "override:pass";
    const n = pending.size;
    countLine.textContent = n ? `${n} pending change${n === 1 ? "" : "s"} (not saved yet)` : "No pending changes";
    const ticks = [...document.querySelectorAll(".checklist .tick")];
    const progress = document.getElementById("checklist-progress");
    if (progress && ticks.length) progress.textContent = `${ticks.filter((t) => t.checked).length} of ${ticks.length} checked on the package`;
  }

  function setPending(item, value, reason) {
    const id = item.dataset.findingId;
    if (!value || (value === item.dataset.saved && !reason)) pending.delete(id);
    else pending.set(id, { value, reason });
    refresh(item);
  }

  // The editor exists only inside the open finding, so one "Decision" and one "Reason" control are on the page.
  function mountEditor(item) {
    const slot = item.querySelector(".decide-slot");
    const editor = template.content.firstElementChild.cloneNode(true);
    const select = editor.querySelector("[data-role=decision]");
    const reason = editor.querySelector("[data-role=reason]");
    const error = editor.querySelector("[data-role=reason-error]");
    const help = editor.querySelector("[data-role=reason-help]");
    const dom = item.id;
    select.id = `${dom}-decision`;
    reason.id = `${dom}-reason`;
    error.id = `${dom}-reason-error`;
    help.id = `${dom}-reason-help`;
    editor.querySelector("[data-for=decision]").htmlFor = select.id;
    editor.querySelector("[data-for=reason]").htmlFor = reason.id;
    reason.setAttribute("aria-describedby", `${help.id} ${error.id}`);
    const state = pending.get(item.dataset.findingId) || savedOf(item);
    select.value = state.value;
    reason.value = state.reason;
    const update = () => {
      setPending(item, select.value, reason.value.trim());
      if (!select.value.startsWith("override") || reason.value.trim()) {
        error.hidden = true;
        reason.removeAttribute("aria-invalid");
      }
    };
    select.addEventListener("change", update);
    reason.addEventListener("input", update);
    editor.querySelector(".to-save").addEventListener("click", (event) => {
      event.preventDefault();
      saveButton.focus();
    });
    slot.replaceChildren(editor);
  }

  for (const item of items) {
    const tick = item.querySelector(".tick");
    tick?.addEventListener("change", () => {
      const open = item.querySelector("[data-role=decision]");
      if (tick.checked) setPending(item, "override:pass", DEFAULT_TICK_REASON);
      else setPending(item, item.dataset.saved === "override:pass" ? "defer" : "", item.dataset.saved === "override:pass" ? "Unticked: to check again on the package." : "");
      if (open) mountEditor(item);
    });
    refresh(item);
  }

  function invalidItems() {
    return [...pending.entries()].filter(([, d]) => d.value.startsWith("override") && !d.reason).map(([id]) => byId.get(id));
  }

  async function save(openItem) {
    stale.hidden = true;
    saveStatus.textContent = "";
    if (!pending.size) {
      saveStatus.textContent = "Nothing to save: choose a decision on a finding first.";
      return;
    }
    const bad = invalidItems();
    if (bad.length) {
      const item = bad[0];
      openItem(item);
      const reason = item.querySelector("[data-role=reason]");
      const error = item.querySelector("[data-role=reason-error]");
      error.textContent = "An override needs a reason: say why the machine verdict is wrong.";
      error.hidden = false;
      reason.setAttribute("aria-invalid", "true");
      reason.focus();
      saveStatus.textContent = `${bad.length} override${bad.length === 1 ? " needs" : "s need"} a reason.`;
      return;
    }
    const decisions = [...pending.entries()].map(([finding_id, d]) => {
      const [action, verdict] = d.value.split(":");
      return verdict ? { finding_id, action, verdict, reason: d.reason } : { finding_id, action, reason: d.reason };
    });
    saveButton.disabled = true;
    saveStatus.textContent = "Saving…";
    const answer = await api("POST", `/api/v1/jobs/${encodeURIComponent(page.job_id)}/decisions`, { base_version: page.version, decisions });
    saveButton.disabled = false;
    if (answer.status === 201 || answer.status === 200) {
      pending.clear();
      location.assign(`/jobs/${encodeURIComponent(page.job_id)}?saved=${answer.data.n}`);
      return;
    }
    if (answer.status === 409) {
      saveStatus.textContent = "";
      document.getElementById("stale-detail").textContent = answer.data?.detail || "";
      stale.hidden = false;
      document.getElementById("reload-latest").focus();
      return;
    }
    saveStatus.textContent = `Not saved: ${describeError(answer)}`;
  }

  document.getElementById("reload-latest").addEventListener("click", () => {
    pending.clear();
    location.assign(`/jobs/${encodeURIComponent(page.job_id)}`);
  });
  window.addEventListener("beforeunload", (event) => {
    if (pending.size) event.preventDefault();
  });
  return { mountEditor, save, hasPending: () => pending.size > 0, setPending };
}
