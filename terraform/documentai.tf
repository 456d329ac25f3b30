# The OCR processor used when ocr_engine = "documentai".
resource "google_document_ai_processor" "ocr" {
  #checkov:skip=CKV2_GCP_22:Google-managed encryption by default; set documentai_kms_key_name to use a customer key.
  location     = var.documentai_location
  display_name = "${var.name_prefix}-ocr"
  type         = "OCR_PROCESSOR"
  kms_key_name = var.documentai_kms_key_name

  depends_on = [google_project_service.api]
}
