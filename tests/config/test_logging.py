"""JSON log lines as Cloud Logging reads them, with the job and execution ids on every line of a job."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from labeliq.logging_setup import configure_logging, log_context


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    buffer = io.StringIO()
    handler = configure_logging("DEBUG", buffer)
    yield buffer
    logging.getLogger().removeHandler(handler)


def _lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_one_json_object_per_line_with_cloud_logging_keys(stream: io.StringIO) -> None:
    logging.getLogger("labeliq.test").warning("panel %s is short", "front", extra={"panel": "front"})
    (line,) = _lines(stream)
    assert line["severity"] == "WARNING"
    assert line["message"] == "panel front is short"
    assert str(line["time"]).endswith("+00:00")
    assert line["panel"] == "front"
    assert line["logger"] == "labeliq.test"
    assert "logging.googleapis.com/sourceLocation" in line
    assert "job_id" not in line


def test_job_and_execution_ids_ride_on_every_line_inside_the_context(stream: io.StringIO) -> None:
    log = logging.getLogger("labeliq.test")
    with log_context(job_id="job-42", execution_id="exec-7"):
        log.info("extracting")
        with log_context(job_id="job-43"):
            log.info("nested")
        log.info("checking")
    log.info("after")
    lines = _lines(stream)
    assert [(x.get("job_id"), x.get("execution_id")) for x in lines] == [
        ("job-42", "exec-7"),
        ("job-43", "exec-7"),
        ("job-42", "exec-7"),
        (None, None),
    ]
    assert lines[0]["logging.googleapis.com/labels"] == {"job_id": "job-42", "execution_id": "exec-7"}


def test_exception_text_goes_to_stack_trace(stream: io.StringIO) -> None:
    try:
        {}["fibre"]
    except KeyError:
        logging.getLogger("labeliq.test").exception("checker failed")
    (line,) = _lines(stream)
    assert line["severity"] == "ERROR"
    assert line["message"] == "checker failed"
    assert "KeyError: 'fibre'" in str(line["stack_trace"])
    assert "\n" not in stream.getvalue().strip()  # the traceback is inside the one JSON line


def test_non_json_extra_is_kept_as_its_repr(stream: io.StringIO) -> None:
    logging.getLogger("labeliq.test").info("x", extra={"where": {1, 2}})
    assert _lines(stream)[0]["where"] == "{1, 2}"


def test_reconfiguring_replaces_the_handler_instead_of_doubling_lines(stream: io.StringIO) -> None:
    second = io.StringIO()
    handler = configure_logging("INFO", second)
    try:
        logging.getLogger("labeliq.test").info("once")
    finally:
        logging.getLogger().removeHandler(handler)
    assert stream.getvalue() == ""
    assert len(second.getvalue().splitlines()) == 1


def test_level_filters(stream: io.StringIO) -> None:
    configure_logging("WARNING", stream)
    logging.getLogger("labeliq.test").info("hidden")
    logging.getLogger("labeliq.test").error("shown")
    assert [x["message"] for x in _lines(stream)] == ["shown"]
