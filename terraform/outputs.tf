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

output "api_ip" {
  description = "Point api_domain at this address; the API is https://API_DOMAIN/api/v1 behind IAP."
  value       = google_compute_global_address.api.address
}

output "api_iap_audience" {
  description = "The audience the api function checks in IAP's signed assertion."
  value       = local.api_iap_audience
}
