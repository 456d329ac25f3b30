// A project's page: the new-check form, rename, members and roles, delete with a confirmation naming what goes.
import { api, describeError, showError } from "./api.js";
import { setupUpload } from "./upload.js";

const project = JSON.parse(document.getElementById("project-data").textContent);
const base = `/api/v1/projects/${encodeURIComponent(project.id)}`;

const checkForm = document.getElementById("check-form");
if (checkForm) setupUpload(checkForm);

document.getElementById("rename")?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const name = document.getElementById("rn-name").value.trim();
  const tags = document.getElementById("rn-tags").value.split(",").map((t) => t.trim()).filter(Boolean);
  const error = document.getElementById("rename-error");
  if (!name) { showError(error, "The project needs a name."); return; }
  const answer = await api("PATCH", base, { name, tags });
  if (answer.status === 200) location.reload();
  else showError(error, describeError(answer));
});

async function saveMembers(members) {
  const answer = await api("PATCH", base, { members });
  if (answer.status === 200) location.reload();
  else showError(document.getElementById("member-error"), describeError(answer));
}

for (const select of document.querySelectorAll(".member-role")) {
  select.addEventListener("change", () => saveMembers({ ...project.members, [select.dataset.email]: select.value }));
}
for (const button of document.querySelectorAll(".member-remove")) {
  button.addEventListener("click", () => {
    const members = { ...project.members };
    delete members[button.dataset.email];
    saveMembers(members);
  });
}
document.getElementById("add-member")?.addEventListener("submit", (event) => {
  event.preventDefault();
  const email = document.getElementById("m-email").value.trim().toLowerCase();
  const error = document.getElementById("member-error");
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) { showError(error, "Enter the member's email address."); return; }
  saveMembers({ ...project.members, [email]: document.getElementById("m-role").value });
});

const dialog = document.getElementById("delete-dialog");
document.getElementById("delete-open")?.addEventListener("click", () => dialog.showModal());
document.getElementById("delete-cancel")?.addEventListener("click", () => dialog.close());
document.getElementById("delete-confirm")?.addEventListener("click", async () => {
  const answer = await api("DELETE", base);
  if (answer.status === 200 || answer.status === 204) location.assign("/");
  else showError(document.getElementById("delete-error"), describeError(answer));
});
