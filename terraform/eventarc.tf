# Object finalized on IN starts the workflow. The workflow itself ignores every object but incoming/*/job.json.
# The trigger's location must equal the bucket's: both use var.region.
resource "google_eventarc_trigger" "upload" {
  name            = "${var.name_prefix}-upload"
  location        = var.region
  service_account = google_service_account.trigger.email

  matching_criteria {
    attribute = "type"
    value     = "google.cloud.storage.object.v1.finalized"
  }

  matching_criteria {
    attribute = "bucket"
    value     = google_storage_bucket.incoming.name
  }

  destination {
    workflow = google_workflows_workflow.label_compliance.id
  }

  depends_on = [
    google_project_iam_member.trigger,
    google_project_iam_member.storage_agent_publishes,
  ]
}
