# The four gen2 functions. Each zip holds main.py, the labeliq library vendored beside it and one merged, pinned
# requirements.txt; the object is named by the zip's content hash, so only a changed function redeploys.

locals {
  library_dir = "${path.module}/../shared/labeliq"
  # The library minus its command line (no function imports it; `labeliq submit` and submit_batch reach the dev stack).
  library_files = setsubtract(
    fileset(local.library_dir, "**/*.{py,json,typed,html,css,js,svg}"),
    setunion(
      fileset(local.library_dir, "cli/**"),
      fileset(local.library_dir, "samples_run.py"),
      fileset(local.library_dir, "submit_batch.py"),
    ),
  )

  function_entry_points = {
    extract         = "extract"
    run_agent_group = "run_agent_group"
    assemble_report = "assemble_report"
    render_docx     = "render_docx"
  }

  # Pinned runtime requirements of the library, plus each function's own, plus the local OCR engine and the Cloud
  # Translation client for extract when they are chosen; sorted and de-duplicated so the zip (and its hash) is stable.
  library_requirements   = [for line in split("\n", file("${path.module}/../shared/requirements.txt")) : trimspace(line) if trimspace(line) != "" && !startswith(trimspace(line), "#")]
  ocr_requirements       = [for line in split("\n", file("${path.module}/../shared/requirements-ocr.txt")) : trimspace(line) if trimspace(line) != "" && !startswith(trimspace(line), "#")]
  translate_requirements = [for line in split("\n", file("${path.module}/../shared/requirements-translate.txt")) : trimspace(line) if trimspace(line) != "" && !startswith(trimspace(line), "#")]
  function_requirements = {
    for name in keys(local.function_entry_points) : name => join("\n", sort(distinct(concat(
      local.library_requirements,
      [for line in split("\n", file("${path.module}/../functions/${name}/requirements.txt")) : trimspace(line) if trimspace(line) != "" && !startswith(trimspace(line), "#") && !startswith(trimspace(line), "-")],
      name == "extract" && var.ocr_engine == "rapidocr" ? local.ocr_requirements : [],
      name == "extract" && var.relabel_translator == "cloud_translation" ? local.translate_requirements : [],
    ))))
  }

  function_env = {
    LABELIQ_PROJECT_ID           = var.project_id
    LABELIQ_INPUT_BUCKET         = google_storage_bucket.incoming.name
    LABELIQ_OUTPUT_BUCKET        = google_storage_bucket.out.name
    LABELIQ_OCR_ENGINE           = var.ocr_engine
    LABELIQ_DOCUMENTAI_PROCESSOR = google_document_ai_processor.ocr.id
    LABELIQ_LLM_ENABLED          = var.gemini_model == "" ? "false" : "true"
    LABELIQ_LLM_MODEL            = var.gemini_model
    LABELIQ_LLM_PROJECT          = var.project_id
    LABELIQ_LLM_LOCATION         = var.gemini_location
    LABELIQ_TRANSLATOR           = local.translator_setting[var.relabel_translator]
    LABELIQ_TRANSLATE_PROJECT    = var.project_id
    LABELIQ_TRANSLATE_LOCATION   = var.translate_location
    LABELIQ_TRANSLATE_GLOSSARY   = var.translate_glossary
  }

  # relabel_translator -> the library's LABELIQ_TRANSLATOR (labeliq.relabel.translate.TranslatorSettings)
  translator_setting = {
    glossary          = "glossary"
    llm               = "llm"
    cloud_translation = "cloud"
  }
}

data "archive_file" "function" {
  for_each    = local.function_entry_points
  type        = "zip"
  output_path = "${path.module}/build/${each.key}.zip"

  source {
    content  = file("${path.module}/../functions/${each.key}/main.py")
    filename = "main.py"
  }

  source {
    content  = "${local.function_requirements[each.key]}\n"
    filename = "requirements.txt"
  }

  dynamic "source" {
    for_each = local.library_files
    content {
      content  = file("${local.library_dir}/${source.value}")
      filename = "labeliq/${source.value}"
    }
  }
}

resource "google_storage_bucket_object" "function_source" {
  for_each = local.function_entry_points
  name     = "functions/${each.key}-${data.archive_file.function[each.key].output_sha256}.zip"
  bucket   = google_storage_bucket.sources.name
  source   = data.archive_file.function[each.key].output_path
}

resource "google_cloudfunctions2_function" "fn" {
  for_each = local.function_entry_points
  name     = "${var.name_prefix}-${replace(each.key, "_", "-")}"
  location = var.region

  build_config {
    runtime         = "python311"
    entry_point     = each.value
    service_account = google_service_account.builder.id
    source {
      storage_source {
        bucket = google_storage_bucket.sources.name
        object = google_storage_bucket_object.function_source[each.key].name
      }
    }
  }

  service_config {
    service_account_email            = google_service_account.function[each.key].email
    ingress_settings                 = "ALLOW_INTERNAL_ONLY"
    all_traffic_on_latest_revision   = true
    max_instance_count               = var.functions[each.key].max_instances
    available_memory                 = var.functions[each.key].memory
    timeout_seconds                  = var.functions[each.key].timeout_s
    max_instance_request_concurrency = 1
    environment_variables            = local.function_env
  }

  depends_on = [google_project_service.api, google_project_service.translate, google_project_iam_member.builder]
}
