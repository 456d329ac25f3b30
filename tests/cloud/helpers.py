"""Helpers shared by the cloud tests: ids, samples, and what the stack stored or logged."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from devstack.stack import LocalStack, sample_job

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"


def new_id(tag: str = "job") -> str:
    return f"{tag}-{uuid.uuid4().hex[:10]}"


def sample(name: str = "granola-compliant") -> tuple[dict[str, bytes], dict[str, Any]]:
    return sample_job(SAMPLES / name)


def log_events(stack: LocalStack, job_id: str | None = None) -> list[dict[str, Any]]:
    """Every JSON log line the functions wrote (optionally only those of one job)."""
    events = []
    for path in stack.config.log_dir.glob("*.log"):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.startswith("{"):
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if job_id is None or entry.get("job_id") == job_id:
                events.append(entry)
    return events


def out_objects(stack: LocalStack, job_id: str) -> list[str]:
    client = stack.client.storage_client()
    names = [b.name for b in client.list_blobs(stack.config.output_bucket, prefix=f"reports/{job_id}/")]
    names += [b.name for b in client.list_blobs(stack.config.output_bucket, prefix=f"facts/{job_id}.json")]
    return sorted(names)


def in_objects(stack: LocalStack, job_id: str) -> list[str]:
    client = stack.client.storage_client()
    return sorted(b.name for b in client.list_blobs(stack.config.input_bucket, prefix=f"incoming/{job_id}/"))


def group_docs(stack: LocalStack, job_id: str) -> list[str]:
    from labeliq.cloud.clients import firestore_client

    db = firestore_client(stack.config.project, local=True)
    return sorted(d.id for d in db.collection("jobs").document(job_id).collection("groups").stream())
