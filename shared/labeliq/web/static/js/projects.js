// Projects list: search by name or tag as you type, and create a project.
import { api, describeError, showError, setFieldError } from "./api.js";

const search = document.getElementById("q");
const cards = [...document.querySelectorAll("#project-list > li")];
const status = document.getElementById("search-status");

function filter() {
  const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const card of cards) {
    const match = words.every((w) => card.dataset.search.includes(w));
    card.hidden = !match;
    if (match) shown += 1;
  }
  status.textContent = words.length ? `${shown} of ${cards.length} projects match` : `${cards.length} project${cards.length === 1 ? "" : "s"}`;
}
if (search) {
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) search.value = initial;
  search.addEventListener("input", filter);
  document.getElementById("project-search").addEventListener("submit", (event) => { event.preventDefault(); filter(); });
  filter();
}

const form = document.getElementById("new-project");
form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const name = document.getElementById("np-name");
  const nameError = document.getElementById("np-name-err");
  const formError = document.getElementById("np-error");
  setFieldError(name, nameError, name.value.trim() ? "" : "Give the project a name.");
  if (!name.value.trim()) { name.focus(); return; }
  const tags = document.getElementById("np-tags").value.split(",").map((t) => t.trim()).filter(Boolean);
  const body = { name: name.value.trim(), description: document.getElementById("np-desc").value.trim(), tags };
  const answer = await api("POST", "/api/v1/projects", body);
  if (answer.status === 201 || answer.status === 200) {
    location.assign(`/projects/${encodeURIComponent(answer.data.id)}`);
    return;
  }
  showError(formError, describeError(answer));
});
