# IN: uploads (incoming/{job_id}/...); OUT: facts and reports; sources: the function zips; logs: access logs of the others.
# All: uniform access, public access prevention enforced, versioning, access logging.

resource "google_storage_bucket" "access_logs" {
  name                        = "${var.project_id}-${var.name_prefix}-access-logs"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  versioning {
    enabled = true
  }

  lifecycle_rule {
    condition {
      age = 365
    }
    action {
      type = "Delete"
    }
  }

  #checkov:skip=CKV_GCP_62:This is the access-log sink itself; logging it into itself would loop.
  depends_on = [google_project_service.api]
}

resource "google_storage_bucket" "incoming" {
  name                        = "${var.project_id}-${var.name_prefix}-in"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  versioning {
    enabled = true
  }

  logging {
    log_bucket = google_storage_bucket.access_logs.name
  }

  lifecycle_rule {
    condition {
      age = var.incoming_retention_days
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.api]
}

resource "google_storage_bucket" "out" {
  name                        = "${var.project_id}-${var.name_prefix}-out"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  versioning {
    enabled = true
  }

  logging {
    log_bucket = google_storage_bucket.access_logs.name
  }

  # Reports are written create-only and never overwritten; only noncurrent versions (after a delete) expire.
  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.out_retention_days
      with_state                 = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.api]
}

resource "google_storage_bucket" "sources" {
  name                        = "${var.project_id}-${var.name_prefix}-sources"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  versioning {
    enabled = true
  }

  logging {
    log_bucket = google_storage_bucket.access_logs.name
  }

  lifecycle_rule {
    condition {
      num_newer_versions = 5
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.api]
}
