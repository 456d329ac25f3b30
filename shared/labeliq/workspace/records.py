"""The workspace's documents: projects with members, a job's upload record, its report versions.

projects/{project_id}                        ProjectRecord (members and their roles)
workspace_jobs/{job_id}                      JobRecord (project, uploader, panels, sign-off, version counters)
workspace_jobs/{job_id}/versions/{n}         VersionRecord (kind, who, when, base, summary, state)
upload_dedup/{key}                           the job a (project, panels, context) upload started, for 24 h
rate_limits/{user hash}                      the user's recent job creations
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from labeliq.models import FactCorrection, ProductContext, ReportLanguage, Strict, Summary, VersionKind

Role = Literal["owner", "reviewer", "viewer"]
ROLE_RANK: dict[Role, int] = {"viewer": 0, "reviewer": 1, "owner": 2}
VersionState = Literal["running", "ready", "failed"]
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class ProjectRecord(Strict):
    id: str
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=4000)
    tags: list[str] = Field(default_factory=list, max_length=50)
    members: dict[str, Role]  # email -> role
    member_emails: list[str]  # the same emails, for the "my projects" query (array-contains)
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    deleting: bool = False

    def role_of(self, email: str) -> Role | None:
        return self.members.get(email)


class PanelRecord(Strict):
    name: str
    content_type: str
    sha256: str
    size: int


class SignOff(Strict):
    by: str
    at: dt.datetime
    version: int


class JobRecord(Strict):
    job_id: str
    project_id: str
    created_by: str
    created_at: dt.datetime
    panels: list[PanelRecord]
    context: ProductContext
    mode: str = "standard"
    report_language: ReportLanguage = "en"  # the Word report's language chosen at creation (?language= overrides)
    dedup_key: str
    version_count: int = 0  # the highest version number handed out by the API (reviews, rechecks)
    latest_version: int = 0  # the latest version that is not failed (0: only the machine's, once DONE)
    signed_off: SignOff | None = None
    upload_error: str | None = None


class VersionRecord(Strict):
    n: int
    kind: VersionKind
    created_by: str
    created_at: dt.datetime
    base_version: int | None = None
    summary: Summary | None = None
    state: VersionState = "ready"
    error: str | None = None
    recheck_job: str | None = None  # the workflow job that re-ran the checks (kind recheck)
    corrections: list[FactCorrection] = Field(default_factory=list)
