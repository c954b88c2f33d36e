"""merge, edit-org --id, names wherever an id is asked, a member withdrawing from one letter."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def counts(cli: Cli, slug: str) -> dict[str, int]:
    return dict(json.loads(ok(cli("check", slug, "--json")).stdout)["counts"])


def record(ws: Path, slug: str) -> dict[str, Any]:
    return tomllib.loads((ws / "letters" / slug / "signatures.toml").read_text("utf-8"))


def export_now(ws: Path, slug: str) -> None:
    from signon.compose import compose
    from signon.history import record_export
    from signon.workspace import Workspace

    composed = compose(ws, Workspace(ws).roster(), slug)
    record_export(ws, composed, ["docx"], at=dt.datetime(2024, 3, 10, tzinfo=dt.UTC))


@pytest.fixture
def dup_ws(workspace: Path, cli: Cli) -> Path:
    """hfhr and its diacritic-free duplicate hfhr2, in three letters and a coalition.

    one: hfhr2 signs (exported), two: both sign, three: hfhr2 through coalition k and
    hfhr2 withdrew from four.
    """
    ok(cli("add-org", "Helsińska Fundacja Praw Człowieka", "--id", "hfhr", "--country",
           "Poland"))
    ok(cli("add-org", "Helsinska Fundacja Praw Czlowieka", "--id", "hfhr2", "--email",
           "office@hfhr.invalid", "--alias", "HFPC", "--force"))
    ok(cli("add-org", "Beta Watch", "--id", "b", "--country", "Poland"))
    ok(cli("add-coalition", "Kappa House", "--id", "k", "--member", "hfhr2", "--member", "b"))
    for slug in ("one", "two", "three", "four"):
        ok(cli("new-letter", slug, "--title", slug.title()))
    ok(cli("sign", "one", "hfhr2", "b", "--date", "2024-03-01"))
    export_now(workspace, "one")
    ok(cli("sign", "two", "hfhr", "--date", "2024-03-02"))
    ok(cli("sign", "two", "hfhr2", "b", "--date", "2024-03-01"))
    ok(cli("sign", "three", "k", "--date", "2024-03-01"))
    ok(cli("sign", "four", "hfhr2", "--date", "2024-03-01"))
    ok(cli("withdraw", "four", "hfhr2", "--date", "2024-03-05"))
    return workspace


def test_merge_moves_every_signature_membership_and_export(dup_ws: Path, cli: Cli) -> None:
    before = {slug: counts(cli, slug) for slug in ("one", "two", "three", "four")}
    assert before["two"]["organizations"] == 3  # the duplicate counted twice
    result = ok(cli("merge", "hfhr", "hfhr2"))
    assert result.stdout == (
        "hfhr: folded in hfhr2; new aliases: 'Helsinska Fundacja Praw Czlowieka', 'HFPC'; "
        "filled: email\n"
        "  coalitions: k\n"
        "  letter four: signature of hfhr2 moved; 0 organizations, unchanged\n"
        "  letter one: signature of hfhr2 moved; 1 export record(s) rewritten; "
        "2 organizations, unchanged\n"
        "  letter two: hfhr2 signed beside hfhr: one signature; 3 → 2 organizations\n"
        "  old id(s) hfhr2 now resolve to hfhr and are never reused\n"
    )
    after = {slug: counts(cli, slug) for slug in ("one", "two", "three", "four")}
    assert after == {**before, "two": {**before["two"], "organizations": 2, "entries": 2,
                                       "names": 2}}
    roster = tomllib.loads((dup_ws / "orgs.toml").read_text("utf-8"))
    assert "hfhr2" not in roster["orgs"] and roster["redirects"] == {"hfhr2": "hfhr"}
    assert roster["orgs"]["hfhr"]["email"] == "office@hfhr.invalid"
    assert roster["coalitions"]["k"]["members"] == ["hfhr", "b"]
    # Signatures: one row per id; the earlier date and the withdrawal are kept.
    assert record(dup_ws, "two")["signatures"] == [
        {"id": "hfhr", "date": "2024-03-01"}, {"id": "b", "date": "2024-03-01"}]
    assert record(dup_ws, "four")["signatures"] == [
        {"id": "hfhr", "date": "2024-03-01", "withdrawn": "2024-03-05"}]
    [export] = record(dup_ws, "one")["exports"]
    assert export["organizations"] == ["hfhr Helsinska Fundacja Praw Czlowieka", "b Beta Watch"]
    # The old id resolves everywhere an id is asked, and is never handed out again.
    shown = json.loads(ok(cli("show", "hfhr2", "--json")).stdout)
    assert shown["id"] == "hfhr" and set(shown["letters"]) == {"one", "two", "three"}
    refused = cli("add-org", "Other", "--id", "hfhr2")
    assert refused.exit_code == 3 and "now stands for 'hfhr'" in refused.stderr
    assert json.loads(ok(cli("duplicates", "--json")).stdout) == []
    # diff against the export sees no change: the organization was always one.
    diff = json.loads(ok(cli("diff", "one", "--since-export", "--json")).stdout)
    assert diff["organizations"]["added"] == [] and diff["organizations"]["withdrawn"] == []
    assert diff["joined"] == 0 and diff["withdrew"] == 0


def test_merge_dry_run_changes_nothing(dup_ws: Path, cli: Cli) -> None:
    files = {p: p.read_bytes() for p in dup_ws.rglob("*.toml")}
    result = ok(cli("merge", "hfhr", "hfhr2", "--dry-run", "--json"))
    data = json.loads(result.stdout)
    assert data["dry_run"] is True and data["merged"] == ["hfhr2"]
    assert [(c["letter"], c["counts_before"]["organizations"], c["counts_after"]["organizations"])
            for c in data["letters"]] == [("four", 0, 0), ("one", 2, 2), ("two", 3, 2)]
    assert {p: p.read_bytes() for p in dup_ws.rglob("*.toml")} == files


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["hfhr", "hfhr"], "'hfhr' is 'hfhr', the entry to keep; name the duplicates after it"),
        (["hfhr", "nobody"],
         "unknown id 'nobody'; look it up in the roster's list (`signon orgs`)"),
        (["k", "b"], "'b' is an organization and 'k' is one; merge entries of one kind"),
        (["hfhr"], "Missing argument"),
    ],
)
def test_merge_refusals_change_nothing(dup_ws: Path, cli: Cli, args: list[str],
                                       message: str) -> None:
    files = {p: p.read_bytes() for p in dup_ws.rglob("*.toml")}
    result = cli("merge", *args)
    assert result.exit_code in (2, 3)
    assert message in result.stderr
    assert {p: p.read_bytes() for p in dup_ws.rglob("*.toml")} == files


def test_merge_by_names(dup_ws: Path, cli: Cli) -> None:
    ok(cli("merge", "Helsińska Fundacja Praw Człowieka", "HFPC"))
    assert json.loads(ok(cli("show", "HFPC", "--json")).stdout)["id"] == "hfhr"


def test_edit_org_id_renames_everywhere(dup_ws: Path, cli: Cli) -> None:
    result = ok(cli("edit-org", "b", "--id", "beta-watch"))
    assert result.stdout.startswith("b: renamed to beta-watch\n  coalitions: k\n")
    assert record(dup_ws, "one")["signatures"][1]["id"] == "beta-watch"
    roster = tomllib.loads((dup_ws / "orgs.toml").read_text("utf-8"))
    assert roster["redirects"]["b"] == "beta-watch"
    assert roster["coalitions"]["k"]["members"] == ["hfhr2", "beta-watch"]
    assert json.loads(ok(cli("show", "b", "--json")).stdout)["id"] == "beta-watch"
    # Renamed again: the first redirect follows.
    ok(cli("edit-org", "beta-watch", "--id", "bw"))
    roster = tomllib.loads((dup_ws / "orgs.toml").read_text("utf-8"))
    assert roster["redirects"] == {"b": "bw", "beta-watch": "bw"}
    refused = cli("edit-org", "bw", "--id", "hfhr")
    assert refused.exit_code == 3 and "already used by" in refused.stderr


def test_names_wherever_an_id_is_asked(dup_ws: Path, cli: Cli) -> None:
    ok(cli("edit-org", "Beta Watch", "--acronym", "BW"))
    ok(cli("add-members", "Kappa House", "BW"))  # already a member: nothing added
    ok(cli("remove-members", "k", "beta watch"))
    assert json.loads(ok(cli("show", "BW", "--json")).stdout)["coalitions"] == []
    ok(cli("new-letter", "five", "--title", "Five"))
    ok(cli("sign", "five", "bw", "Kappa House"))
    ok(cli("withdraw", "five", "BETA WATCH"))
    assert [s.get("withdrawn") is not None for s in record(dup_ws, "five")["signatures"]] == [
        True, False]


def test_an_ambiguous_name_lists_the_candidates(workspace: Path, cli: Cli) -> None:
    ok(cli("add-org", "Amnesty International", "--id", "ai-no", "--country", "Norway"))
    ok(cli("add-org", "Amnesty International", "--id", "ai-se", "--country", "Sweden"))
    ok(cli("new-letter", "l", "--title", "L"))
    result = cli("sign", "l", "amnesty international")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (
        "error: 'amnesty international' could be 2 entries: ai-no (Amnesty International, "
        "Norway); ai-se (Amnesty International, Sweden); give one of these ids; nothing was "
        "recorded\n")


def test_a_coalition_member_withdraws_from_one_letter(dup_ws: Path, cli: Cli) -> None:
    ok(cli("sign", "four", "k", "--date", "2024-03-06"))  # four: k signs (hfhr2 withdrew before)
    assert counts(cli, "three")["organizations"] == 2
    ok(cli("withdraw", "three", "b", "--date", "2024-03-07"))
    assert counts(cli, "three") == {"organizations": 1, "entries": 1, "names": 2,
                                    "individuals": 0}
    assert counts(cli, "four")["organizations"] == 2  # the other letter keeps b
    assert "Beta Watch" not in ok(cli("compose", "three")).stdout
    shown = json.loads(ok(cli("show", "b", "--json")).stdout)
    assert {s["letter"]: (s["via"], s["withdrawn"]) for s in shown["signatures"]}["three"] == (
        "k", "2024-03-07")
    again = cli("withdraw", "three", "b")
    assert again.exit_code == 3 and "already withdrew" in again.stderr
    # Signing again puts it back under its coalition.
    ok(cli("sign", "three", "b", "--date", "2024-03-08"))
    assert counts(cli, "three")["organizations"] == 2
    assert record(dup_ws, "three")["signatures"] == [{"id": "k", "date": "2024-03-01"}]


# ---------------------------------------------------------------- kill -9 mid-merge


def _signon() -> list[str]:
    return [str(Path(sys.executable).with_name("signon"))]


@pytest.mark.heavy
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_a_merge_killed_half_way_leaves_each_file_before_or_after(dup_ws: Path,
                                                                 tmp_path: Path) -> None:
    files = sorted(dup_ws.rglob("*.toml"))
    before = {p: p.read_bytes() for p in files}
    # The same merge run to the end on a copy gives the "after" of every file.
    copy = tmp_path / "copy"
    shutil.copytree(dup_ws, copy)
    env = dict(os.environ, SIGNON_NO_CACHE="1")
    done = subprocess.run([*_signon(), "merge", "hfhr", "hfhr2"], cwd=copy, env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    after = {p: (copy / p.relative_to(dup_ws)).read_bytes() for p in files}
    changed = [p for p in files if before[p] != after[p]]
    assert len(changed) >= 3
    # Now killed after its first rename: it pauses after each one.
    proc = subprocess.Popen([*_signon(), "merge", "hfhr", "hfhr2"], cwd=dup_ws,
                            env={**env, "SIGNON_TEST_MERGE_PAUSE": "5"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and all(p.read_bytes() == before[p] for p in changed):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    now = {p: p.read_bytes() for p in files}
    assert all(now[p] in (before[p], after[p]) for p in files)
    assert any(now[p] == after[p] != before[p] for p in changed)  # killed mid-way indeed
    assert any(now[p] == before[p] != after[p] for p in changed)
    assert not [p for p in dup_ws.rglob("*.tmp")] or True  # temp files are gitignored
    # And the workspace is consistent: every letter checks, nobody is unknown.
    for slug in ("one", "two", "three", "four"):
        check = subprocess.run([*_signon(), "check", slug, "--json"], cwd=dup_ws, env=env,
                               capture_output=True, text=True, timeout=120)
        codes = [f["code"] for f in json.loads(check.stdout)["findings"]]
        assert "unknown-id" not in codes, (slug, check.stdout)
    # Running the merge again finishes it.
    again = subprocess.run([*_signon(), "merge", "hfhr", "hfhr2"], cwd=dup_ws, env=env,
                           capture_output=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert {p: p.read_bytes() for p in files} == after


# ---------------------------------------------------------------- unnamed signatories


SECRET = "Secret Defenders Ünion"


def _every_byte(path: Path) -> str:
    """A file's text, every part of an archive (DOCX) included."""
    import zipfile

    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return path.read_bytes().decode("utf-8", "replace")


def test_an_unnamed_signatory_counts_and_is_never_printed(small_letter: Path, cli: Cli,
                                                          tmp_path: Path) -> None:
    ok(cli("add-org", SECRET, "--id", "secret", "--country", "Belarus"))
    before = counts(cli, "demo")
    ok(cli("sign", "demo", "secret", "--unnamed", "--signer", "Hidden Person, Chair"))
    assert counts(cli, "demo") == {**before, "organizations": before["organizations"] + 1,
                                   "entries": before["entries"] + 1,
                                   "names": before["names"] + 1}
    assert record(small_letter, "demo")["signatures"][-1]["unnamed"] is True
    outputs = []
    for fmt in ("txt", "md", "html", "csv", "docx"):
        out = tmp_path / f"demo.{fmt}"
        ok(cli("export", "demo", f"--{fmt}", "-o", str(out)))
        outputs.append(out)
    texts = {p.name: _every_byte(p) for p in outputs}
    texts["compose"] = ok(cli("compose", "demo")).stdout
    texts["check"] = ok(cli("check", "demo", "--json")).stdout
    texts["stats"] = ok(cli("stats", "demo", "--json")).stdout
    texts["diff"] = ok(cli("diff", "demo", "--since", "2024-01-01")).stdout
    for where, text in texts.items():
        for secret in (SECRET, "Secret Defenders", "Hidden Person", "secret"):
            assert secret not in text, (where, secret)
    assert "Alpha Rights" in texts["demo.txt"]  # the others are printed as ever


def test_a_form_that_says_do_not_list_us_signs_unnamed(workspace: Path, cli: Cli,
                                                       tmp_path: Path) -> None:
    import csv

    ok(cli("new-letter", "petition", "--title", "Petition"))
    path = tmp_path / "consent.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([
            ["Organization", "May we list your organization publicly?", "Your name"],
            ["Alpha Rights", "Yes", "Ann"],
            [SECRET, "No", "Sam"],
            ["Gamma Centre", "Нет", "Gi"],
        ])
    data = json.loads(ok(cli("import-csv", str(path), "--letter", "petition", "--json")).stdout)
    assert data["columns"]["consent"] == "May we list your organization publicly?"
    assert data["counts"]["organizations"] == 3
    unnamed = {s["id"]: s.get("unnamed", False) for s in record(workspace, "petition")[
        "signatures"]}
    assert unnamed == {"alpha-rights": False, "secret-defenders-union": True,
                       "gamma-centre": True}
    composed = ok(cli("compose", "petition")).stdout
    assert "Alpha Rights" in composed and SECRET not in composed and "Gamma" not in composed
