"""Projects and their members in Firestore (projects/{id}); every read names the caller so membership is checked.

A caller who is not a member gets the same 404 as for a project that does not exist: ids leak nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from labeliq.workspace.errors import ApiError, not_found
from labeliq.workspace.records import ROLE_RANK, ProjectRecord, Role

PROJECTS = "projects"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ProjectStore:
    def __init__(self, client: Any) -> None:
        self._db = client

    def _ref(self, project_id: str) -> Any:
        return self._db.collection(PROJECTS).document(project_id)

    def create(self, *, name: str, description: str, tags: list[str], owner: str) -> ProjectRecord:
        now = utcnow()
        record = ProjectRecord(
            id=f"p-{uuid.uuid4().hex[:16]}",
            name=name,
            description=description,
            tags=tags,
            members={owner: "owner"},
            member_emails=[owner],
            created_by=owner,
            created_at=now,
            updated_at=now,
        )
        self._ref(record.id).create(record.model_dump(mode="json"))
        return record

    def get(self, project_id: str) -> ProjectRecord | None:
        if not project_id or "/" in project_id or len(project_id) > 100:
            return None
        snapshot = self._ref(project_id).get()
        return ProjectRecord.model_validate(snapshot.to_dict()) if snapshot.exists else None

    def require(self, project_id: str, email: str, min_role: Role = "viewer") -> tuple[ProjectRecord, Role]:
        """The project and the caller's role; 404 when absent or not a member, 403 when the role is too low."""
        record = self.get(project_id)
        role = record.role_of(email) if record is not None and not record.deleting else None
        if record is None or role is None:
            raise not_found(f"project {project_id}")
        if ROLE_RANK[role] < ROLE_RANK[min_role]:
            raise ApiError(403, "forbidden", f"your role in project {project_id} is {role}; this needs {min_role}")
        return record, role

    def list_for(self, email: str) -> list[ProjectRecord]:
        from google.cloud.firestore_v1.base_query import FieldFilter

        query = self._db.collection(PROJECTS).where(filter=FieldFilter("member_emails", "array_contains", email))
        records = [ProjectRecord.model_validate(doc.to_dict()) for doc in query.stream()]
        return sorted((r for r in records if not r.deleting), key=lambda r: r.created_at)

    def update(self, project_id: str, changes: dict[str, Any]) -> ProjectRecord:
        data = dict(changes)
        if "members" in data:
            data["member_emails"] = sorted(data["members"])
        data["updated_at"] = utcnow()
        self._ref(project_id).update(data)
        record = self.get(project_id)
        if record is None:
            raise not_found(f"project {project_id}")
        return record

    def set_deleting(self, project_id: str, deleting: bool) -> None:
        self._ref(project_id).update({"deleting": deleting, "updated_at": utcnow()})

    def delete(self, project_id: str) -> None:
        self._ref(project_id).delete()
