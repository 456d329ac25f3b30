"""The Firestore emulator's JVM runs with the quick JIT only (devstack.emulators): a user's own JVM options stay."""

from __future__ import annotations

from pathlib import Path

from devstack.emulators import FIRESTORE_JVM_OPTIONS, FirestoreEmulator, firestore_emulator_env


def test_the_emulator_jvm_gets_the_quick_jit_and_keeps_the_users_options() -> None:
    assert firestore_emulator_env({"PATH": "/bin"})["JAVA_TOOL_OPTIONS"] == FIRESTORE_JVM_OPTIONS
    mine = firestore_emulator_env({"JAVA_TOOL_OPTIONS": "-Xmx512m"})["JAVA_TOOL_OPTIONS"]
    assert mine.split() == ["-Xmx512m", FIRESTORE_JVM_OPTIONS]
    again = firestore_emulator_env({"JAVA_TOOL_OPTIONS": f"{FIRESTORE_JVM_OPTIONS} -Xmx512m"})
    assert again["JAVA_TOOL_OPTIONS"].split().count(FIRESTORE_JVM_OPTIONS) == 1


def test_the_emulator_process_is_started_with_it(tmp_path: Path) -> None:
    emulator = FirestoreEmulator(tmp_path)
    assert FIRESTORE_JVM_OPTIONS in emulator.process.env["JAVA_TOOL_OPTIONS"].split()
