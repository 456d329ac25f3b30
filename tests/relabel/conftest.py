"""Relabel tests reuse the fake Gemini endpoint on 127.0.0.1 (tests/llm/conftest.py) for the LLM translator."""

from __future__ import annotations

from tests.llm.conftest import fake_gemini, make_client, sleeps

__all__ = ["fake_gemini", "make_client", "sleeps"]
