variable "project_id" {
  description = "The Google Cloud project to deploy into."
  type        = string
}

variable "region" {
  description = "Region of the functions, the workflow, the buckets and the Eventarc trigger. A single region keeps the trigger's location equal to the bucket's, which Eventarc requires."
  type        = string
  default     = "northamerica-northeast1"
}

variable "name_prefix" {
  description = "Prefix of every resource name, so several deployments can share a project."
  type        = string
  default     = "labeliq"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}$", var.name_prefix))
    error_message = "name_prefix must be 2-19 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "firestore_location" {
  description = "Firestore database location (a region or a multi-region such as nam5)."
  type        = string
  default     = "northamerica-northeast1"
}

variable "documentai_location" {
  description = "Document AI processor location: \"us\" or \"eu\"."
  type        = string
  default     = "us"

  validation {
    condition     = contains(["us", "eu"], var.documentai_location)
    error_message = "documentai_location must be \"us\" or \"eu\"."
  }
}

variable "ocr_engine" {
  description = "OCR engine of the extract function: \"rapidocr\" (local, in the function) or \"documentai\"."
  type        = string
  default     = "documentai"

  validation {
    condition     = contains(["rapidocr", "documentai"], var.ocr_engine)
    error_message = "ocr_engine must be \"rapidocr\" or \"documentai\"."
  }
}

variable "relabel_translator" {
  description = "Relabel mode's translator (LABELIQ_TRANSLATOR), read by the API at job creation and by extract: \"glossary\" (offline regulated vocabulary), \"llm\" (the glossary, then Gemini; needs gemini_model) or \"cloud_translation\" (the glossary, then Cloud Translation v3; enables the API and grants extract roles/cloudtranslate.user)."
  type        = string
  default     = "glossary"

  validation {
    condition     = contains(["glossary", "llm", "cloud_translation"], var.relabel_translator)
    error_message = "relabel_translator must be \"glossary\", \"llm\" or \"cloud_translation\"."
  }
}

variable "translate_location" {
  description = "Cloud Translation location (LABELIQ_TRANSLATE_LOCATION) when relabel_translator = \"cloud_translation\": the glossary's region."
  type        = string
  default     = "us-central1"
}

variable "translate_glossary" {
  description = "Id of a Cloud Translation glossary made from labeliq.relabel.cloud_translate.glossary_csv (LABELIQ_TRANSLATE_GLOSSARY); empty: none is passed."
  type        = string
  default     = ""
}

variable "gemini_model" {
  description = "Gemini model of the LLM judge on Vertex AI; empty disables the judge (its questions become needs_review)."
  type        = string
  default     = "gemini-2.5-flash"
}

variable "gemini_location" {
  description = "Vertex AI location of the Gemini model."
  type        = string
  default     = "us-central1"
}

variable "functions" {
  description = "Per-function runtime settings: memory, timeout and the maximum instance count."
  type = map(object({
    memory        = string
    timeout_s     = number
    max_instances = number
  }))
  default = {
    extract         = { memory = "2Gi", timeout_s = 900, max_instances = 10 }
    run_agent_group = { memory = "1Gi", timeout_s = 900, max_instances = 20 }
    assemble_report = { memory = "512Mi", timeout_s = 300, max_instances = 10 }
    render_docx     = { memory = "512Mi", timeout_s = 300, max_instances = 10 }
  }

  validation {
    condition     = alltrue([for f in values(var.functions) : f.timeout_s > 0 && f.timeout_s <= 3600 && f.max_instances >= 1])
    error_message = "Each function needs 0 < timeout_s <= 3600 and max_instances >= 1."
  }
}

variable "out_retention_days" {
  description = "Days after which noncurrent versions of reports in the OUT bucket are deleted."
  type        = number
  default     = 90
}

variable "incoming_retention_days" {
  description = "Days after which uploaded panels and manifests in the IN bucket are deleted."
  type        = number
  default     = 30
}

variable "documentai_kms_key_name" {
  description = "Optional Cloud KMS key for the Document AI processor (null: Google-managed encryption)."
  type        = string
  default     = null
}

variable "api_members" {
  description = "Who may reach the API and the page through IAP: \"user:a@example.com\", \"group:reviewers@example.com\", \"domain:example.com\". Projects then say who sees what."
  type        = list(string)
  default     = []
  validation {
    condition     = alltrue([for m in var.api_members : can(regex("^(user|group|domain|serviceAccount):", m))])
    error_message = "Each member is user:, group:, domain: or serviceAccount: (public members are refused)."
  }
}

variable "api_domain" {
  description = "The DNS name of the API and the page (a managed certificate is issued for it); point it at the api_ip output."
  type        = string
  default     = "labeliq.example.com"
}

variable "api_jobs_per_minute" {
  description = "Job creations allowed per user and minute (429 with Retry-After beyond)."
  type        = number
  default     = 30
}

variable "api_max_instances" {
  type    = number
  default = 5
}
