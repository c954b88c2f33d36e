"""Safe reading and writing of the workspace's TOML files.

Reads report every failure as ``file:line:col`` with what a person can do about
it; writes are atomic (temp file in the same folder, fsync, ``os.replace``, mode
kept) and happen under an exclusive lock so that concurrent commands never lose
an update.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from signon.errors import IOFailure, WorkspaceFileError

try:  # compiled tomli parses a 10k-entry roster ~3x faster than the stdlib's tomllib
    import tomli as _toml
except ImportError:  # pragma: no cover - tomli is a dependency; tomllib is the same parser
    import tomllib as _toml  # type: ignore[no-redef]

DEFAULT_LOCK_TIMEOUT = 30.0
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.M)


def lock_timeout() -> float:
    raw = os.environ.get("SIGNON_LOCK_TIMEOUT", "")
    try:
        return float(raw) if raw else DEFAULT_LOCK_TIMEOUT
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def read_text(path: Path, *, display: str | None = None) -> str:
    """Read a UTF-8 workspace file, refusing the encodings people actually end up with."""
    shown = display or path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WorkspaceFileError(f"{shown} does not exist; create it with `signon init`") from None
    except OSError as err:
        raise IOFailure(f"cannot read {shown}: {err.strerror}; check its permissions") from None
    if data.startswith(b"\xef\xbb\xbf"):
        raise WorkspaceFileError(
            f"{shown}:1:1: the file starts with a UTF-8 byte-order mark (as Notepad saves it); "
            "save it as UTF-8 without BOM and run the command again"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise WorkspaceFileError(
            f"{shown}:{line}:{col}: the file is not UTF-8 (byte 0x{data[err.start]:02X}); "
            "save it as UTF-8 and run the command again"
        ) from None
    conflict = _CONFLICT.search(text)
    if conflict:
        line, col = _position(text, conflict.start())
        raise WorkspaceFileError(
            f"{shown}:{line}:{col}: unresolved git merge conflict marker "
            f"{conflict.group(1)!r}; resolve the conflict, remove the markers and run again"
        )
    return text


def parse_toml(text: str, *, display: str) -> dict[str, Any]:
    try:
        return _toml.loads(text)
    except _toml.TOMLDecodeError as err:
        line = getattr(err, "lineno", None)
        col = getattr(err, "colno", None)
        what = getattr(err, "msg", str(err))
        if line is None:  # old parsers only put the position in the message
            m = re.search(r"line (\d+), column (\d+)", str(err))
            line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
            what = re.sub(r"\s*\(at line.*\)$", "", what)
        hint = "fix that line (a duplicate id or key is a common cause) and run again"
        raise WorkspaceFileError(f"{display}:{line}:{col}: {what}; {hint}") from None


def load_toml(path: Path, *, display: str | None = None) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; returns the data and the text it came from."""
    shown = display or path.name
    text = read_text(path, display=shown)
    return parse_toml(text, display=shown), text


def find_comment(text: str) -> tuple[int, int] | None:
    """Position of the first ``#`` comment outside strings, or None.

    tomli-w writes no comments, so a rewrite would silently drop them; callers
    refuse instead.  A small scanner is enough: TOML strings are the only place
    a ``#`` is not a comment.
    """
    i, n = 0, len(text)
    line, line_start = 1, 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
            line_start = i + 1
            i += 1
        elif ch == "#":
            return line, i - line_start + 1
        elif text.startswith('"""', i) or text.startswith("'''", i):
            quote = text[i : i + 3]
            end = i + 3
            while True:
                end = text.find(quote, end)
                if end == -1:
                    return None
                if quote == '"""' and _escaped(text, end):
                    end += 1
                    continue
                break
            while end + 3 < n and text[end + 3] == quote[0]:  # """a"""" ends one later
                end += 1
            segment = text[i : end + 3]
            line += segment.count("\n")
            if "\n" in segment:
                line_start = i + segment.rfind("\n") + 1
            i = end + 3
        elif ch in "\"'":
            end = i + 1
            while end < n and text[end] != "\n":
                if text[end] == ch and not (ch == '"' and _escaped(text, end)):
                    break
                end += 1
            i = end + 1
        else:
            i += 1
    return None


def _escaped(text: str, pos: int) -> bool:
    backslashes = 0
    pos -= 1
    while pos >= 0 and text[pos] == "\\":
        backslashes += 1
        pos -= 1
    return backslashes % 2 == 1


def atomic_write(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
        tmp_name = ""
        with contextlib.suppress(OSError):  # not every filesystem can fsync a folder
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as err:
        raise IOFailure(
            f"could not write {path}: {err.strerror or err}; nothing was changed — "
            "check free disk space and permissions"
        ) from None
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the workspace's write lock for ``path`` (a sibling ``.lock`` file)."""
    from filelock import FileLock, Timeout  # only writing commands pay for it

    lock_path = path.with_name(f".{path.name}.lock")
    timeout = lock_timeout()
    lock = FileLock(str(lock_path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise IOFailure(
            f"another signon command has held the lock on {path.name} for {timeout:g} s; "
            "wait for it to finish (or set SIGNON_LOCK_TIMEOUT) and run again"
        ) from None
    except OSError as err:
        raise IOFailure(f"cannot lock {path.name}: {err.strerror}; check permissions") from None
    try:
        yield
    finally:
        lock.release()
