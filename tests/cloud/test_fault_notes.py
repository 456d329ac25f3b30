"""The fault injector's log lines survive parallel calls: test_reliability counts them to prove each fault fired.

`test_reliability[f503after]` once counted 4 injected faults of 6: the three group calls arrive at once, and a
note written by print() (the line, then its newline, in two writes) interleaved with another thread's line, so
both became one unparseable line. The notes are now written whole, as the JSON log handler writes its lines.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

WRITERS = """
import logging, sys, threading
sys.setswitchinterval(1e-6)  # switch threads as often as possible: interleaving shows at once
from labeliq.logging_setup import configure_logging
from tests.cloud.faulty_main import _note
configure_logging()
log = logging.getLogger("function")

def calls(k):
    for i in range(300):
        _note("run_agent_group", "-f503after-", {"job_id": "x-f503after-1", "group": f"g{k}", "i": i})
        log.info("group done", extra={"event": "group_done"})

threads = [threading.Thread(target=calls, args=(k,)) for k in range(6)]
for t in threads: t.start()
for t in threads: t.join()
"""


def test_fault_notes_written_by_parallel_calls_each_stay_one_json_line(tmp_path: Path) -> None:
    log = tmp_path / "run_agent_group.log"
    with log.open("ab") as stream:  # as the stack's function processes log: appended, unbuffered
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(REPO)}
        subprocess.run([sys.executable, "-c", WRITERS], stdout=stream, stderr=stream, env=env, check=True, timeout=120)
    notes = broken = 0
    for line in log.read_text(encoding="utf-8").splitlines():
        try:
            notes += json.loads(line).get("event") == "fault_injected"
        except json.JSONDecodeError:
            broken += 1
    assert broken == 0
    assert notes == 6 * 300
