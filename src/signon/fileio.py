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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from signon.errors import IOFailure, RefusedInput, Remedy, WorkspaceFileError

try:  # compiled tomli parses a 10k-entry roster ~3x faster than the stdlib's tomllib
    import tomli as _toml
except ImportError:  # pragma: no cover - tomli is a dependency; tomllib is the same parser
    import tomllib as _toml  # type: ignore[no-redef]

DEFAULT_LOCK_TIMEOUT = 30.0
MB = 1024 * 1024
# A letter, a form export or a file to audit beyond this is not a letter; without a
# cap an endless stream (/dev/zero, a pipe that never closes) would be read for ever.
MAX_INPUT_BYTES = 50 * MB
# The workspace's own files: a 50 MB roster (about 400,000 organizations) still works,
# a file four times that is a mistake and would take minutes and gigabytes.
MAX_WORKSPACE_BYTES = 200 * MB
# A git conflict always has both an opening and a closing marker line; a lone
# "=======" is also a Markdown heading underline and must not be taken for one.
_CONFLICT_START = re.compile(r"^<{7}(?: |$)", re.M)
_CONFLICT_END = re.compile(r"^>{7}(?: |$)", re.M)


def lock_timeout() -> float:
    """SIGNON_LOCK_TIMEOUT in seconds (a negative value waits for ever).

    A value that is not a number ("nan", "inf", "30s") is refused rather than read
    as something else: "nan" would compare false with every deadline and wait for ever.
    """
    import math

    raw = os.environ.get("SIGNON_LOCK_TIMEOUT", "").strip()
    if not raw:
        return DEFAULT_LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise RefusedInput(
            f"SIGNON_LOCK_TIMEOUT={raw!r} is not a number of seconds; set it to e.g. 30 "
            "(or unset it for the default of 30 s)"
        )
    return value


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def file_kind(path: Path) -> str | None:
    """What a non-regular file at ``path`` is ("a folder", "a FIFO"…), following links;
    None for a regular file or nothing at all."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:
        return None  # the caller's own open() reports permissions and the like
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_capped(fh: Any, limit: int, *, shown: str) -> bytes:
    """Everything ``fh`` holds, or :class:`RefusedInput` once it passes ``limit`` bytes.

    Reads at most ``limit + 1`` bytes, so an endless stream costs one bounded read.
    """
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise RefusedInput(
            f"{shown} holds more than {limit // MB} MB, the most signon reads from one file; "
            "check that it is the right file (not a device or an endless stream), or split it"
        )
    return bytes(data)


def read_input(path: Path, *, limit: int = MAX_INPUT_BYTES, display: str | None = None,
               what: str = "file") -> bytes:
    """The bytes of a file the user hands signon (a letter to import, a form export):
    a missing file, a folder or anything past ``limit`` is refused (exit 3).  A FIFO or
    a process substitution is read like a file, up to the limit."""
    shown = display or str(path)
    kind = file_kind(path)
    if kind == "a folder":
        raise RefusedInput(f"{shown} is a folder; give the {what} itself")
    if kind in ("a socket", "a block device"):
        raise RefusedInput(f"{shown} is {kind}, not a file; give the {what} itself")
    try:
        with open(path, "rb") as fh:
            return read_capped(fh, limit, shown=shown)
    except FileNotFoundError:
        raise RefusedInput(f"{shown} does not exist; check the file name") from None
    except IsADirectoryError:
        raise RefusedInput(f"{shown} is a folder; give the {what} itself") from None
    except OSError as err:
        raise IOFailure(f"cannot read {shown}: {err.strerror}; check its permissions") from None


def read_text(path: Path, *, display: str | None = None,
              limit: int = MAX_WORKSPACE_BYTES) -> str:
    """Read a UTF-8 workspace file, refusing the encodings people actually end up with."""
    shown = display or path.name
    kind = file_kind(path)
    if kind is not None:
        # A FIFO would block for ever and a folder is not "missing": say what is there.
        raise WorkspaceFileError(
            f"{shown} is {kind}, not a file; move it away and restore the file (e.g. from git)"
        )
    try:
        with open(path, "rb") as fh:
            data = read_capped(fh, limit, shown=shown)
    except RefusedInput as err:
        raise WorkspaceFileError(str(err)) from None
    except FileNotFoundError:
        raise WorkspaceFileError(f"{shown} does not exist; create a workspace",
                                 remedies=[Remedy("init")]) from None
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
    # A plain substring search first: the line-anchored pattern costs ~50 ms on a 9 MB
    # roster that holds no marker at all.
    start = _CONFLICT_START.search(text) if "<<<<<<<" in text else None
    if start and _CONFLICT_END.search(text, start.end()):
        line, col = _position(text, start.start())
        raise WorkspaceFileError(
            f"{shown}:{line}:{col}: unresolved git merge conflict (a '<<<<<<<' marker line); "
            "resolve the conflict, remove the marker lines and run the command again"
        )
    return text


# tomli's messages, said the way a person editing the file understands them.
_TOML_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Cannot declare \((.*)\) twice$"),
     "the table [{0}] appears twice (a duplicate id); merge the two tables or rename one"),
    (re.compile(r"^Cannot (?:overwrite a value|mutate immutable namespace)"),
     "a key is set twice in the same table; delete one of the two lines"),
    (re.compile(r"^Cannot redefine namespace \((.*)\)$"),
     "[{0}] is defined twice (a duplicate id or key); merge the two definitions"),
    (re.compile(r"^Expected ']' at the end of a table declaration"),
     "a table header is not closed; end it with ']' as in [orgs.ID]"),
    (re.compile(r"^Illegal character '\\n'"),
     "a string is not closed before the end of the line; add the closing quote"),
    (re.compile(r"^Unterminated string"),
     "a string is never closed; add the closing quote"),
    (re.compile(r"^Invalid statement"),
     "this line is neither key = value nor a [table] header; fix or delete it"),
    (re.compile(r"^Invalid value"),
     'a value is not valid TOML; put text in quotes, e.g. name = "…"'),
)


def _friendly(what: str) -> str:
    for pattern, hint in _TOML_HINTS:
        m = pattern.match(what)
        if m:
            return hint.format(*(_dotted(g) for g in m.groups()))
    return f"{what[:1].lower()}{what[1:]}; fix the TOML on that line"


def _dotted(parts_repr: str) -> str:
    """``'orgs', 'a.b'`` (a tuple's repr, as tomli prints it) as the header ``orgs."a.b"``."""
    import ast

    try:
        parts = ast.literal_eval(f"({parts_repr},)")
    except (ValueError, SyntaxError):
        return parts_repr
    return ".".join(p if re.fullmatch(r"[A-Za-z0-9_-]+", p) else f'"{p}"' for p in parts)


def parse_toml(text: str, *, display: str) -> dict[str, Any]:
    from signon.parsecache import cached_parse

    try:
        return cached_parse(text, _toml.loads)
    except RecursionError:
        # tomli stops at 400 levels of nested arrays/tables, without a position.
        deep_line, deep_col = _deepest(text)
        raise WorkspaceFileError(
            f"{display}:{deep_line}:{deep_col}: values are nested hundreds of levels deep "
            "(brackets inside brackets); no roster or letter needs that — fix or delete "
            "that line, then run the command again"
        ) from None
    except _toml.TOMLDecodeError as err:
        line = getattr(err, "lineno", None)
        col = getattr(err, "colno", None)
        what = getattr(err, "msg", str(err))
        if line is None:  # old parsers only put the position in the message
            m = re.search(r"line (\d+), column (\d+)", str(err))
            line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
            what = re.sub(r"\s*\(at line.*\)$", "", what)
        raise WorkspaceFileError(
            f"{display}:{line}:{col}: {_friendly(what)}, then run the command again"
        ) from None


def _deepest(text: str) -> tuple[int, int]:
    """``(line, column)`` where brackets and braces outside strings and comments first
    reach their deepest nesting: where a too-deep value is."""
    depth = best = 0
    best_at = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "[{":
            depth += 1
            if depth > best:
                best, best_at = depth, i
        elif ch in "]}":
            depth = max(depth - 1, 0)
        elif ch == "#":
            end = text.find("\n", i)
            i = n if end == -1 else end
            continue
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            end = i + len(quote)
            while True:
                end = text.find(quote, end)
                if end == -1:
                    return _position(text, best_at)
                if ch == '"' and _escaped(text, end):
                    end += 1
                    continue
                break
            i = end + len(quote)
            continue
        i += 1
    return _position(text, best_at)


def load_toml(path: Path, *, display: str | None = None) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; returns the data and the text it came from."""
    shown = display or path.name
    text = read_text(path, display=shown)
    return parse_toml(text, display=shown), text


_COMMENT_OR_STRING = re.compile(r"[#\"']")


def find_comment(text: str) -> tuple[int, int] | None:
    """``(line, column)`` of the first ``#`` comment outside strings, or None.

    tomli-w writes no comments, so a rewrite would silently drop them; callers
    refuse instead.  A small scanner is enough: TOML strings (basic, literal, and
    their multi-line forms, with escaped quotes) are the only place a ``#`` is not
    a comment.  It jumps from quote to quote, so a large roster scans quickly.
    """
    if "#" not in text:
        return None
    i, n = 0, len(text)
    while True:
        m = _COMMENT_OR_STRING.search(text, i)
        if m is None:
            return None
        i = m.start()
        ch = text[i]
        if ch == "#":
            return _position(text, i)
        if text.startswith(ch * 3, i):
            quote = ch * 3
            end = i + 3
            while True:
                end = text.find(quote, end)
                if end == -1:
                    return None
                if ch == '"' and _escaped(text, end):
                    end += 1
                    continue
                break
            while end + 3 < n and text[end + 3] == ch:  # """a"""" ends one later
                end += 1
            i = end + 3
            continue
        line_end = text.find("\n", i)
        if line_end == -1:
            line_end = n
        end = i + 1
        while True:
            end = text.find(ch, end, line_end)
            if end == -1:  # not closed on its line (the parser refuses that): go on after it
                i = line_end
                break
            if ch == '"' and _escaped(text, end):
                end += 1
                continue
            i = end + 1
            break


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
    if path.is_symlink():  # replace the file the link points to, not the link
        path = path.resolve()
    refuse_special(path)
    folder = path.parent
    # os.replace needs only the folder to be writable: respect a file made read-only.
    if path.exists() and not os.access(path, os.W_OK):
        raise IOFailure(f"{path.name} is read-only; make it writable (chmod u+w {path.name}) "
                        "and run the command again")
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    import tempfile  # only a command that writes pays for it

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
        fsync_folder(folder)
    except OSError as err:
        raise IOFailure(
            f"could not write {path}: {err.strerror or err}; nothing was changed — "
            "check free disk space and permissions"
        ) from None
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def refuse_special(path: Path) -> None:
    """Refuse (exit 3) a target that exists and is not a regular file.

    Renaming a temp file over a FIFO, a device or a socket would replace it (as root,
    ``/dev/full`` itself) and leave whoever reads it waiting for ever.
    """
    kind = file_kind(path)
    if kind is not None:
        raise RefusedInput(
            f"{path} is {kind}, not a regular file; signon replaces only regular files — "
            "give another file name"
        )


def _stream_kind(path: Path) -> str | None:
    """"fifo" or "device" when ``path`` is a FIFO or a character device (a terminal,
    /dev/stdout when it is one, /dev/null): output is written straight into those."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode):
        return "device"
    return None


def is_stream(path: Path) -> bool:
    """Whether output to ``path`` goes straight into it (a FIFO or a character device)."""
    return _stream_kind(path) is not None


def is_terminal(path: Path) -> bool:
    """Whether ``path`` names a terminal (text for it must not carry escape sequences)."""
    if _stream_kind(path) != "device":
        return False
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)


def write_output(path: Path, data: str | bytes) -> None:
    """Write a file the user named (``-o``): a regular file atomically; a FIFO, a terminal
    or another character device by writing straight into it, never replacing it."""
    kind = _stream_kind(path)
    if kind is None:
        atomic_write(path, data)
        return
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        # Non-blocking open: a FIFO nobody reads from is refused instead of waited on.
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError as err:
        import errno

        if err.errno == errno.ENXIO:
            raise RefusedInput(
                f"nothing is reading from the FIFO {path}; start the reader first, "
                "or give a regular file name"
            ) from None
        raise IOFailure(f"cannot write {path}: {err.strerror}; check its permissions") from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(raw)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as err:
        raise IOFailure(f"could not write {path}: {err.strerror or err}") from None
    finally:
        os.close(fd)


def lock_path(path: Path) -> Path:
    """The lock file that guards ``path``: a hidden sibling, ``.NAME.lock``."""
    return path.with_name(f".{path.name}.lock")


# Locks this process holds, per (lock file, thread): a command that already holds
# the lock may take it again (nested helpers) without waiting for itself.
_HELD: dict[tuple[str, int], int] = {}


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the workspace's write lock for ``path`` (a sibling ``.lock`` file).

    Waits up to ``SIGNON_LOCK_TIMEOUT`` seconds (default 30) for another signon
    command to finish, then fails with exit 5.  POSIX ``flock`` is used directly
    (it is released by the kernel if a command dies, and costs nothing to import);
    elsewhere the ``filelock`` package does the same.
    """
    import threading

    lock_file = lock_path(path)
    key = (os.path.abspath(lock_file), threading.get_ident())
    if key in _HELD:
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    timeout = lock_timeout()
    release = _acquire(lock_file, path.name, timeout)
    _HELD[key] = 1
    try:
        yield
    finally:
        del _HELD[key]
        release()


def _timed_out(name: str, timeout: float) -> IOFailure:
    return IOFailure(
        f"another signon command has held the lock on {name} for {timeout:g} s; "
        "wait for it to finish (or raise SIGNON_LOCK_TIMEOUT) and run the command again"
    )


def _acquire(lock_file: Path, name: str, timeout: float) -> Any:
    """Take the lock; returns the function that releases it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return _acquire_filelock(lock_file, name, timeout)

    try:
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as err:
        raise IOFailure(
            f"cannot create the lock file {lock_file.name} beside {name}: {err.strerror}; "
            "check that the workspace folder is writable"
        ) from None
    try:
        flock_wait(fd, timeout=timeout, timed_out=lambda: _timed_out(name, timeout), name=name)
    except BaseException:
        os.close(fd)
        raise

    def release() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    return release


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (not every filesystem can fsync a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def flock_wait(fd: int, *, timeout: float, timed_out: Callable[[], IOFailure], name: str,
               required: bool = True) -> None:
    """Take an exclusive ``flock`` on ``fd``, waiting up to ``timeout`` seconds (forever
    when negative) with backoff; every signon lock is taken here.  ``required=False``:
    a filesystem without flock is accepted (the writes stay atomic)."""
    import fcntl
    import time

    deadline = time.monotonic() + max(timeout, 0.0)
    delay = 0.005
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if timeout >= 0 and time.monotonic() >= deadline:
                raise timed_out() from None
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
        except OSError as err:
            if not required:
                return
            raise IOFailure(f"cannot lock {name}: {err.strerror}; check permissions") from None


def _acquire_filelock(lock_file: Path, name: str, timeout: float) -> Any:  # pragma: no cover
    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_file), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise _timed_out(name, timeout) from None
    except OSError as err:
        raise IOFailure(f"cannot lock {name}: {err.strerror}; check permissions") from None
    return lock.release
