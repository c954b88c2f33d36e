"""The workspace: discovery, init, and the one way the roster is changed (edit_roster)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from signon.errors import IOFailure, NotAWorkspace, RefusedInput, WorkspaceFileError
from signon.fileio import locked
from signon.roster import make_entry
from signon.workspace import Workspace, find_workspace, init_workspace

EMPTY = "[orgs]\n\n[coalitions]\n"


# ---------------------------------------------------------------- init


def test_init_creates_the_workspace(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "new" / "ws")
    assert ws.root == (tmp_path / "new" / "ws").resolve()
    assert (ws.root / "orgs.toml").read_text(encoding="utf-8") == EMPTY
    assert (ws.root / "letters").is_dir()
    assert (ws.root / ".gitignore").read_text() == ".*.lock\n.*.tmp\n.signon-exports.json\n"
    assert len(ws.roster()) == 0


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path)
    (ws.root / "orgs.toml").write_text('[orgs.a]\nname = "A"\n', encoding="utf-8")
    with pytest.raises(RefusedInput) as err:
        init_workspace(tmp_path)
    assert str(err.value) == (
        f"{tmp_path.resolve() / 'orgs.toml'} already exists; signon init never overwrites a "
        "roster — use that workspace, or choose another folder"
    )
    assert (ws.root / "orgs.toml").read_text(encoding="utf-8") == '[orgs.a]\nname = "A"\n'


def test_init_keeps_an_existing_gitignore_and_letters(tmp_path: Path) -> None:
    (tmp_path / "letters" / "old").mkdir(parents=True)
    (tmp_path / ".gitignore").write_text("*.pyc\n")
    init_workspace(tmp_path)
    assert (tmp_path / ".gitignore").read_text() == "*.pyc\n"
    assert (tmp_path / "letters" / "old").is_dir()


def test_init_on_a_file_is_an_io_failure(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(IOFailure) as err:
        init_workspace(tmp_path / "file")
    assert str(err.value).startswith(f"cannot create a workspace in {tmp_path / 'file'}: ")


# ---------------------------------------------------------------- discovery


def test_find_walks_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIGNON_WORKSPACE", raising=False)
    ws = init_workspace(tmp_path / "ws")
    deep = ws.root / "letters" / "a" / "b"
    deep.mkdir(parents=True)
    assert find_workspace(cwd=deep) == Workspace(ws.root)
    monkeypatch.chdir(deep)
    assert find_workspace() == Workspace(ws.root)


def test_find_nearest_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIGNON_WORKSPACE", raising=False)
    outer = init_workspace(tmp_path)
    inner = init_workspace(tmp_path / "inner")
    assert find_workspace(cwd=inner.root) == inner
    assert find_workspace(cwd=tmp_path) == outer


def test_find_fails_outside_a_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIGNON_WORKSPACE", raising=False)
    with pytest.raises(NotAWorkspace) as err:
        find_workspace(cwd=tmp_path)
    assert str(err.value) == (
        f"no orgs.toml in {tmp_path.resolve()} or any folder above it"
    )  # the library names no command or flag: the CLI adds those (tests/test_cli_roster.py)
    assert err.value.exit_code == 4 and not err.value.named


def test_explicit_workspace_and_environment(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    a = init_workspace(tmp_path / "a")
    b = init_workspace(tmp_path / "b")
    monkeypatch.setenv("SIGNON_WORKSPACE", str(b.root))
    assert find_workspace(cwd=a.root) == b              # the environment beats walking up
    assert find_workspace(a.root, cwd=a.root) == a      # --workspace beats the environment
    monkeypatch.setenv("SIGNON_WORKSPACE", "")
    assert find_workspace(cwd=a.root) == a              # empty means unset
    monkeypatch.setenv("SIGNON_WORKSPACE", str(tmp_path))
    with pytest.raises(NotAWorkspace) as err:
        find_workspace(cwd=a.root)
    assert str(err.value) == f"{tmp_path.resolve()} is not a signon workspace (no orgs.toml)"
    assert (err.value.named, err.value.folder) == (True, str(tmp_path))


# ---------------------------------------------------------------- edit_roster


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return init_workspace(tmp_path / "ws")


def test_edit_roster_writes_changes(ws: Workspace) -> None:
    with ws.edit_roster() as roster:
        roster.add(make_entry(roster, "Alpha Rights", eid="a"))
    assert ws.roster_path.read_text(encoding="utf-8") == (
        '[orgs.a]\nname = "Alpha Rights"\n\n[coalitions]\n'
    )


def test_edit_roster_writes_nothing_when_nothing_changed(ws: Workspace) -> None:
    with ws.edit_roster() as roster:
        roster.add(make_entry(roster, "Alpha Rights", eid="a"))
    inode = ws.roster_path.stat().st_ino
    with ws.edit_roster() as roster:
        roster.get("a")  # a command that looks and changes nothing
    assert ws.roster_path.stat().st_ino == inode        # not replaced


def test_edit_roster_keeps_a_hand_written_layout_on_a_no_op(ws: Workspace) -> None:
    hand = "[orgs.a]\nname = 'Alpha Rights'   \ncountry='Norway'\n"
    ws.roster_path.write_text(hand, encoding="utf-8")
    with ws.edit_roster() as roster:
        assert roster.entries["a"].country == "Norway"
    assert ws.roster_path.read_text(encoding="utf-8") == hand
    with ws.edit_roster() as roster:
        roster.entries["a"].city = "Oslo"
    assert ws.roster_path.read_text(encoding="utf-8") == (
        '[orgs.a]\nname = "Alpha Rights"\ncountry = "Norway"\ncity = "Oslo"\n\n[coalitions]\n'
    )


def test_edit_roster_writes_nothing_when_the_caller_fails(ws: Workspace) -> None:
    before = ws.roster_path.read_bytes()
    with pytest.raises(RefusedInput), ws.edit_roster() as roster:
        roster.add(make_entry(roster, "Alpha Rights", eid="a"))
        roster.get("missing")
    assert ws.roster_path.read_bytes() == before


def test_edit_roster_dry_run(ws: Workspace) -> None:
    before = ws.roster_path.read_bytes()
    with ws.edit_roster(dry_run=True) as roster:
        roster.add(make_entry(roster, "Alpha Rights", eid="a"))
    assert ws.roster_path.read_bytes() == before


def test_edit_roster_refuses_to_drop_comments(ws: Workspace) -> None:
    text = '[orgs.a]\nname = "A #1"  # checked by phone\n\n[coalitions]\n'
    ws.roster_path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkspaceFileError) as err, ws.edit_roster() as roster:
        roster.add(make_entry(roster, "Beta", eid="b"))
    assert str(err.value) == (
        "orgs.toml:2:16: holds a hand-written comment that rewriting the file would drop; move "
        "the remark into the entry's notes (or delete it) and run again"
    )
    assert err.value.override == "drop_comments"
    assert ws.roster_path.read_text(encoding="utf-8") == text
    with ws.edit_roster() as roster:  # nothing to write: the comment is no obstacle
        roster.get("a")
    with ws.edit_roster(drop_comments=True) as roster:
        roster.add(make_entry(roster, "Beta", eid="b"))
    assert "#" not in ws.roster_path.read_text(encoding="utf-8").replace("A #1", "")


def test_edit_roster_never_rewrites_a_file_that_does_not_parse(ws: Workspace) -> None:
    bad = b'[orgs.a]\nname = "A"\n[orgs.a\n'
    ws.roster_path.write_bytes(bad)
    with pytest.raises(WorkspaceFileError, match=r"^orgs\.toml:3:8: "), ws.edit_roster():
        pass
    assert ws.roster_path.read_bytes() == bad


def test_edit_roster_holds_the_lock(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNON_LOCK_TIMEOUT", "0.2")
    outcome: list[str] = []

    def other() -> None:
        try:
            with locked(ws.roster_path):
                outcome.append("got the lock")
        except IOFailure:
            outcome.append("timed out")

    with ws.edit_roster() as roster:
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        roster.add(make_entry(roster, "Alpha", eid="a"))
    assert outcome == ["timed out"]


def test_letter_slugs(ws: Workspace) -> None:
    (ws.letters_dir / "b").mkdir()
    (ws.letters_dir / "b" / "letter.md").write_text("+++\n+++\n")
    (ws.letters_dir / "a").mkdir()
    (ws.letters_dir / "a" / "letter.md").write_text("+++\n+++\n")
    (ws.letters_dir / "not-a-letter").mkdir()
    assert ws.letter_slugs() == ["a", "b"]
    assert ws.letter_dir("a") == ws.root / "letters" / "a"


def test_one_name_is_taken_whole_where_several_may_be_given(ws: Workspace) -> None:
    # A str is a Sequence[str]: without care "big" would be the letters "b", "i" and "g".
    ws.add_org("Alpha Rights", country="Norway", eid="alpha")
    ws.add_org("Beta Forum", country="Poland", eid="beta")
    ws.new_letter("big", title="Big", date="2024-03-01")
    ws.sign("big", "alpha", date="2024-03-01")
    ws.sign("big", ["beta"], date="2024-03-01")
    [result] = ws.check("big")
    assert (result.letter, result.counts.organizations) == ("big", 2)
    assert ws.withdraw("big", "beta", date="2024-03-02") == 1
    assert [r.counts.organizations for r in ws.check(["big"])] == [1]
    assert [(p.slug, list(p.targets)) for p in ws.plan_export("big", "txt").plans] == [
        ("big", ["txt"])]


def test_add_org_on_a_large_roster_writes_what_a_full_rewrite_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Past the parse cache's size signon rewrites only the entries that changed; the file
    # must be byte for byte the full canonical rewrite, whatever the layout it started in.
    from signon.roster import read_roster
    from signon.workspace import init_workspace

    monkeypatch.delenv("SIGNON_NO_CACHE", raising=False)
    monkeypatch.setenv("SIGNON_CACHE_DIR", str(tmp_path / "cache"))
    ws = init_workspace(tmp_path / "ws")
    orgs = [f'[orgs.o{i:04d}]\nname = "Organization {i}"\ncountry = "Norway"\n'
            for i in range(1200)]
    by_hand = [  # unsorted, keys out of signon's order
        '[orgs.b-hand]\ncountry = "Poland"\nname = "By Hand"\n',
        '[orgs.a-hand]\nname = "A Hand"\n',
    ]
    for first in ("\n".join(orgs) + '\n[coalitions.c]\nname = "C"\nmembers = ["o0001"]\n',
                  "\n".join(orgs + by_hand)):
        ws.roster_path.write_text(first, encoding="utf-8")
        for n, eid in enumerate(("m-new", "zz-last", "a-first", "o0500x")):
            ws.add_org(f"Added Org {n}", eid=eid, country="Chile")
            text = ws.roster_path.read_text(encoding="utf-8")
            roster, _ = read_roster(ws.roster_path)
            assert text == roster.dumps()
        assert "[orgs.o0500x]" in text and text.index("[orgs.o0500x]") < text.index("[orgs.o0501]")
