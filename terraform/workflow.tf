# The choreography: workflows/label_compliance.yaml, with the function URLs passed as user_env_vars
# (read in the YAML with sys.get_env) and call logging of errors only.
resource "google_workflows_workflow" "label_compliance" {
  name            = "label-compliance"
  region          = var.region
  description     = "labeliq: extract, three check groups in parallel, assemble, render."
  service_account = google_service_account.workflow.id
  call_log_level  = "LOG_ERRORS_ONLY"
  source_contents = file("${path.module}/../workflows/label_compliance.yaml")

  user_env_vars = {
    EXTRACT_URL         = google_cloudfunctions2_function.fn["extract"].service_config[0].uri
    RUN_AGENT_GROUP_URL = google_cloudfunctions2_function.fn["run_agent_group"].service_config[0].uri
    ASSEMBLE_REPORT_URL = google_cloudfunctions2_function.fn["assemble_report"].service_config[0].uri
    RENDER_DOCX_URL     = google_cloudfunctions2_function.fn["render_docx"].service_config[0].uri
  }

  deletion_protection = false
  depends_on          = [google_project_service.api]
}
