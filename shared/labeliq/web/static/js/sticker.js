// A relabel job's proposed sticker: approve a field as proposed, or edit it in both languages with a reason.
// Each decision is saved at once as a new version through the API's sticker decisions (the author is the signed-in
// reviewer); a 409 says someone else saved first, and nothing is sent without the text and reason an edit needs.
import { api, describeError, showError, setFieldError } from "./api.js";

const page = JSON.parse(document.getElementById("job-data").textContent);
const section = document.getElementById("sticker");
const error = document.getElementById("sticker-error");
const stale = document.getElementById("sticker-stale");

async function decide(item, decision, button) {
  showError(error, "");
  stale.hidden = true;
  button.disabled = true;
  const status = item.querySelector("[data-role=status]") || document.createElement("p");
  status.dataset.role = "status";
  status.setAttribute("role", "status");
  status.textContent = "Saving…";
  item.append(status);
  const answer = await api("POST", `/api/v1/jobs/${encodeURIComponent(page.job_id)}/decisions`, {
    base_version: page.version,
    sticker: [decision],
  });
  button.disabled = false;
  if (answer.status === 201 || answer.status === 200) {
    location.assign(`/jobs/${encodeURIComponent(page.job_id)}?saved=${answer.data.n}#sticker-${decision.field}`);
    return;
  }
  status.textContent = "";
  if (answer.status === 409) {
    document.getElementById("sticker-stale-detail").textContent = answer.data?.detail || "";
    stale.hidden = false;
    stale.querySelector("a").focus();
    return;
  }
  showError(error, `Not saved: ${describeError(answer)}`);
}

if (section) {
  for (const item of section.querySelectorAll("li.sticker-field")) {
    const field = item.dataset.field;
    const approve = item.querySelector("[data-action=approve]");
    const edit = item.querySelector("[data-action=edit]");
    const form = item.querySelector("form.sticker-edit");
    if (approve) approve.addEventListener("click", () => decide(item, { field, action: "approve" }, approve));
    if (!edit || !form) continue;
    edit.addEventListener("click", () => {
      const open = form.hidden;
      form.hidden = !open;
      edit.setAttribute("aria-expanded", String(open));
      if (open) form.querySelector("[data-role=en]").focus();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const parts = ["en", "fr", "reason"].map((role) => {
        const control = form.querySelector(`[data-role=${role}]`);
        return { role, control, error: document.getElementById(control.getAttribute("aria-describedby")) };
      });
      const messages = {
        en: "Give the English text: an edit replaces both languages.",
        fr: "Give the French text: an edit replaces both languages.",
        reason: "An edit needs a reason: say why the proposed text is changed.",
      };
      let firstBad = null;
      for (const { role, control, error: fieldError } of parts) {
        const bad = !control.value.trim();
        setFieldError(control, fieldError, bad ? messages[role] : "");
        if (bad && !firstBad) firstBad = control;
      }
      if (firstBad) {
        firstBad.focus();
        return;
      }
      const [en, fr, reason] = parts.map((p) => p.control.value.trim());
      decide(item, { field, action: "edit", en, fr, reason }, form.querySelector("button[type=submit]"));
    });
  }
}
