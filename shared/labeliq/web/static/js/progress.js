// Progress of a job from the API's real steps. A step never goes back on the page (the API guarantees it; the page
// keeps the furthest state it has shown as well), a failed job says why and what to do, and polling stops:
// after DONE or FAILED, or after 30 minutes with a message, so nothing spins forever.
import { api, describeError } from "./api.js";

const RANK = { pending: 0, running: 1, done: 2, failed: 3 };
const STATE_TEXT = { pending: "waiting", running: "in progress", done: "done", failed: "failed" };
const GIVE_UP_MS = 30 * 60 * 1000;

function delayFor(elapsed) {
  if (elapsed < 60_000) return 1000;
  if (elapsed < 5 * 60_000) return 3000;
  return 10_000;
}

export function watchJob(page, { onDone, onVersionsSettled }) {
  const shown = { ...page.steps };
  const statusLine = document.getElementById("progress-status");
  const failure = document.getElementById("progress-failure");
  const started = Date.now();
  const running = new Set(page.running_versions || []);
  const needJob = !["DONE", "FAILED"].includes(page.status);
  if (!needJob && !running.size) return;

  function paintStep(name, state) {
    const item = document.querySelector(`.step[data-step="${name}"]`);
    if (!item || (RANK[state] ?? 0) < (RANK[shown[name]] ?? 0)) return;  // never move a step back
    shown[name] = state;
    item.dataset.state = state;
    item.className = `step step-${state}`;
    item.querySelector(".step-state").textContent = STATE_TEXT[state] || state;
  }

  async function poll() {
    const answer = await api("GET", `/api/v1/jobs/${encodeURIComponent(page.job_id)}`);
    const elapsed = Date.now() - started;
    if (answer.status !== 200) {
      statusLine.textContent = `Could not get the progress: ${describeError(answer)} Trying again…`;
    } else {
      const job = answer.data;
      for (const [name, state] of Object.entries(job.steps || {})) paintStep(name, state);
      if (needJob) {
        if (job.status === "DONE") {
          statusLine.textContent = "Done. Loading the report…";
          statusLine.dataset.status = "DONE";
          onDone();
          return;
        }
        if (job.status === "FAILED") {
          statusLine.textContent = "Failed.";
          statusLine.dataset.status = "FAILED";
          document.getElementById("failure-reason").textContent = job.error || "no reason was recorded";
          failure.hidden = false;
          return;
        }
        statusLine.dataset.status = job.status;
        statusLine.textContent = `Status: ${job.status.charAt(0)}${job.status.slice(1).toLowerCase()}. This page updates by itself.`;
      } else {
        const settled = (job.versions || []).filter((v) => running.has(v.n) && v.state !== "running");
        if (settled.length) { onVersionsSettled(settled); return; }
        statusLine.textContent = "Running the checks again on the corrected facts…";
      }
    }
    if (elapsed > GIVE_UP_MS) {
      statusLine.textContent = "Still not finished after 30 minutes, which is far longer than usual. Reload the page later; if it is still not done, send the check id to your administrator.";
      return;
    }
    setTimeout(poll, delayFor(elapsed));
  }
  setTimeout(poll, 800);
}
