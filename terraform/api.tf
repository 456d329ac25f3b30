# The jobs API (functions/api): a fifth function, reached by people only through an HTTPS load balancer with
# Identity-Aware Proxy. The function verifies IAP's signed assertion on every request (issuer, audience, expiry,
# signature), with the backend service's audience set here; nothing in it can switch that off.
# https://cloud.google.com/iap/docs/enabling-cloud-run and https://cloud.google.com/iap/docs/signed-headers-howto

data "google_project" "this" {
  project_id = var.project_id
}

locals {
  api_name = "${var.name_prefix}-api"
  api_requirements = join("\n", sort(distinct(concat(
    local.library_requirements,
    [for line in split("\n", file("${path.module}/../functions/api/requirements.txt")) : trimspace(line) if trimspace(line) != "" && !startswith(trimspace(line), "#") && !startswith(trimspace(line), "-")],
  ))))
  # The `aud` IAP signs for this backend service.
  api_iap_audience = "/projects/${data.google_project.this.number}/global/backendServices/${google_compute_backend_service.api.generated_id}"
  api_env = merge(local.function_env, {
    LABELIQ_IAP_AUDIENCE        = local.api_iap_audience
    LABELIQ_IAP_ISSUER          = "https://cloud.google.com/iap"
    LABELIQ_IAP_CERTS_URL       = "https://www.gstatic.com/iap/verify/public_key"
    LABELIQ_API_JOBS_PER_MINUTE = tostring(var.api_jobs_per_minute)
  })
  # The IAP service agent calls the Cloud Run service behind the function (no allUsers invoker).
  iap_service_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-iap.iam.gserviceaccount.com"
}

data "archive_file" "api" {
  type        = "zip"
  output_path = "${path.module}/build/api.zip"

  source {
    content  = file("${path.module}/../functions/api/main.py")
    filename = "main.py"
  }

  source {
    content  = "${local.api_requirements}\n"
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

resource "google_storage_bucket_object" "api_source" {
  name   = "functions/api-${data.archive_file.api.output_sha256}.zip"
  bucket = google_storage_bucket.sources.name
  source = data.archive_file.api.output_path
}

resource "google_service_account" "api" {
  account_id   = local.api_name
  display_name = "labeliq api function"
}

resource "google_cloudfunctions2_function" "api" {
  name     = local.api_name
  location = var.region

  build_config {
    runtime         = "python311"
    entry_point     = "api"
    service_account = google_service_account.builder.id
    source {
      storage_source {
        bucket = google_storage_bucket.sources.name
        object = google_storage_bucket_object.api_source.name
      }
    }
  }

  service_config {
    service_account_email            = google_service_account.api.email
    ingress_settings                 = "ALLOW_INTERNAL_AND_GCLB" # only through the load balancer (and IAP)
    all_traffic_on_latest_revision   = true
    max_instance_count               = var.api_max_instances
    available_memory                 = "1Gi"
    timeout_seconds                  = 120
    max_instance_request_concurrency = 8
    environment_variables            = local.api_env
  }

  depends_on = [google_project_service.api, google_project_iam_member.builder]
}

# -- what the api's account may do: Firestore documents, logs, its two buckets; invoke nothing ------------------
# datastore.user: projects, workspace_jobs, versions, rate limits, and reading jobs/{id} (Firestore IAM has no
# per-collection roles). storage.objectUser on IN and OUT: create uploads and versions create-only, read them, and
# delete a project's objects when the project is deleted (objectCreator cannot delete). No admin role.
resource "google_project_iam_member" "api" {
  for_each = toset(["roles/datastore.user", "roles/logging.logWriter"])
  project  = var.project_id
  role     = each.value
  member   = "serviceAccount:${google_service_account.api.email}"
}

resource "google_storage_bucket_iam_member" "api" {
  for_each = local.bucket_names
  bucket   = each.value
  role     = "roles/storage.objectUser"
  member   = "serviceAccount:${google_service_account.api.email}"
}

resource "google_cloud_run_v2_service_iam_member" "iap_invokes_api" {
  project  = var.project_id
  location = var.region
  name     = google_cloudfunctions2_function.api.service_config[0].service
  role     = "roles/run.invoker"
  member   = local.iap_service_agent
}

# -- the HTTPS load balancer with IAP in front of the function ------------------------------------------------
resource "google_compute_region_network_endpoint_group" "api" {
  name                  = "${local.api_name}-neg"
  region                = var.region
  network_endpoint_type = "SERVERLESS"
  cloud_function {
    function = local.api_name # the name, not a reference: the function's settings need the backend's audience
  }
}

resource "google_compute_backend_service" "api" {
  name                  = "${local.api_name}-backend"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  protocol              = "HTTPS"

  backend {
    group = google_compute_region_network_endpoint_group.api.id
  }

  iap {
    enabled = true
  }

  log_config {
    enable      = true
    sample_rate = 1.0
  }

  depends_on = [google_project_service.api]
}

resource "google_iap_web_backend_service_iam_member" "api_users" {
  for_each            = toset(var.api_members)
  project             = var.project_id
  web_backend_service = google_compute_backend_service.api.name
  role                = "roles/iap.httpsResourceAccessor"
  member              = each.value
}

resource "google_compute_url_map" "api" {
  name            = "${local.api_name}-urls"
  default_service = google_compute_backend_service.api.id
}

resource "google_compute_managed_ssl_certificate" "api" {
  name = "${local.api_name}-cert"
  managed {
    domains = [var.api_domain]
  }
}

resource "google_compute_ssl_policy" "api" {
  name            = "${local.api_name}-tls"
  profile         = "RESTRICTED"
  min_tls_version = "TLS_1_2"
}

resource "google_compute_target_https_proxy" "api" {
  name             = "${local.api_name}-https"
  url_map          = google_compute_url_map.api.id
  ssl_certificates = [google_compute_managed_ssl_certificate.api.id]
  ssl_policy       = google_compute_ssl_policy.api.id
}

resource "google_compute_global_address" "api" {
  name = "${local.api_name}-ip"
}

resource "google_compute_global_forwarding_rule" "api" {
  name                  = "${local.api_name}-https"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  target                = google_compute_target_https_proxy.api.id
  ip_address            = google_compute_global_address.api.address
  port_range            = "443"
}
