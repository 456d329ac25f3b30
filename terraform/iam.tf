# Least privilege: one service account per function, one for the workflow, one for the trigger, one for builds.
# No *.admin role and no allUsers / allAuthenticatedUsers anywhere (tests/terraform enforces both).

locals {
  # Project roles per function (https://cloud.google.com/iam/docs/understanding-roles):
  # datastore.user: read/write Firestore documents (https://cloud.google.com/firestore/docs/security/iam)
  # documentai.apiUser: process documents (https://cloud.google.com/document-ai/docs/access-control/iam-roles)
  # aiplatform.user: call Gemini on Vertex AI (https://cloud.google.com/vertex-ai/docs/general/access-control)
  # logging.logWriter: write structured logs
  function_project_roles = {
    extract         = ["roles/datastore.user", "roles/documentai.apiUser", "roles/logging.logWriter"]
    run_agent_group = ["roles/datastore.user", "roles/aiplatform.user", "roles/logging.logWriter"]
    assemble_report = ["roles/datastore.user", "roles/logging.logWriter"]
    render_docx     = ["roles/datastore.user", "roles/logging.logWriter"]
  }

  # Bucket roles per function: reads where it reads, create-only writes where it writes.
  # storage.objectCreator creates objects but cannot overwrite or delete them, matching if_generation_match=0.
  function_bucket_roles = flatten([
    for binding in [
      { fn = "extract", bucket = "incoming", role = "roles/storage.objectViewer" },
      { fn = "extract", bucket = "out", role = "roles/storage.objectCreator" },
      { fn = "extract", bucket = "out", role = "roles/storage.objectViewer" },
      { fn = "run_agent_group", bucket = "out", role = "roles/storage.objectViewer" },
      { fn = "assemble_report", bucket = "out", role = "roles/storage.objectCreator" },
      { fn = "assemble_report", bucket = "out", role = "roles/storage.objectViewer" },
      { fn = "render_docx", bucket = "out", role = "roles/storage.objectCreator" },
      { fn = "render_docx", bucket = "out", role = "roles/storage.objectViewer" },
    ] : binding
  ])

  # The translator extract proposes the sticker with, by relabel_translator: only the chosen one gets a role.
  # cloudtranslate.user: translate text and use glossaries (https://cloud.google.com/translate/docs/access-control)
  # aiplatform.user: Gemini for the llm translator (as run_agent_group's judge)
  translator_project_roles = {
    glossary          = []
    llm               = ["roles/aiplatform.user"]
    cloud_translation = ["roles/cloudtranslate.user"]
  }

  function_project_bindings = flatten([
    for fn, roles in local.function_project_roles : [for role in roles : { fn = fn, role = role }]
  ])

  bucket_names = {
    incoming = google_storage_bucket.incoming.name
    out      = google_storage_bucket.out.name
  }
}

resource "google_service_account" "function" {
  for_each     = local.function_entry_points
  account_id   = "${var.name_prefix}-${replace(each.key, "_", "-")}"
  display_name = "labeliq ${each.key} function"
}

resource "google_project_iam_member" "function" {
  for_each = { for b in local.function_project_bindings : "${b.fn}/${b.role}" => b }
  project  = var.project_id
  role     = each.value.role
  member   = "serviceAccount:${google_service_account.function[each.value.fn].email}"
}

resource "google_project_iam_member" "extract_translator" {
  for_each = toset(local.translator_project_roles[var.relabel_translator])
  project  = var.project_id
  role     = each.value
  member   = "serviceAccount:${google_service_account.function["extract"].email}"
}

resource "google_storage_bucket_iam_member" "function" {
  for_each = { for b in local.function_bucket_roles : "${b.fn}/${b.bucket}/${b.role}" => b }
  bucket   = local.bucket_names[each.value.bucket]
  role     = each.value.role
  member   = "serviceAccount:${google_service_account.function[each.value.fn].email}"
}

# The workflow: it may invoke the four functions (roles/run.invoker on each Cloud Run service, below) and log.
resource "google_service_account" "workflow" {
  account_id   = "${var.name_prefix}-workflow"
  display_name = "labeliq workflow"
}

resource "google_project_iam_member" "workflow_logs" {
  project = var.project_id
  role    = "roles/logging.logWriter"
  member  = "serviceAccount:${google_service_account.workflow.email}"
}

# A gen2 function is a Cloud Run service: invoking it privately needs run.invoker on that service
# (cloudfunctions.invoker is not enough). Granted to the workflow only.
resource "google_cloud_run_v2_service_iam_member" "workflow_invokes_function" {
  for_each = local.function_entry_points
  project  = var.project_id
  location = var.region
  name     = google_cloudfunctions2_function.fn[each.key].service_config[0].service
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.workflow.email}"
}

# The Eventarc trigger: receives events and starts workflow executions.
resource "google_service_account" "trigger" {
  account_id   = "${var.name_prefix}-trigger"
  display_name = "labeliq upload trigger"
}

resource "google_project_iam_member" "trigger" {
  for_each = toset(["roles/workflows.invoker", "roles/eventarc.eventReceiver"])
  project  = var.project_id
  role     = each.value
  member   = "serviceAccount:${google_service_account.trigger.email}"
}

# Cloud Storage publishes object events through Pub/Sub on behalf of Eventarc.
data "google_storage_project_service_account" "storage_agent" {
  project = var.project_id
}

resource "google_project_iam_member" "storage_agent_publishes" {
  project = var.project_id
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${data.google_storage_project_service_account.storage_agent.email_address}"
}

# Builds of the functions run as their own account, not the default compute account.
resource "google_service_account" "builder" {
  account_id   = "${var.name_prefix}-builder"
  display_name = "labeliq function builds"
}

resource "google_project_iam_member" "builder" {
  for_each = toset(["roles/logging.logWriter", "roles/artifactregistry.writer"])
  project  = var.project_id
  role     = each.value
  member   = "serviceAccount:${google_service_account.builder.email}"
}

resource "google_storage_bucket_iam_member" "builder_reads_sources" {
  bucket = google_storage_bucket.sources.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.builder.email}"
}
