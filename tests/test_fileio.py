"""Safe file I/O: atomic writes, the lock, reading the files people actually produce."""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from signon.errors import IOFailure, WorkspaceFileError
from signon.fileio import (
    atomic_write,
    find_comment,
    load_toml,
    lock_path,
    lock_timeout,
    locked,
    parse_toml,
    read_text,
)

# ---------------------------------------------------------------- atomic_write


def test_atomic_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "orgs.toml"
    atomic_write(target, "a = 1\n")
    assert target.read_bytes() == b"a = 1\n"
    atomic_write(target, b"b = 2\n")
    assert target.read_bytes() == b"b = 2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orgs.toml"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o444])
def test_atomic_write_keeps_the_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "orgs.toml"
    target.write_text("old\n")
    target.chmod(mode)
    atomic_write(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_text() == "new\n"


def test_atomic_write_new_file_follows_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.toml", "x = 1\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o640


def test_atomic_write_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "orgs.toml"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "orgs.toml"
    link.symlink_to(real)
    atomic_write(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"


@pytest.mark.parametrize("failing", ["replace", "fsync", "chmod"])
def test_atomic_write_failure_leaves_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "orgs.toml"
    target.write_bytes(b"old = true\n")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)
    with pytest.raises(IOFailure) as err:
        atomic_write(target, "new = true\n")
    monkeypatch.undo()
    assert str(err.value) == (
        f"could not write {target}: No space left on device; nothing was changed — "
        "check free disk space and permissions"
    )
    assert err.value.exit_code == 5
    assert target.read_bytes() == b"old = true\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orgs.toml"]


def test_atomic_write_interrupted_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "orgs.toml"
    target.write_bytes(b"old\n")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new\n")
    monkeypatch.undo()
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orgs.toml"]


# ---------------------------------------------------------------- read_text


def _read_error(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "orgs.toml"
    path.write_bytes(data)
    with pytest.raises(WorkspaceFileError) as err:
        read_text(path)
    assert err.value.exit_code == 4
    return str(err.value)


def test_read_text_refuses_a_bom(tmp_path: Path) -> None:
    assert _read_error(tmp_path, b"\xef\xbb\xbf[orgs.a]\nname = 'A'\n") == (
        "orgs.toml:1:1: the file starts with a UTF-8 byte-order mark (as Notepad saves it); "
        "save it as UTF-8 without BOM and run the command again"
    )


def test_read_text_refuses_latin1(tmp_path: Path) -> None:
    data = "[orgs.e]\nname = 'Östgruppen'\n".encode("latin-1")
    assert _read_error(tmp_path, data) == (
        "orgs.toml:2:9: the file is not UTF-8 (byte 0xD6); save it as UTF-8 and run the "
        "command again"
    )


def test_read_text_refuses_conflict_markers(tmp_path: Path) -> None:
    data = (b"[orgs.a]\nname = 'A'\n<<<<<<< HEAD\ncountry = 'Norway'\n=======\n"
            b"country = 'Sweden'\n>>>>>>> other\n")
    assert _read_error(tmp_path, data) == (
        "orgs.toml:3:1: unresolved git merge conflict (a '<<<<<<<' marker line); resolve the "
        "conflict, remove the marker lines and run the command again"
    )


def test_read_text_a_markdown_underline_is_not_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "letter.md"
    path.write_text("+++\ntitle = 'x'\n+++\n\nHeading\n=======\n\nText.\n", encoding="utf-8")
    assert read_text(path).endswith("=======\n\nText.\n")


def test_read_text_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceFileError) as err:
        read_text(tmp_path / "orgs.toml")
    assert str(err.value) == "orgs.toml does not exist; create a workspace"


def test_read_text_display_name(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(b"\xef\xbb\xbf")
    with pytest.raises(WorkspaceFileError, match=r"^letters/a/x\.toml:1:1: "):
        read_text(path, display="letters/a/x.toml")


# ---------------------------------------------------------------- parse_toml


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[orgs.a]\nname = 'A'\nname = 'B'\n",
         "orgs.toml:3:11: a key is set twice in the same table; delete one of the two lines, "
         "then run the command again"),
        ("[orgs.a]\nname = 'A'\n\n[orgs.a]\nname = 'B'\n",
         "orgs.toml:4:8: the table [orgs.a] appears twice (a duplicate id); merge the two tables "
         "or rename one, then run the command again"),
        ('[orgs."a.b"]\nname = \'A\'\n[orgs."a.b"]\n',
         'orgs.toml:3:12: the table [orgs."a.b"] appears twice (a duplicate id); merge the two '
         "tables or rename one, then run the command again"),
        ("[orgs.a\nname = 'A'\n",
         "orgs.toml:1:8: a table header is not closed; end it with ']' as in [orgs.ID], then "
         "run the command again"),
        ('[orgs.a]\nname = "A\n',
         "orgs.toml:2:10: a string is not closed before the end of the line; add the closing "
         "quote, then run the command again"),
        ("[orgs.a]\nname = Alpha\n",
         'orgs.toml:2:8: a value is not valid TOML; put text in quotes, e.g. name = "…", then '
         "run the command again"),
        ("[orgs.a]\nname = 'A'\nthis is prose\n",
         "orgs.toml:3:6: expected '=' after a key in a key/value pair; fix the TOML on that "
         "line, then run the command again"),
        ("<<<<<<< HEAD\n",
         "orgs.toml:1:1: this line is neither key = value nor a [table] header; fix or delete "
         "it, then run the command again"),
    ],
)
def test_parse_toml_errors(text: str, message: str) -> None:
    with pytest.raises(WorkspaceFileError) as err:
        parse_toml(text, display="orgs.toml")
    assert str(err.value) == message


def test_load_toml_returns_data_and_text(tmp_path: Path) -> None:
    path = tmp_path / "orgs.toml"
    path.write_text("[orgs.a]\nname = 'A'\n", encoding="utf-8")
    assert load_toml(path) == ({"orgs": {"a": {"name": "A"}}}, "[orgs.a]\nname = 'A'\n")


# ---------------------------------------------------------------- find_comment


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("", None),
        ('[orgs.a]\nname = "A"\n', None),
        ("# reviewed 2024\n[orgs.a]\n", (1, 1)),
        ('[orgs.a]\nname = "A" # the old name\n', (2, 12)),
        ('[orgs.a]\nname = "A #1"\n', None),
        ("[orgs.a]\nname = 'A #1'\n", None),
        ('"key # quoted" = 1\n', None),
        ('a = "say \\"#1\\""\n', None),                        # escaped quotes
        ('a = "ends in backslash\\\\" # c\n', (1, 27)),        # \\ then the closing quote
        ("a = 'literal\\' # c\n", (1, 16)),                    # no escapes in literal strings
        ('a = """\nfirst # not\n"""\n', None),                 # multi-line basic
        ('a = """\nx\n""" # yes\n', (3, 5)),
        ("a = '''\n# not\n'''\n# yes\n", (4, 1)),              # multi-line literal
        ('a = """x\\"""#not"""\n', None),                      # escaped quote inside """
        ('a = """x"""" # q\n', (1, 14)),                       # """x"""" ends one quote later
        ('a = """x""""" # q\n', (1, 15)),
        ("a = '''it's'''\n# c\n", (2, 1)),
        ('a = "unclosed\n# c\n', (2, 1)),
        ('notes = "x"\n\n\n  # indented\n', (4, 3)),
        ('a = ["x", # list\n"y"]\n', (1, 11)),
    ],
)
def test_find_comment(text: str, where: tuple[int, int] | None) -> None:
    assert find_comment(text) == where


def test_find_comment_position_after_multiline_strings() -> None:
    text = 'a = """\none\ntwo\n"""\nb = \'\'\'\nthree\n\'\'\'  # here\n'
    assert find_comment(text) == (7, 6)


# ---------------------------------------------------------------- locked


def test_lock_timeout_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIGNON_LOCK_TIMEOUT", raising=False)
    assert lock_timeout() == 30.0
    monkeypatch.setenv("SIGNON_LOCK_TIMEOUT", "0.5")
    assert lock_timeout() == 0.5


@pytest.mark.parametrize("raw", ["soon", "nan", "NaN", "inf", "-inf", "30s"])
def test_lock_timeout_that_is_not_a_number_is_refused(monkeypatch: pytest.MonkeyPatch,
                                                      raw: str) -> None:
    # "nan" compares false with every deadline: read as a number it would wait for ever.
    from signon.errors import RefusedInput

    monkeypatch.setenv("SIGNON_LOCK_TIMEOUT", raw)
    with pytest.raises(RefusedInput) as err:
        lock_timeout()
    assert str(err.value) == (f"SIGNON_LOCK_TIMEOUT={raw!r} is not a number of seconds; set it "
                              "to e.g. 30 (or unset it for the default of 30 s)")


def test_lock_file_is_a_hidden_sibling(tmp_path: Path) -> None:
    target = tmp_path / "orgs.toml"
    assert lock_path(target) == tmp_path / ".orgs.toml.lock"
    with locked(target):
        assert lock_path(target).exists()


def test_lock_is_reentrant_in_one_thread(tmp_path: Path) -> None:
    target = tmp_path / "orgs.toml"
    with locked(target), locked(target):
        pass
    with locked(target):  # released completely: taken again at once
        pass


def test_lock_times_out_against_another_holder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "orgs.toml"
    monkeypatch.setenv("SIGNON_LOCK_TIMEOUT", "0.3")
    taken, release = threading.Event(), threading.Event()

    def holder() -> None:
        with locked(target):
            taken.set()
            release.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    try:
        assert taken.wait(10)
        start = time.monotonic()
        with pytest.raises(IOFailure) as err, locked(target):
            pass
        assert 0.25 <= time.monotonic() - start < 5
        assert str(err.value) == (
            "another signon command has held the lock on orgs.toml for 0.3 s; wait for it to "
            "finish (or raise SIGNON_LOCK_TIMEOUT) and run the command again"
        )
        assert err.value.exit_code == 5
    finally:
        release.set()
        thread.join()
    with locked(target):  # free again once the holder let go
        pass


def test_lock_waits_for_a_short_holder(tmp_path: Path) -> None:
    target = tmp_path / "orgs.toml"
    order: list[str] = []
    taken = threading.Event()

    def holder() -> None:
        with locked(target):
            taken.set()
            time.sleep(0.2)
            order.append("holder done")

    thread = threading.Thread(target=holder)
    thread.start()
    assert taken.wait(10)
    with locked(target):
        order.append("waiter in")
    thread.join()
    assert order == ["holder done", "waiter in"]


def test_atomic_write_respects_a_read_only_file(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # Root may write anything, so the check is shown through os.access.
    import os

    from signon.errors import IOFailure
    from signon.fileio import atomic_write

    target = tmp_path / "orgs.toml"
    target.write_text("old", encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr(os, "access",
                        lambda p, mode: False if Path(p) == target else real_access(p, mode))
    with pytest.raises(IOFailure, match=r"orgs\.toml is read-only"):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old"


# ---------------------------------------------------------------- special files


def test_atomic_write_never_replaces_a_fifo(tmp_path: Path) -> None:
    from signon.errors import RefusedInput

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(RefusedInput) as err:
        atomic_write(fifo, "x\n")
    assert str(err.value) == (f"{fifo} is a FIFO (named pipe), not a regular file; signon "
                              "replaces only regular files — give another file name")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temp file left


def test_atomic_write_never_replaces_a_fifo_behind_a_link(tmp_path: Path) -> None:
    from signon.errors import RefusedInput

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "link").symlink_to(fifo)
    with pytest.raises(RefusedInput):
        atomic_write(tmp_path / "link", "x\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_write_output_writes_a_regular_file_atomically(tmp_path: Path) -> None:
    from signon.fileio import write_output

    target = tmp_path / "out.txt"
    target.write_text("old\n")
    write_output(target, "new\n")
    assert target.read_text() == "new\n"


def test_read_text_refuses_a_fifo_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "orgs.toml"
    os.mkfifo(fifo)
    with pytest.raises(WorkspaceFileError) as err:
        read_text(fifo)
    assert str(err.value) == ("orgs.toml is a FIFO (named pipe), not a file; move it away and "
                              "restore the file (e.g. from git)")


def test_read_text_caps_what_it_reads(tmp_path: Path) -> None:
    path = tmp_path / "orgs.toml"
    path.write_bytes(b"a = 1\n" * 200)
    assert read_text(path, limit=1200) == "a = 1\n" * 200
    with pytest.raises(WorkspaceFileError) as err:
        read_text(path, limit=1199)
    assert str(err.value).startswith("orgs.toml holds more than 0 MB")


def test_read_input_reads_at_most_one_byte_past_the_limit(tmp_path: Path) -> None:
    import io

    from signon.errors import RefusedInput
    from signon.fileio import read_capped

    class Endless(io.RawIOBase):
        asked = 0

        def read(self, size: int = -1) -> bytes:
            assert size >= 0  # never "read it all"
            self.asked += size
            return b"\0" * size

    stream = Endless()
    with pytest.raises(RefusedInput):
        read_capped(stream, 1000, shown="x")
    assert stream.asked == 1001
    assert read_capped(io.BytesIO(b"abc"), 3, shown="x") == b"abc"


def test_deep_nesting_is_a_file_error_with_its_position() -> None:
    text = 'a = "[[[[ not brackets"\n# [[[[[ nor these\nb = ' + "[" * 450 + "]" * 450 + "\n"
    with pytest.raises(WorkspaceFileError) as err:
        parse_toml(text, display="orgs.toml")
    assert str(err.value).startswith("orgs.toml:3:454: values are nested hundreds of levels")


def test_nesting_tomli_accepts_still_parses() -> None:
    text = "b = " + "[" * 100 + "]" * 100 + "\n"
    assert parse_toml(text, display="orgs.toml")["b"] is not None


# ------------------------------------------------- where a too-deep value is reported

DEEP = "[" * 600 + "]" * 600
TOO_DEEP = ("values are nested hundreds of levels deep (brackets inside brackets); no roster or "
            "letter needs that — fix or delete that line, then run the command again")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("\nx = " + DEEP, "2:604"),  # a first line that is empty still counts
        ("x = [[[]]]\ny = " + DEEP + "\nz = " + DEEP, "2:604"),  # the first deepest place
        # Brackets in strings and comments are no nesting, escaped quotes end no string.
        ('a = "[[[[" # [[[[\ns = """[[[ \\" """\nt = \'[[\'\nu = "q\\\\\\"[["\nx = [' + DEEP[1:],
         "5:604"),
    ],
)
def test_too_deep_nesting_is_reported_where_it_is(text: str, where: str) -> None:
    with pytest.raises(WorkspaceFileError) as err:
        parse_toml(text, display="f.toml")
    assert str(err.value) == f"f.toml:{where}: {TOO_DEEP}"


# --------------------------------------------------------- terminals and other streams


@pytest.fixture
def terminal() -> Iterator[tuple[int, Path]]:
    primary, secondary = os.openpty()
    try:
        path = Path(os.ttyname(secondary))
    except OSError:  # pragma: no cover - a pty without a name in /dev/pts
        pytest.skip("this system's ptys have no path")
    try:
        yield primary, path
    finally:
        os.close(primary)
        os.close(secondary)


def test_streams_and_terminals_are_told_apart(tmp_path: Path,
                                              terminal: tuple[int, Path]) -> None:
    from signon.fileio import is_stream, is_terminal

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    regular = tmp_path / "out.txt"
    regular.write_text("x\n")
    _, tty = terminal
    kinds = {name: (is_stream(path), is_terminal(path)) for name, path in [
        ("tty", tty), ("fifo", fifo), ("null", Path(os.devnull)), ("file", regular),
        ("missing", tmp_path / "nope")]}
    assert kinds == {"tty": (True, True), "fifo": (True, False), "null": (True, False),
                     "file": (False, False), "missing": (False, False)}


@pytest.mark.parametrize("data", ["Alpha Rights — Östgruppen\n", "Alpha Rights — Östgruppen\n"
                                  .encode()])
def test_write_output_writes_text_or_bytes_into_a_terminal(terminal: tuple[int, Path],
                                                           data: str | bytes) -> None:
    from signon.fileio import write_output

    primary, tty = terminal
    write_output(tty, data)
    os.set_blocking(primary, False)
    shown = b""
    deadline = time.monotonic() + 5
    while not shown.endswith(b"\n") and time.monotonic() < deadline:
        try:
            shown += os.read(primary, 65536)
        except BlockingIOError:
            time.sleep(0.01)
    # The terminal's line discipline turns "\n" into "\r\n".
    assert shown == "Alpha Rights — Östgruppen\r\n".encode()


# ------------------------------------------------------- what a user hands signon


def test_read_input_refuses_a_folder_naming_what_it_wanted(tmp_path: Path) -> None:
    from signon.errors import RefusedInput
    from signon.fileio import read_input

    with pytest.raises(RefusedInput) as err:
        read_input(tmp_path, display="list.txt", what="list")
    assert str(err.value) == "list.txt is a folder; give the list itself"


def test_read_input_refuses_sockets_and_block_devices(tmp_path: Path) -> None:
    import socket

    from signon.errors import RefusedInput
    from signon.fileio import read_input

    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock"))
    try:
        with pytest.raises(RefusedInput) as err:
            read_input(tmp_path / "sock", display="sock")
        assert str(err.value) == "sock is a socket, not a file; give the file itself"
    finally:
        sock.close()
    try:  # a block device node of our own, never one of the system's
        os.mknod(tmp_path / "disk", stat.S_IFBLK | 0o600, os.makedev(7, 0))
    except (OSError, AttributeError):
        pytest.skip("cannot make a block device node here (needs root)")
    with pytest.raises(RefusedInput) as err:
        read_input(tmp_path / "disk", display="disk")
    assert str(err.value) == "disk is a block device, not a file; give the file itself"


def test_load_toml_names_the_file_as_displayed(tmp_path: Path) -> None:
    missing = tmp_path / "orgs.toml"
    with pytest.raises(WorkspaceFileError) as err:
        load_toml(missing)
    assert str(err.value).startswith("orgs.toml does not exist; ")
    with pytest.raises(WorkspaceFileError) as err:
        load_toml(missing, display="ws/orgs.toml")
    assert str(err.value).startswith("ws/orgs.toml does not exist; ")
