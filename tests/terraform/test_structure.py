"""Structure and security of the Terraform, read offline with python-hcl2 (terraform init cannot run here)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from tests.terraform.hcl_model import TERRAFORM_DIR, TerraformModel, load_terraform

REPO = TERRAFORM_DIR.parent


@pytest.fixture(scope="module")
def tf() -> TerraformModel:
    return load_terraform()


def test_every_function_runs_as_its_own_service_account(tf: TerraformModel) -> None:
    fn = tf.resource("google_cloudfunctions2_function", "fn")
    accounts = tf.resource("google_service_account", "function")
    assert fn["for_each"] == accounts["for_each"] == "${local.function_entry_points}"
    assert fn["service_config"][0]["service_account_email"] == "${google_service_account.function[each.key].email}"
    assert set(tf.locals["function_entry_points"]) == {"extract", "run_agent_group", "assemble_report", "render_docx"}
    # A service account's id is unique per function: the account id is derived from the function's key.
    assert "each.key" in accounts["account_id"]


def test_functions_are_internal_only_with_bounded_instances(tf: TerraformModel) -> None:
    service = tf.resource("google_cloudfunctions2_function", "fn")["service_config"][0]
    assert service["ingress_settings"] == "ALLOW_INTERNAL_ONLY"
    assert service["max_instance_count"] == "${var.functions[each.key].max_instances}"
    assert service["timeout_seconds"] == "${var.functions[each.key].timeout_s}"
    defaults = tf.variables["functions"]["default"]
    assert set(defaults) == set(tf.locals["function_entry_points"])
    assert all(int(settings["max_instances"]) >= 1 for settings in defaults.values())


def test_only_the_workflow_may_invoke_the_functions(tf: TerraformModel) -> None:
    invokers = tf.resources["google_cloud_run_v2_service_iam_member"]
    assert set(invokers) == {"workflow_invokes_function", "iap_invokes_api"}
    iap = invokers["iap_invokes_api"]  # the API is invoked by IAP's service agent only, never by the workflow
    assert iap["member"] == "${local.iap_service_agent}" and "gcp-sa-iap" in tf.locals["iap_service_agent"]
    assert iap["name"] == "${google_cloudfunctions2_function.api.service_config[0].service}"
    binding = invokers["workflow_invokes_function"]
    assert binding["for_each"] == "${local.function_entry_points}"
    assert binding["role"] == "roles/run.invoker"
    assert binding["member"] == "serviceAccount:${google_service_account.workflow.email}"
    assert binding["name"] == "${google_cloudfunctions2_function.fn[each.key].service_config[0].service}"
    for kind, name, body in tf.all_resources():
        if body.get("role") in ("roles/run.invoker", "roles/cloudfunctions.invoker"):
            assert kind == "google_cloud_run_v2_service_iam_member"
            assert name in ("workflow_invokes_function", "iap_invokes_api")


def test_trigger_location_equals_bucket_location(tf: TerraformModel) -> None:
    trigger = tf.resource("google_eventarc_trigger", "upload")
    bucket = tf.resource("google_storage_bucket", "incoming")
    assert trigger["location"] == bucket["location"]
    criteria = {c["attribute"]: c["value"] for c in trigger["matching_criteria"]}
    assert criteria == {
        "type": "google.cloud.storage.object.v1.finalized",
        "bucket": "${google_storage_bucket.incoming.name}",
    }
    assert trigger["destination"][0]["workflow"] == "${google_workflows_workflow.label_compliance.id}"
    assert trigger["service_account"] == "${google_service_account.trigger.email}"


def test_trigger_and_storage_agent_have_their_roles(tf: TerraformModel) -> None:
    trigger_roles = tf.resource("google_project_iam_member", "trigger")
    assert trigger_roles["for_each"] == '${toset(["roles/workflows.invoker", "roles/eventarc.eventReceiver"])}'
    publisher = tf.resource("google_project_iam_member", "storage_agent_publishes")
    assert publisher["role"] == "roles/pubsub.publisher"
    assert "google_storage_project_service_account.storage_agent" in publisher["member"]


def test_no_admin_role_and_no_public_member(tf: TerraformModel) -> None:
    for name, source in tf.texts.items():
        text = re.sub(r"#.*", "", source)  # comments may name what is forbidden
        assert not re.search(r"roles/[\w.]*admin", text, re.IGNORECASE), f"{name} grants an admin role"
        assert "allUsers" not in text and "allAuthenticatedUsers" not in text, f"{name} grants public access"
        assert "timestamp()" not in text, f"{name} uses timestamp(): the plan would never settle"


def test_buckets_are_private_uniform_and_versioned(tf: TerraformModel) -> None:
    for name, bucket in tf.resources["google_storage_bucket"].items():
        assert bucket["uniform_bucket_level_access"] is True, name
        assert bucket["public_access_prevention"] == "enforced", name
        assert bucket["versioning"][0]["enabled"] is True, name
    out = tf.resource("google_storage_bucket", "out")
    assert out["lifecycle_rule"], "the OUT bucket needs a lifecycle rule"


def test_function_objects_are_named_by_content_hash(tf: TerraformModel) -> None:
    obj = tf.resource("google_storage_bucket_object", "function_source")
    assert "${data.archive_file.function[each.key].output_sha256}" in obj["name"]
    archive = tf.data["archive_file"]["function"]
    assert archive["for_each"] == "${local.function_entry_points}"


def test_workflow_gets_every_url_the_yaml_reads(tf: TerraformModel) -> None:
    workflow = tf.resource("google_workflows_workflow", "label_compliance")
    assert workflow["service_account"] == "${google_service_account.workflow.id}"
    assert workflow["call_log_level"] == "LOG_ERRORS_ONLY"
    source = (REPO / "workflows" / "label_compliance.yaml").read_text(encoding="utf-8")
    yaml.safe_load(source)  # the file Terraform deploys is valid YAML
    read = set(re.findall(r'sys\.get_env\(\s*"([A-Z_]+)"\s*\)', source)) - {"GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID"}
    read -= {v for v in read if v.startswith("GOOGLE_CLOUD_")}  # built-in variables, provided by Workflows
    assert read, "the workflow reads no function URL from the environment"
    assert read <= set(workflow["user_env_vars"]), f"missing user_env_vars: {read - set(workflow['user_env_vars'])}"


def test_firestore_and_documentai_and_vertex_are_deployed(tf: TerraformModel) -> None:
    assert tf.resource("google_firestore_database", "main")["type"] == "FIRESTORE_NATIVE"
    assert tf.resource("google_document_ai_processor", "ocr")["type"] == "OCR_PROCESSOR"
    assert "roles/aiplatform.user" in tf.locals["function_project_roles"]["run_agent_group"]


def test_cloud_translation_is_enabled_and_granted_to_extract_only_when_chosen(tf: TerraformModel) -> None:
    from typing import get_args

    from labeliq.relabel.translate import TranslatorSettings

    choices = ["glossary", "llm", "cloud_translation"]
    assert f"contains({json.dumps(choices)}, var.relabel_translator)" in tf.texts["variables.tf"]
    # each choice maps to a value the library accepts for LABELIQ_TRANSLATOR
    setting = tf.locals["translator_setting"]
    accepted = set(get_args(TranslatorSettings.model_fields["translator"].annotation))
    assert (
        set(setting) == set(choices) and set(setting.values()) <= accepted and setting["cloud_translation"] == "cloud"
    )
    assert "local.translator_setting[var.relabel_translator]" in tf.texts["functions.tf"]
    # the API, only for that choice
    service = tf.resource("google_project_service", "translate")
    assert service["service"] == "translate.googleapis.com"
    assert service["count"] == '${var.relabel_translator == "cloud_translation" ? 1 : 0}'
    # least privilege: the translator's role goes to extract's own account, and only the chosen one's
    roles = tf.locals["translator_project_roles"]
    assert roles == {
        "glossary": [],
        "llm": ["roles/aiplatform.user"],
        "cloud_translation": ["roles/cloudtranslate.user"],
    }
    binding = tf.resource("google_project_iam_member", "extract_translator")
    assert binding["for_each"] == "${toset(local.translator_project_roles[var.relabel_translator])}"
    assert binding["member"] == 'serviceAccount:${google_service_account.function["extract"].email}'
    granted = [
        (kind, name) for kind, name, body in tf.all_resources() if "cloudtranslate" in json.dumps(body, default=str)
    ]
    assert granted == [], f"cloudtranslate named outside the translator roles: {granted}"


def test_terraform_example_vars_name_only_declared_variables(tf: TerraformModel) -> None:
    example = (TERRAFORM_DIR / "terraform.tfvars.example").read_text(encoding="utf-8")
    names = set(re.findall(r"^\s*#?\s*([a-z_]+)\s*=", example, re.MULTILINE))
    assert names <= set(tf.variables), names - set(tf.variables)


def test_each_function_directory_exists_with_requirements() -> None:
    for name in ("extract", "run_agent_group", "assemble_report", "render_docx"):
        directory = Path(REPO, "functions", name)
        assert (directory / "main.py").is_file(), f"functions/{name}/main.py is missing"
        assert (directory / "requirements.txt").is_file(), f"functions/{name}/requirements.txt is missing"


def test_function_environment_names_settings_the_code_reads(tf: TerraformModel) -> None:
    """Every LABELIQ_* variable Terraform sets is a field of a settings class, so none is silently ignored."""
    from labeliq.cloud.settings import CloudSettings
    from labeliq.config import Settings
    from labeliq.llm import LlmSettings
    from labeliq.relabel.cloud_translate import CloudTranslateSettings
    from labeliq.relabel.translate import TranslatorSettings

    known: set[str] = set()
    for settings_class in (Settings, CloudSettings, LlmSettings, TranslatorSettings, CloudTranslateSettings):
        prefix = str(settings_class.model_config.get("env_prefix", ""))
        known |= {f"{prefix}{name}".upper() for name in settings_class.model_fields}
    env = re.search(r"function_env = \{(.*?)\n  \}", tf.texts["functions.tf"], re.DOTALL)
    assert env, "functions.tf has no function_env block"
    names = set(re.findall(r"^\s*(LABELIQ_[A-Z_]+)\s*=", env.group(1), re.MULTILINE))
    assert names, "no LABELIQ_ variable is set"
    assert names <= known, f"set by Terraform but read by no settings class: {sorted(names - known)}"


# -- the jobs API -----------------------------------------------------------------------------------------------


def test_the_api_is_reached_only_through_iap(tf: TerraformModel) -> None:
    api = tf.resource("google_cloudfunctions2_function", "api")["service_config"][0]
    assert api["ingress_settings"] == "ALLOW_INTERNAL_AND_GCLB"
    assert api["service_account_email"] == "${google_service_account.api.email}"
    backend = tf.resource("google_compute_backend_service", "api")
    assert backend["iap"][0]["enabled"] is True
    assert backend["backend"][0]["group"] == "${google_compute_region_network_endpoint_group.api.id}"
    neg = tf.resource("google_compute_region_network_endpoint_group", "api")
    assert neg["cloud_function"][0]["function"] == "${local.api_name}"
    assert (
        tf.resource("google_compute_target_https_proxy", "api")["ssl_policy"] == "${google_compute_ssl_policy.api.id}"
    )


def test_iap_members_are_a_variable_and_never_public(tf: TerraformModel) -> None:
    access = tf.resource("google_iap_web_backend_service_iam_member", "api_users")
    assert access["for_each"] == "${toset(var.api_members)}"
    assert access["role"] == "roles/iap.httpsResourceAccessor"
    members = tf.variables["api_members"]
    assert members["default"] == []
    assert "public members are refused" in members["validation"][0]["error_message"]
    assert "user|group|domain|serviceAccount" in members["validation"][0]["condition"]


def test_the_api_verifies_the_backend_audience(tf: TerraformModel) -> None:
    env = tf.locals["api_env"]
    assert "LABELIQ_IAP_AUDIENCE" in env and "local.api_iap_audience" in env
    assert "backendServices/${google_compute_backend_service.api.generated_id}" in tf.locals["api_iap_audience"]
    from labeliq.api.settings import ApiSettings

    names = set(re.findall(r"(LABELIQ_[A-Z_]+)\s*=", tf.texts["api.tf"]))
    known = {f"LABELIQ_{name}".upper() for name in ApiSettings.model_fields}
    assert names <= known, names - known


def test_the_api_account_has_only_what_it_needs(tf: TerraformModel) -> None:
    project_roles = tf.resource("google_project_iam_member", "api")
    assert project_roles["for_each"] == '${toset(["roles/datastore.user", "roles/logging.logWriter"])}'
    buckets = tf.resource("google_storage_bucket_iam_member", "api")
    assert buckets["role"] == "roles/storage.objectUser" and buckets["for_each"] == "${local.bucket_names}"
    for kind, name, body in tf.all_resources():
        if "google_service_account.api." in str(body.get("member", "")):
            assert body.get("role") != "roles/run.invoker", (kind, name)  # the API invokes no function
