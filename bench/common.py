"""Shared helpers for the benchmark scripts: big workspaces and whole-process timing.

Benchmarks time the installed ``signon`` executable as a user runs it (a new
process each time, start-up included), best of N, and print a table.  They
are scripts, not tests: run them with ``uv run python bench/<name>.py``.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
SIGNON = str(Path(sys.executable).with_name("signon"))
COUNTRIES = ["Norway", "Poland", "Ukraine", "Georgia", "Armenia", "Sweden", "Belarus",
             "Azerbaijan", "Croatia", "Russian Federation", "Moldova", "Germany"]
WORDS = ["Human", "Rights", "Centre", "Helsinki", "Committee", "Foundation", "Youth", "Women's",
         "Association", "Institute", "Legal", "Democracy", "Watch", "Forum", "Network",
         "Правозащитный", "Центр", "Fundacja", "Östra", "Łódź", "Initiative", "Civic"]


def env() -> dict[str, str]:
    out = dict(os.environ, NO_COLOR="1", COLUMNS="120")
    # An installed program runs from bytecode; with PYTHONDONTWRITEBYTECODE (set on some
    # CI machines) every run would recompile every module and time the compiler instead.
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    return out


def compile_bytecode() -> None:
    """Compile signon and its dependencies once, as an installer does (uv skips it by default)."""
    import compileall
    import sysconfig

    for folder in (ROOT / "src", Path(sysconfig.get_paths()["purelib"])):
        compileall.compile_dir(str(folder), quiet=2, workers=0)


compile_bytecode()


def make_workspace(orgs: int, *, signatures: int = 0, via_coalitions: float = 0.25,
                   seed: int = 7) -> Path:
    """A workspace with ``orgs`` organizations and, if asked, a letter "big" signed by
    ``signatures`` of them, ``via_coalitions`` of those through coalitions of ~10 members."""
    rng = random.Random(seed)
    root = Path(tempfile.mkdtemp(prefix="signon-bench-"))
    (root / "letters").mkdir()
    org_table = {}
    for i in range(orgs):
        name = " ".join(rng.sample(WORDS, 4)) + f" {i}"
        org_table[f"org-{i:05d}"] = {"name": name, "country": rng.choice(COUNTRIES)}
    ids = list(org_table)
    coalitions: dict[str, dict[str, object]] = {}
    signed: list[str] = []
    if signatures:
        chosen = rng.sample(ids, signatures)
        via = int(signatures * via_coalitions)
        members, direct = chosen[:via], chosen[via:]
        for n in range(0, len(members), 10):
            cid = f"coalition-{n // 10:04d}"
            coalitions[cid] = {"name": f"Coalition House {n // 10}",
                               "members": members[n:n + 10]}
        signed = direct + list(coalitions)
        rng.shuffle(signed)
    (root / "orgs.toml").write_text(
        tomli_w.dumps({"orgs": org_table, "coalitions": coalitions}), encoding="utf-8")
    if signatures:
        letter = root / "letters" / "big"
        letter.mkdir()
        (letter / "letter.md").write_text(
            '+++\ntitle = "Big letter"\ndate = "2024-03-01"\nlanguage = "en"\n+++\n\n'
            "{{ count }} organizations ({{ count | words }}) call on the government.\n\n"
            "{{ signatories }}\n", encoding="utf-8")
        (letter / "signatures.toml").write_text(tomli_w.dumps({"signatures": [
            {"id": sid, "date": "2024-03-01"} for sid in signed]}), encoding="utf-8")
    return root


class Timing(NamedTuple):
    wall: float  # best wall-clock seconds of the runs
    cpu: float  # user + system CPU seconds of that best run: what a quiet machine would show
    peak_mib: float  # peak resident memory of the runs


def timed(args: Sequence[str], *, cwd: Path, repeat: int = 10, reset: Path | None = None,
          ok_codes: tuple[int, ...] = (0,)) -> Timing:
    """Time ``repeat`` whole-process runs of ``args``.

    ``reset``: a file restored before each run, so that a command that changes the
    workspace (add-org) measures the same work every time.  Peak memory comes from
    GNU time's %M when it is installed, otherwise from the children's rusage.
    """
    original = reset.read_bytes() if reset else b""
    gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    best = Timing(float("inf"), float("inf"), 0.0)
    peak = 0.0
    for _ in range(repeat):
        if reset:
            reset.write_bytes(original)
        command = list(args)
        stats_file = None
        if gnu_time:
            fd, stats_file = tempfile.mkstemp(suffix=".time")
            os.close(fd)
            command = [gnu_time, "-f", "%M", "-o", stats_file, *command]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=cwd, env=env(), capture_output=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode not in ok_codes:
            raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): "
                             f"{proc.stderr.decode()[-400:]}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if stats_file is not None:
            lines = Path(stats_file).read_text().split()
            os.unlink(stats_file)
            peak = max(peak, int(lines[-1]) / 1024 if lines else 0.0)
        else:
            peak = max(peak, after.ru_maxrss / 1024)
        if elapsed < best.wall:
            best = Timing(elapsed, cpu, 0.0)
    return Timing(best.wall, best.cpu, peak)


def report(rows: list[tuple[str, Timing | float, str]]) -> None:
    """A table: measure, wall and CPU seconds, peak memory, budget (a bare float: wall only)."""
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'wall s':>7}  {'cpu s':>7}  {'peak MiB':>8}  budget")
    for name, t, budget in rows:
        if not isinstance(t, Timing):
            t = Timing(float(t), float("nan"), float("nan"))
        print(f"{name.ljust(width)}  {t.wall:7.3f}  {t.cpu:7.3f}  {t.peak_mib:8.1f}  {budget}")


def load_note() -> str:
    """A warning when other work on the machine makes wall times unreliable."""
    load = os.getloadavg()[0]
    cores = os.cpu_count() or 1
    if load > cores * 0.75:
        return (f"note: load average {load:.1f} on {cores} cores: wall times are inflated; "
                "CPU times are closer to a quiet machine")
    return ""


def cleanup(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
