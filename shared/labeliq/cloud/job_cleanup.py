"""Deleting a finished job's workflow state (jobs/{id} with its steps and groups), for project deletion only."""

from __future__ import annotations

from typing import Any

from labeliq.cloud.state import GROUPS_COLLECTION, JOBS, STEPS


def delete_job_documents(db: Any, job_id: str) -> int:
    ref = db.collection(JOBS).document(job_id)
    count = 0
    for sub in (STEPS, GROUPS_COLLECTION):
        for doc in ref.collection(sub).stream():
            doc.reference.delete()
            count += 1
    ref.delete()
    return count + 1
