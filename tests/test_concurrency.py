"""Concurrent writers as separate processes: no update is ever lost, a held lock times out."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from signon.fileio import locked
from signon.workspace import Workspace, init_workspace

SIGNON = str(Path(sys.executable).with_name("signon"))


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k != "SIGNON_WORKSPACE"}
    return {**base, "NO_COLOR": "1", "COLUMNS": "120", **extra}


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return init_workspace(tmp_path / "ws").root


def ids(ws: Path) -> set[str]:
    out = subprocess.run([SIGNON, "orgs", "--json"], cwd=ws, env=env(), capture_output=True,
                         text=True, check=True).stdout
    return {o["id"] for o in json.loads(out)}


def test_a_dozen_processes_at_once_lose_nothing(ws: Path) -> None:
    n = 12
    procs = [subprocess.Popen([SIGNON, "add-org", f"Parallel Org {i}", "--id", f"p{i}"],
                              cwd=ws, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for i in range(n)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [(p.returncode, err) for p, (_, err) in zip(procs, outputs, strict=True)
            if p.returncode] == []
    assert [out for out, _ in outputs] == [f"added p{i}: Parallel Org {i}\n" for i in range(n)]
    assert ids(ws) == {f"p{i}" for i in range(n)}
    tomllib.loads((ws / "orgs.toml").read_text(encoding="utf-8"))
    assert not [p.name for p in ws.iterdir() if p.name.endswith(".tmp")]


def test_mixed_writers_lose_nothing(ws: Path) -> None:
    """Adds, membership changes and edits interleaved: every one of them lands."""
    # The roster to start from, made in this process (what is tested is the writers after).
    workspace = Workspace(ws)
    for i in range(6):
        workspace.add_org(f"Member {i}", eid=f"m{i}")
    workspace.add_coalition("House", eid="h", members=["m0"])
    commands = (
        [[SIGNON, "add-members", "h", f"m{i}"] for i in range(1, 6)]
        + [[SIGNON, "edit-org", f"m{i}", "--country", f"Country {i}"] for i in range(6)]
        + [[SIGNON, "add-org", f"Extra {i}", "--id", f"x{i}"] for i in range(5)]
    )
    procs = [subprocess.Popen(args, cwd=ws, env=env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for args in commands]
    assert [p.wait(timeout=120) for p in procs] == [0] * len(commands)
    data = tomllib.loads((ws / "orgs.toml").read_text(encoding="utf-8"))
    assert sorted(data["coalitions"]["h"]["members"]) == [f"m{i}" for i in range(6)]
    assert [data["orgs"][f"m{i}"]["country"] for i in range(6)] == [
        f"Country {i}" for i in range(6)]
    assert {f"x{i}" for i in range(5)} <= set(data["orgs"])


def test_a_held_lock_times_out_with_exit_5(ws: Path) -> None:
    roster = ws / "orgs.toml"
    before = roster.read_bytes()
    with locked(roster):
        start = time.monotonic()
        p = subprocess.run([SIGNON, "add-org", "Late Org"], cwd=ws,
                           env=env(SIGNON_LOCK_TIMEOUT="0.5"), capture_output=True, text=True,
                           timeout=60)
        waited = time.monotonic() - start
    assert (p.returncode, p.stdout, p.stderr) == (
        5, "",
        "error: another signon command has held the lock on orgs.toml for 0.5 s; wait for it "
        "to finish (or raise SIGNON_LOCK_TIMEOUT) and run the command again\n")
    assert waited >= 0.5
    assert roster.read_bytes() == before
    # released: the same command now goes through at once
    p = subprocess.run([SIGNON, "add-org", "Late Org"], cwd=ws,
                       env=env(SIGNON_LOCK_TIMEOUT="0.5"), capture_output=True, text=True)
    assert (p.returncode, p.stdout) == (0, "added late-org: Late Org\n")


def test_readers_do_not_wait_for_the_lock(ws: Path) -> None:
    with locked(ws / "orgs.toml"):
        p = subprocess.run([SIGNON, "orgs", "--json"], cwd=ws,
                           env=env(SIGNON_LOCK_TIMEOUT="0.1"), capture_output=True, text=True,
                           timeout=60)
    assert (p.returncode, p.stdout) == (0, "[]\n")


def test_a_killed_holder_leaves_no_stale_lock(ws: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from signon.fileio import locked\n"
         "with locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
         str(ws / "orgs.toml")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "held\n"
        p = subprocess.run([SIGNON, "add-org", "Blocked"], cwd=ws,
                           env=env(SIGNON_LOCK_TIMEOUT="0.3"), capture_output=True, text=True)
        assert p.returncode == 5
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    p = subprocess.run([SIGNON, "add-org", "Unblocked"], cwd=ws,
                       env=env(SIGNON_LOCK_TIMEOUT="0.3"), capture_output=True, text=True)
    assert (p.returncode, p.stdout) == (0, "added unblocked: Unblocked\n")
