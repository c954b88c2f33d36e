"""A content-addressed cache of parsed TOML, so large rosters parse once per version.

Even compiled, tomli takes ~0.09 s for a 10,000-organization roster, and every
command reads the roster; ``marshal.loads`` of the same data takes ~0.008 s.  The
cache is keyed by a hash of the file's exact text, so it can never be stale: an
edited file has another key.  It lives in the user's cache folder, never in the
workspace (nothing to commit or ignore), holds plain data in marshal's format
(dicts, lists, text, numbers: nothing loaded is ever run), and
is skipped silently wherever it cannot be read or written.  ``SIGNON_NO_CACHE=1``
turns it off.

The folder is bounded in bytes (:data:`MAX_BYTES`, ``SIGNON_CACHE_MAX_MB`` to
change) and in files (:data:`KEEP`).  Past either, the files least recently
*used* go first: a hit sets the file's modification time to now (access times
are not kept on most mounts, ``noatime``/``relatime``), so the roster read by
every command stays while old versions of letters' records leave.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # hashlib loads OpenSSL's bindings (~4 ms a process) only to hand out this same blake2b
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - an interpreter built without its own BLAKE2
    from hashlib import blake2b as blake2b

MIN_SIZE = 32 * 1024  # below this, parsing is faster than hashing and reading a cache file
# Cache files kept; the least recently used go first.  Bytes are the real bound: at 32
# files, a run of small results (a corpus's claims) pushed out the roster that every
# command reads, and the next command parsed it again (~0.1 s on 10,000 entries).
KEEP = 2000
MAX_BYTES = 256 * 1024 * 1024  # the folder's size bound (a 50 MB roster caches in ~45 MB)
_FORMAT = "signon-toml-cache-3"


# Plain data (dicts, lists, text, numbers) in marshal's format: loaded ~1.7x and written
# ~5x faster than JSON (a 10,000-entry roster: 7 ms against 12 to read, 7 against 37 to
# write, which every add-org does).  Its format changes with Python versions, so the
# version is part of every key; nothing loaded is ever run, only read as data.
SUFFIX = ".cache"
_FORMAT_VERSION = f"marshal{marshal.version}-py{sys.version_info[0]}.{sys.version_info[1]}"


def _load(path: Path) -> Any:
    return marshal.loads(path.read_bytes())


def cache_dir() -> Path | None:
    if os.environ.get("SIGNON_NO_CACHE"):
        return None
    explicit = os.environ.get("SIGNON_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "signon"


# The last texts hashed, by identity: a command hashes the roster's text for its parse,
# its validation and its duplicate pairs, and 9 MB (100,000 organizations) take ~30 ms
# each time.  The text itself is held, so its id() cannot be reused by another string.
_DIGESTS: dict[int, tuple[str, bytes]] = {}


def text_digest(text: str) -> bytes:
    """A digest of ``text``'s exact content (computed once per text object)."""
    known = _DIGESTS.get(id(text))
    if known is not None and known[0] is text:
        return known[1]
    digest = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()
    if len(_DIGESTS) >= 4:
        _DIGESTS.clear()
    _DIGESTS[id(text)] = (text, digest)
    return digest


def _path(folder: Path, text: str, kind: str = "") -> Path:
    # Keyed by the text's digest, never by a concatenation: copying a large text to
    # prefix it cost as much as hashing it.
    digest = blake2b(f"{_FORMAT}\0{_FORMAT_VERSION}\0{kind}\0".encode()
                             + text_digest(text),
                             digest_size=20).hexdigest()
    return folder / f"{digest}{SUFFIX}"


def cached_parse(text: str, parse: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """``parse(text)``, answered from the cache when the same text was parsed before."""
    folder = cache_dir() if len(text) >= MIN_SIZE else None
    if folder is None:
        return parse(text)
    path = _path(folder, text)
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        data = _load(path)
        if isinstance(data, dict):
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: the last to be pruned
            return data
    data = parse(text)  # parse errors propagate before anything is cached
    _store(folder, path, data)
    return data


def cached_result(kind: str, text: str, compute: Callable[[], dict[str, Any]], *,
                  min_size: int = MIN_SIZE) -> dict[str, Any]:
    """``compute()``, a result derived from ``text`` alone, answered from the same cache
    when it was computed before for that exact text and ``kind`` (which should name the
    code that computes it, so that new code never reads an old result).  ``min_size``:
    shorter texts are computed, not cached (for a result that is cheap to compute)."""
    folder = cache_dir() if len(text) >= min_size else None
    if folder is None:
        return compute()
    path = _path(folder, text, kind)
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        data = _load(path)
        if isinstance(data, dict) and data.get("kind") == kind:
            with contextlib.suppress(OSError):
                os.utime(path)
            return data
    data = {**compute(), "kind": kind}
    _store(folder, path, data)
    return data


@functools.cache
def code_version(*files: str) -> str:
    """A digest of the source ``files``: the kind of a result they compute (see
    :func:`cached_result`), so that changed code never reads an old result."""
    digest = blake2b(digest_size=12)
    for name in files:
        digest.update(Path(name).read_bytes())
    return digest.hexdigest()


def prime_result(kind: str, text: str, data: dict[str, Any], *,
                 min_size: int = MIN_SIZE) -> None:
    """Record that :func:`cached_result` of ``kind`` for ``text`` is ``data``."""
    folder = cache_dir() if len(text) >= min_size else None
    if folder is not None:
        _store(folder, _path(folder, text, kind), {**data, "kind": kind})


def prime(text: str, data: dict[str, Any]) -> None:
    """Record that ``text`` parses to ``data`` (signon just wrote it), so the next read is fast."""
    folder = cache_dir() if len(text) >= MIN_SIZE else None
    if folder is not None:
        _store(folder, _path(folder, text), data)


def max_bytes() -> int:
    raw = os.environ.get("SIGNON_CACHE_MAX_MB", "").strip()
    try:
        value = float(raw) if raw else None
    except ValueError:
        value = None
    if value is None or not 0 <= value < 1e9:  # not a size: the cache is an optimization only
        return MAX_BYTES
    return int(value * 1024 * 1024)


def _store(folder: Path, path: Path, data: dict[str, Any]) -> None:
    try:
        payload = marshal.dumps(data)
    except (TypeError, ValueError, RecursionError):
        return  # dates and times written by hand: marshal holds plain data only
    limit = max_bytes()
    if len(payload) > limit:
        return  # would push out everything else and still not fit
    import tempfile  # only a command that stores a result pays for it

    tmp = ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
        tmp = ""
        prune(folder, limit)
    except OSError:
        pass
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def prune(folder: Path, limit: int) -> None:
    """Delete the least recently used cache files until at most :data:`KEEP` files and
    ``limit`` bytes are left."""
    entries = []
    with contextlib.suppress(OSError), os.scandir(folder) as found:
        for item in found:
            if item.name.endswith(SUFFIX):
                with contextlib.suppress(OSError):  # another process may prune it now
                    st = item.stat()
                    entries.append((st.st_mtime_ns, st.st_size, Path(item.path)))
    entries.sort(key=lambda e: e[0], reverse=True)  # most recently used first
    total = 0
    for n, (_, size, entry) in enumerate(entries):
        total += size
        if n >= KEEP or total > limit:
            entry.unlink(missing_ok=True)
            total -= size
