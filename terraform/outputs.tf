output "in_bucket" {
  description = "Upload panels to gs://IN/incoming/JOB_ID/ and the manifest job.json last."
  value       = google_storage_bucket.incoming.name
}

output "out_bucket" {
  description = "Facts, reports (vN.json) and Word documents (vN.docx)."
  value       = google_storage_bucket.out.name
}

output "workflow_name" {
  value = google_workflows_workflow.label_compliance.name
}

output "function_urls" {
  value = { for name, fn in google_cloudfunctions2_function.fn : name => fn.service_config[0].uri }
}

output "documentai_processor" {
  value = google_document_ai_processor.ocr.id
}
