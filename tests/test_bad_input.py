"""Nothing a user types or hands signon breaks it (issue 13).

Every case: the exit code the SPEC assigns, one sentence on stderr (never a
traceback), and the workspace's files byte for byte as they were.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (lock files aside: taking a lock may create one)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")}


def one_line_error(result: Any, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return str(lines[0][len("error: "):])


@pytest.fixture
def frozen(small_letter: Path) -> Iterator[Path]:
    """The small workspace; the test fails if a refused command changed any file in it."""
    before = snapshot(small_letter)
    yield small_letter
    assert snapshot(small_letter) == before


# ------------------------------------------------- 1. -o naming a special file


def _read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as fh:
            into.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def _open_reader_soon(path: Path) -> list[bytes]:
    got: list[bytes] = []
    _read_fifo(path, got)
    deadline = time.monotonic() + 5
    # Wait until the reader has the FIFO open, so the writer finds it.
    while time.monotonic() < deadline:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            time.sleep(0.01)
            continue
        os.close(fd)
        break
    return got


def test_compose_writes_straight_into_a_fifo(frozen: Path, cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    expected = cli("compose", "demo").stdout.encode()
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    # The reader may not have opened yet: the writer then refuses (no reader) or writes.
    for _ in range(200):
        result = cli("compose", "demo", "-o", str(fifo))
        if result.exit_code == 0:
            break
        time.sleep(0.02)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # no "wrote …": nothing was created
    reader.join(5)
    assert b"".join(got) == expected
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_compose_to_a_fifo_nobody_reads_is_refused(frozen: Path, cli: Cli,
                                                   tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    message = one_line_error(cli("compose", "demo", "-o", str(fifo), "--force"), 3)
    assert message == (f"nothing is reading from the FIFO {fifo}; start the reader first, "
                       "or give a regular file name")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_export_never_replaces_a_fifo(frozen: Path, cli: Cli, tmp_path: Path,
                                      force: list[str]) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    message = one_line_error(cli("export", "demo", "--txt", "-o", str(fifo), *force), 3)
    assert message == (f"{fifo} is a FIFO (named pipe), not a regular file; signon replaces "
                       "only regular files — give another file name")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_compose_writes_into_a_terminal_without_escape_sequences(
        small_letter: Path, cli: Cli) -> None:
    master, slave = os.openpty()
    try:
        tty = os.ttyname(slave)
    except OSError:  # pragma: no cover - a pty without a name in /dev/pts
        pytest.skip("this system's ptys have no path")
    try:
        _hand_edit_name(small_letter, "Alpha Rights", "Alpha \\u001b]0;owned\\u0007Rights")
        before = snapshot(small_letter)
        result = cli("compose", "demo", "-o", tty, "--force")
        assert result.exit_code == 0, result.stderr
        assert snapshot(small_letter) == before
        os.set_blocking(master, False)
        shown = b""
        with_timeout = time.monotonic() + 5
        while b"Demo letter" not in shown or not shown.rstrip().endswith(b")"):
            try:
                shown += os.read(master, 65536)
            except BlockingIOError:
                if time.monotonic() > with_timeout:
                    break
                time.sleep(0.01)
        assert b"Alpha \\x1b]0;owned\\x07Rights (Norway)" in shown
        assert b"\x1b" not in shown and b"\x07" not in shown
        assert stat.S_ISCHR(os.stat(tty).st_mode)
    finally:
        os.close(master)
        os.close(slave)


def test_compose_dash_is_standard_output(frozen: Path, cli: Cli) -> None:
    plain = cli("compose", "demo")
    dashed = cli("compose", "demo", "-o", "-")
    assert dashed.exit_code == 0
    assert dashed.stdout == plain.stdout and dashed.stdout.startswith("Demo letter\n")
    assert not (frozen / "-").exists()


# ------------------------------------------------- 2. deeply nested TOML

DEEP = "x = " + "[" * 500 + "]" * 500 + "\n"


def _append(path: Path, text: str) -> None:
    path.write_bytes(path.read_bytes() + text.encode())


@pytest.mark.parametrize("args", [
    ["orgs"], ["show", "a"], ["letters"], ["check"], ["compose", "demo"],
    ["export", "demo", "--txt"], ["add-org", "New Org"], ["sign", "demo", "a"],
    ["stats", "demo"],
])
def test_deep_nesting_in_orgs_toml(small_letter: Path, cli: Cli, args: list[str]) -> None:
    _append(small_letter / "orgs.toml", DEEP)
    line = (small_letter / "orgs.toml").read_text().count("\n")
    before = snapshot(small_letter)
    message = one_line_error(cli(*args), 4)
    assert message.startswith(f"orgs.toml:{line}:504: values are nested hundreds of levels deep")
    assert snapshot(small_letter) == before


@pytest.mark.parametrize("args", [
    ["check", "demo"], ["compose", "demo"], ["sign", "demo", "a"], ["stats", "demo"],
    ["withdraw", "demo", "a"], ["sign-individual", "demo", "Ann Lee"],
])
def test_deep_nesting_in_signatures_toml(small_letter: Path, cli: Cli, args: list[str]) -> None:
    record = small_letter / "letters" / "demo" / "signatures.toml"
    _append(record, DEEP)
    line = record.read_text().count("\n")
    before = snapshot(small_letter)
    result = cli(*args)
    if args[0] == "check":  # check reports an unreadable letter, then exits 4
        assert result.exit_code == 4
        assert f"letters/demo/signatures.toml:{line}:504: values are nested" in result.stdout
    else:
        message = one_line_error(result, 4)
        assert message.startswith(f"letters/demo/signatures.toml:{line}:504: values are nested")
    assert snapshot(small_letter) == before


@pytest.mark.parametrize("args", [["compose", "demo"], ["export", "demo", "--txt"],
                                  ["check", "demo"]])
def test_deep_nesting_in_front_matter(small_letter: Path, cli: Cli, args: list[str]) -> None:
    path = small_letter / "letters" / "demo" / "letter.md"
    text = path.read_text()
    path.write_text(text.replace("+++\n", "+++\n" + DEEP, 1))
    before = snapshot(small_letter)
    result = cli(*args)
    assert result.exit_code == 4, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    # Line 2: the first line after the opening '+++'.
    assert "letters/demo/letter.md:2:504: values are nested hundreds of levels deep" in (
        result.stderr + result.stdout)
    assert snapshot(small_letter) == before


# ------------------------------------------------- 3. charsets that lie


def _html(charset_tag: str, body: str = "") -> bytes:
    return (f"<html><head>{charset_tag}<title>Joint letter</title></head><body>"
            "<p>We, the 2 undersigned organizations, call for release.</p>"
            f"<ul><li>Alpha Rights (Norway)</li><li>Beta Watch (Poland)</li></ul>{body}"
            "</body></html>").encode()


@pytest.mark.parametrize("label", ["undefined", "rot13", "base64", "unicode_escape", "idna",
                                   "utf-16", "x-user-defined", "no-such-charset", "hex",
                                   "mbcs", "UTF-7"])
@pytest.mark.parametrize("form", ['<meta charset="{}">',
                                  '<meta http-equiv="Content-Type" '
                                  'content="text/html; charset={}">'])
def test_unknown_or_odd_charsets_fall_back(workspace: Path, cli: Cli, tmp_path: Path,
                                           label: str, form: str) -> None:
    page = tmp_path / "letter.html"
    page.write_bytes(_html(form.format(label)))
    result = cli("import-letter", str(page), "--slug", "imported", "--json")
    assert result.exit_code == 0, result.stderr
    assert sorted(e["name"] for e in _orgs(cli)) == ["Alpha Rights", "Beta Watch"]


def _orgs(cli: Cli) -> list[dict[str, Any]]:
    import json

    result = cli("orgs", "--json")
    assert result.exit_code == 0
    return list(json.loads(result.stdout))


def test_a_page_lying_about_its_charset_is_read_as_the_utf8_it_is(
        workspace: Path, cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "letter.html"
    page.write_bytes(_html('<meta charset="windows-1251">').replace(
        b"Beta Watch", "Östgruppen".encode()))
    assert cli("import-letter", str(page), "--slug", "imported").exit_code == 0
    assert sorted(e["name"] for e in _orgs(cli)) == ["Alpha Rights", "Östgruppen"]


def test_a_charset_browsers_refuse_is_refused(workspace: Path, cli: Cli,
                                              tmp_path: Path) -> None:
    page = tmp_path / "letter.html"
    page.write_bytes(_html('<meta charset="iso-2022-kr">'))
    before = snapshot(workspace)
    message = one_line_error(cli("import-letter", str(page), "--slug", "imported"), 3)
    assert message == ("letter.html declares the charset 'iso-2022-kr', which browsers refuse "
                       "to read; open it in a browser or editor, save it as UTF-8 and run the "
                       "command again")
    assert snapshot(workspace) == before


def test_bytes_not_in_the_declared_charset_are_refused(workspace: Path, cli: Cli,
                                                       tmp_path: Path) -> None:
    page = tmp_path / "letter.html"
    page.write_bytes(_html('<meta charset="shift_jis">') + b"\n\x82\xff")
    before = snapshot(workspace)
    message = one_line_error(cli("import-letter", str(page), "--slug", "imported"), 3)
    assert message == ("letter.html:2: the page declares the charset 'shift_jis', but byte "
                       "0x82 is not text in it; open it in a browser or editor, save it as "
                       "UTF-8 and run the command again")
    assert snapshot(workspace) == before


# ------------------------------------------------- 4. endless input, hostile templates


@pytest.mark.parametrize("command", [
    ["import-letter", "{path}", "--slug", "big"], ["import-csv", "{path}", "--letter", "demo"],
])
@pytest.mark.parametrize("source", ["endless", "large"])
def test_inputs_past_the_cap_are_refused(frozen: Path, cli: Cli, tmp_path: Path,
                                         command: list[str], source: str) -> None:
    suffix = ".csv" if command[0] == "import-csv" else ".txt"
    path = tmp_path / f"input{suffix}"
    if source == "endless":
        path.symlink_to("/dev/zero")  # read through a link in a temp folder, never written
    else:
        with open(path, "wb") as fh:  # sparse: 51 MB without writing them
            fh.truncate(51 * 1024 * 1024)
    started = time.monotonic()
    result = cli(*(part.format(path=path) for part in command))
    assert time.monotonic() - started < 20
    assert result.exit_code == 3, result.stderr
    assert (f"error: {path} holds more than 50 MB, the most signon reads from one file; check "
            "that it is the right file (not a device or an endless stream), or split it"
            ) in result.stderr


HOSTILE = [
    ("{{ 'x' * 10**10 }}", "repeating a value 10000000000 times makes more than 10,000,000 "
                           "characters"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "the template's loops run more than 1,000,000 times"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{% endfor %}{% endfor %}",
     "the template's loops run more than 1,000,000 times"),
    ("{{ 'x'.ljust(10**10) }}", "the number 10000000000 is larger than the 10,000,000 "
                                "characters a letter may have; no placeholder needs it"),
    ("{{ 'x'|center(10**9) }}", "the number 1000000000 is larger than the 10,000,000 "
                                "characters a letter may have; no placeholder needs it"),
    ("{{ '%9999999999d' % 1 }}", "a format asks for a width of millions of characters"),
    ("{{ '{:>9999999999}'.format(1) }}", "a format asks for a width of millions of characters"),
    ("{{ '%d'|format(10**10) }}", "the number 10000000000 is larger"),
    ("{{ 10 ** 10000000 }}", "10 ** 10000000 is a number too large to compute"),
    ("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
     "{% endfor %}", "a value grows past 10,000,000 characters"),
    ("{{ ('x' * 9000000) ~ ('x' * 9000000) }}", "the letter grows past 10,000,000 characters"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "maximum recursion depth exceeded"),
]


def _set_body(root: Path, body: str) -> int:
    """Replace the body of letters/demo/letter.md; returns the line the hostile part is on."""
    path = root / "letters" / "demo" / "letter.md"
    text = path.read_text()
    head = text[: text.index("+++", 3) + 4]
    path.write_text(f"{head}\nWe write.\n{body}\n\n{{{{ signatories }}}}\n")
    return head.count("\n") + 3


@pytest.mark.parametrize(("body", "why"), HOSTILE)
def test_hostile_templates_end_within_the_bound(small_letter: Path, cli: Cli, body: str,
                                                why: str) -> None:
    from signon import sandbox

    line = _set_body(small_letter, body)
    before = snapshot(small_letter)
    for args, code in ((["check", "demo"], 1), (["compose", "demo"], 4),
                       (["export", "demo", "--txt"], 4)):
        started = time.monotonic()
        result = cli(*args)
        assert time.monotonic() - started < sandbox.MAX_SECONDS + 5, args
        assert result.exit_code == code, (args, result.stdout, result.stderr)
        said = result.stderr if code == 4 else result.stdout
        where = f"letters/demo/letter.md:{line}: template error: "
        # On a machine busy enough that a million loop turns take 5 s, the time bound is
        # what stops the loop: either bound holds the letter.
        slow = why.startswith("the template's loops") and (
            f"{where}the template runs longer than {sandbox.MAX_SECONDS:g} s" in said)
        assert f"{where}{why}" in said or slow, said
    assert snapshot(small_letter) == before


def test_a_template_running_past_the_time_bound_stops(small_letter: Path, cli: Cli,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from signon import sandbox

    # Long enough that a busy machine is well inside the loop when the clock stops it
    # (an alarm during the render's set-up could not name the template's line).
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 1.0)
    monkeypatch.setattr(sandbox, "MAX_LOOP_ITEMS", 10**12)  # only the clock stops it now
    line = _set_body(small_letter, "{% for i in range(100000) %}{% for j in range(100000) %}"
                                   "{% endfor %}{% endfor %}")
    started = time.monotonic()
    result = cli("compose", "demo")
    assert time.monotonic() - started < 5
    message = one_line_error(result, 4)
    assert message == (f"letters/demo/letter.md:{line}: template error: the template runs "
                       "longer than 1 s (a loop too large?); fix the placeholder and run again")


def test_the_sandbox_still_refuses_python_internals(small_letter: Path, cli: Cli) -> None:
    _set_body(small_letter, "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    result = cli("compose", "demo")
    assert result.exit_code == 4
    assert "__class__" not in result.stdout


def test_a_large_honest_template_loop_still_renders(small_letter: Path, cli: Cli) -> None:
    _set_body(small_letter, "{% for i in range(1000) %}{% for j in range(900) %}.{% endfor %}"
                            "{% endfor %}{{ count }}")
    result = cli("compose", "demo", "--width", "0")
    assert result.exit_code == 0, result.stderr
    assert "." * 900_000 + "5" in result.stdout


# ------------------------------------------------- 6. terminal escapes


def _hand_edit_name(root: Path, old: str, new_toml: str) -> None:
    path = root / "orgs.toml"
    text = path.read_text()
    assert f'name = "{old}"' in text
    path.write_text(text.replace(f'name = "{old}"', f'name = "{new_toml}"'))


ESCAPES = "\\u001b[2J\\u001b]0;owned\\u0007\\u202e"


def test_compose_and_text_export_show_escapes_as_text(small_letter: Path, cli: Cli) -> None:
    _hand_edit_name(small_letter, "Beta Watch", f"Beta {ESCAPES}Watch")
    composed = cli("compose", "demo", "--force")
    assert composed.exit_code == 0, composed.stderr
    shown = "Beta \\x1b[2J\\x1b]0;owned\\x07\\u202eWatch (Poland)"
    assert shown in composed.stdout
    assert cli("export", "demo", "--txt", "--force").exit_code == 0
    exported = (small_letter / "demo.txt").read_text()
    assert shown in exported
    for text in (composed.stdout, exported):
        assert not any(ch in text for ch in "\x1b\x07\u202e")


def test_check_flags_control_characters_in_every_file(small_letter: Path, cli: Cli) -> None:
    record = small_letter / "letters" / "demo" / "signatures.toml"
    _append(record, f'\n[[individuals]]\nname = "Ann {ESCAPES}Lee"\n')
    letter = small_letter / "letters" / "demo" / "letter.md"
    _append(letter, "A line with \x1b[31mcolour\n")
    _hand_edit_name(small_letter, "Gamma Centre", "Gamma \\u202eCentre")
    before = snapshot(small_letter)
    result = cli("check", "demo", "--json")
    assert result.exit_code == 1
    import json

    found = [(f["code"], f["file"], f["line"]) for f in json.loads(result.stdout)["findings"]
             if f["code"] == "control-character"]
    body_line = letter.read_text().count("\n")
    assert found == [("control-character", "orgs.toml", None),
                     ("control-character", "letters/demo/signatures.toml", None),
                     ("control-character", "letters/demo/letter.md", body_line)]
    assert snapshot(small_letter) == before


# ------------------------------------------------- 8. the smaller list


@pytest.mark.parametrize("slug", ["con", "nul", "aux", "prn", "lpt1", "com9", "aux.txt",
                                  "con.tar.gz"])
def test_slugs_windows_cannot_hold_are_refused(frozen: Path, cli: Cli, slug: str) -> None:
    message = one_line_error(cli("new-letter", slug), 3)
    assert message == (f"letter name {slug!r} is a device name Windows reserves (CON, NUL, AUX, "
                       "PRN, COM1…, LPT1…), so its folder could not be copied there; choose "
                       "another name")
    assert not (frozen / "letters" / slug).exists()


def test_a_slug_that_only_starts_like_a_device_is_fine(small_letter: Path, cli: Cli) -> None:
    assert cli("new-letter", "console-2024").exit_code == 0
    assert cli("new-letter", "lpt10").exit_code == 0


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ufdd0", "\U0001fffe"])
@pytest.mark.parametrize("args", [["add-org", "Alpha{}Org"], ["add-org", "Zeta", "--alias",
                                                                "Z{}"],
                                  ["sign-individual", "demo", "Ann{}Lee"],
                                  ["sign", "demo", "a", "--signer", "Ann{}Lee"]])
def test_noncharacters_are_refused_at_input(frozen: Path, cli: Cli, char: str,
                                            args: list[str]) -> None:
    message = one_line_error(cli(*(a.format(char) for a in args)), 3)
    assert f"holds U+{ord(char):04X}, which Unicode reserves as a non-character" in message


def test_orgs_toml_that_is_a_folder(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "orgs.toml").mkdir()
    (tmp_path / "letters").mkdir()
    message = one_line_error(cli("orgs", cwd=tmp_path), 4)
    assert message == ("orgs.toml is a folder, not a file; move it away and restore the file "
                       "(e.g. from git)")
    assert one_line_error(cli("add-org", "Alpha", cwd=tmp_path), 4) == message


def test_letter_md_that_is_a_folder(small_letter: Path, cli: Cli) -> None:
    (small_letter / "letters" / "broken").mkdir()
    (small_letter / "letters" / "broken" / "letter.md").mkdir()
    message = ("letters/broken/letter.md is a folder, not a file; move it away and restore "
               "the file (e.g. from git)")
    result = cli("check")
    assert result.exit_code == 4
    assert f"  error letter-file: {message}\n" in result.stdout  # and the other letters too
    assert "✓ demo: 5 organizations" in result.stdout
    assert one_line_error(cli("compose", "broken"), 4) == message


@pytest.mark.parametrize("value", ["nan", "inf", "soon"])
def test_lock_timeout_that_is_not_a_number(frozen: Path, cli: Cli, value: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNON_LOCK_TIMEOUT", value)
    message = one_line_error(cli("add-org", "Zeta"), 3)
    assert message == (f"SIGNON_LOCK_TIMEOUT={value!r} is not a number of seconds; set it to "
                       "e.g. 30 (or unset it for the default of 30 s)")


def test_a_name_starting_with_a_dash_says_to_use_double_dash(frozen: Path, cli: Cli) -> None:
    result = cli("add-org", "-Dash Org")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: No such option: -D; if '-Dash Org' is a value rather than an option, put -- "
        "before it: signon add-org -- '-Dash Org'\n")


def test_a_name_starting_with_a_dash_goes_after_double_dash(small_letter: Path,
                                                            cli: Cli) -> None:
    result = cli("add-org", "--id", "dash", "--", "-Dash Org")
    assert result.exit_code == 0, result.stderr


def test_new_letter_on_a_full_disk_leaves_no_folder(frozen: Path, cli: Cli,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import signon.fileio
    import signon.letter

    real = signon.fileio.atomic_write
    calls: list[Path] = []

    def full_disk(path: Path, data: str | bytes) -> None:
        calls.append(path)
        if len(calls) == 2:  # letter.md is written, then the disk fills up
            raise signon.errors.IOFailure(f"could not write {path}: No space left on device; "
                                          "nothing was changed — check free disk space")
        real(path, data)

    import signon.errors

    monkeypatch.setattr(signon.letter, "atomic_write", full_disk)
    message = one_line_error(cli("new-letter", "fresh"), 5)
    assert message.startswith("could not write")
    assert not (frozen / "letters" / "fresh").exists()


def test_a_punctuation_only_line_is_left_out_and_said(workspace: Path, cli: Cli,
                                                      tmp_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_text("Letter\n\nWe, the undersigned organizations, ask.\n\nSigned:\n\n"
                      "Alpha Rights\n*\nBeta Watch\n-\nGamma Centre\n", encoding="utf-8")
    result = cli("check", str(source))
    assert (result.exit_code, result.stdout) == (0, (
        "✓ list.txt: 3 organizations, 3 entries, 3 names, 0 individuals\n"
        "  warning import-skipped: list.txt:8: left out '*': it holds no letter or digit, so "
        "it names nobody\n"
        "  warning import-skipped: list.txt:10: left out '-': it holds no letter or digit, so "
        "it names nobody\n"))


# ------------------------------------------------- 9. a roster too large to work with


@pytest.mark.parametrize("command", [
    ["orgs"], ["check", "demo"], ["compose", "demo"], ["add-org", "Omega Union"],
    ["sign", "demo", "b"], ["merge", "a", "b"], ["export", "demo", "--txt"],
])
def test_a_roster_past_the_limit_is_refused_at_once(frozen: Path, cli: Cli, command: list[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    size = (frozen / "orgs.toml").stat().st_size
    monkeypatch.setenv("SIGNON_MAX_ROSTER_MB", str(size / 2 / 1024 / 1024))
    message = one_line_error(cli(*command), 4)
    assert message.startswith("orgs.toml is 0 MB, more than the ")
    assert message.endswith("signon reads, past which every command would take tens of "
                            "seconds; split the roster into several workspaces, or raise the "
                            "limit with SIGNON_MAX_ROSTER_MB")


def test_the_default_limit_is_stated_in_mb_and_organizations(
        workspace: Path, cli: Cli) -> None:
    from signon.roster import DEFAULT_ROSTER_LIMIT_MB

    roster = workspace / "orgs.toml"
    # A sparse file: as large as the limit plus one byte, without writing 20 MB.
    with open(roster, "r+b") as fh:
        fh.truncate(DEFAULT_ROSTER_LIMIT_MB * 1024 * 1024 + 1)
    assert one_line_error(cli("orgs"), 4) == (
        "orgs.toml is 20 MB, more than the 20 MB (about 210,000 organizations) signon reads, "
        "past which every command would take tens of seconds; split the roster into several "
        "workspaces, or raise the limit with SIGNON_MAX_ROSTER_MB")


def test_raising_the_limit_reads_the_roster(small_letter: Path, cli: Cli,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNON_MAX_ROSTER_MB", "0.5")
    assert cli("check", "demo").exit_code == 0


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "20MB"])
def test_a_roster_limit_that_is_not_a_size_is_refused(frozen: Path, cli: Cli, value: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNON_MAX_ROSTER_MB", value)
    assert one_line_error(cli("orgs"), 3) == (
        f"SIGNON_MAX_ROSTER_MB={value!r} is not a size in MB; set it to e.g. 40 (or unset it "
        "for the default of 20 MB)")


# ------------------------------------------------- 10. tests that catch a regression


def test_roster_add_refreshes_what_later_adds_are_checked_against() -> None:
    from signon.errors import RefusedInput
    from signon.roster import Entry, Roster

    roster = Roster([Entry(id="a", name="Alpha Rights", country="Norway")])
    assert [e.id for e, _ in roster.matches("ALPHA RIGHTS")] == ["a"]  # index built now
    roster.add(Entry(id="b", name="Beta Watch", country="Poland"))
    assert [e.id for e, _ in roster.matches("beta  watch")] == ["b"]
    # Two look-alikes added in one run: the second is refused, naming the first.
    with pytest.raises(RefusedInput) as err:
        roster.add(Entry(id="b2", name="Beta-Watch", country="Poland"))
    assert "'b'" in str(err.value) or "(b)" in str(err.value)
    assert "b2" not in roster.entries


def test_withdrawing_twice_keeps_the_first_date(small_letter: Path, cli: Cli) -> None:
    assert cli("sign-individual", "demo", "Ann Lee").exit_code == 0
    assert cli("withdraw", "demo", "a", "--date", "2024-04-01").exit_code == 0
    assert cli("withdraw", "demo", "--individual", "Ann Lee",
               "--date", "2024-04-01").exit_code == 0
    before = snapshot(small_letter)
    message = one_line_error(cli("withdraw", "demo", "a", "--date", "2024-05-09"), 3)
    assert message == "'a' already withdrew from 'demo' on 2024-04-01"
    message = one_line_error(cli("withdraw", "demo", "--individual", "Ann Lee",
                                 "--date", "2024-05-09"), 3)
    assert message == "no individual named 'Ann Lee' signed 'demo'"
    assert snapshot(small_letter) == before
    record = (small_letter / "letters" / "demo" / "signatures.toml").read_text()
    assert record.count('withdrawn = "2024-04-01"') == 2 and "2024-05-09" not in record


def test_recipients_are_escaped_in_the_html_page(small_letter: Path, cli: Cli) -> None:
    path = small_letter / "letters" / "demo" / "letter.md"
    text = path.read_text()
    path.write_text(text.replace("recipients = []",
                                 'recipients = ["<script>alert(1)</script> & Co"]', 1))
    assert cli("export", "demo", "--html").exit_code == 0
    page = (small_letter / "demo.html").read_text()
    assert "To: &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert "<script>" not in page


def test_a_mis_nested_coalition_is_repaired_in_any_letter(workspace: Path, cli: Cli,
                                                          tmp_path: Path) -> None:
    # The seed's Tbilisi heading, in a letter of its own: a heading printed as a bullet of
    # the coalition before it becomes a coalition of its own with the bullets after it.
    source = tmp_path / "letter.txt"
    source.write_text(
        "Joint letter\n\nWe, the undersigned organizations, call for the release of all "
        "prisoners.\n\nSigned:\n\nAlpha House (on behalf of the following NGOs):\n"
        "  * Beta Centre\n  * Gamma Forum\n  * Delta Network (on behalf of the following NGOs):\n"
        "  * Epsilon Union\n  * Zeta Group\n\nEta Watch (Norway)\nTheta Rights (Poland)\n")
    import json

    result = cli("import-letter", str(source), "--slug", "l", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["counts"] == {"organizations": 6, "entries": 4, "names": 8,
                                "individuals": 0}
    assert [f["code"] for f in report["findings"]] == ["import-repair"]
    coalitions = {e["id"]: e["members"] for e in _orgs(cli) if e["kind"] == "coalition"}
    assert coalitions == {"alpha-house": ["beta-centre", "gamma-forum"],
                          "delta-network": ["epsilon-union", "zeta-group"]}
