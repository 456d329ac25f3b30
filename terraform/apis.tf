locals {
  # Every API the suite calls; disable_on_destroy = false so a destroy never breaks other users of the project.
  apis = toset([
    "aiplatform.googleapis.com",
    "artifactregistry.googleapis.com",
    "cloudbuild.googleapis.com",
    "cloudfunctions.googleapis.com",
    "documentai.googleapis.com",
    "eventarc.googleapis.com",
    "firestore.googleapis.com",
    "compute.googleapis.com",
    "iam.googleapis.com",
    "iap.googleapis.com",
    "logging.googleapis.com",
    "pubsub.googleapis.com",
    "run.googleapis.com",
    "storage.googleapis.com",
    "workflowexecutions.googleapis.com",
    "workflows.googleapis.com",
  ])
}

# Cloud Translation only when relabel mode is deployed with it (relabel_translator = "cloud_translation").
resource "google_project_service" "translate" {
  count              = var.relabel_translator == "cloud_translation" ? 1 : 0
  project            = var.project_id
  service            = "translate.googleapis.com"
  disable_on_destroy = false
}

resource "google_project_service" "api" {
  for_each           = local.apis
  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}
