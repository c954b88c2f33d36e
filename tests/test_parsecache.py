"""The content-addressed parse cache: fast when it can be, never wrong, never in the way."""

from __future__ import annotations

import datetime as dt
import marshal
from pathlib import Path

import pytest

from signon import parsecache
from signon.fileio import parse_toml

BIG = "".join(f'[orgs.o{i}]\nname = "Organization {i}"\n\n' for i in range(2000))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.delenv("SIGNON_NO_CACHE", raising=False)
    monkeypatch.setenv("SIGNON_CACHE_DIR", str(folder))
    return folder


def test_second_parse_comes_from_the_cache(cache: Path) -> None:
    calls: list[str] = []

    def parse(text: str) -> dict[str, object]:
        calls.append(text)
        return parse_toml(text, display="orgs.toml")

    first = parsecache.cached_parse(BIG, parse)
    second = parsecache.cached_parse(BIG, parse)
    assert first == second
    assert second is not first  # callers may change what they get
    assert len(calls) == 1
    assert len(list(cache.glob("*.cache"))) == 1


def test_any_change_to_the_text_is_a_new_key(cache: Path) -> None:
    parse_toml(BIG, display="orgs.toml")
    changed = BIG.replace("Organization 7\"", "Organisation 7\"")
    assert parse_toml(changed, display="orgs.toml")["orgs"]["o7"]["name"] == "Organisation 7"
    assert len(list(cache.glob("*.cache"))) == 2


def test_small_files_and_no_cache_setting_skip_it(cache: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    parse_toml('[orgs.a]\nname = "A"\n', display="orgs.toml")
    assert not cache.exists()
    monkeypatch.setenv("SIGNON_NO_CACHE", "1")
    parse_toml(BIG, display="orgs.toml")
    assert not cache.exists()


def test_a_corrupt_cache_file_is_ignored(cache: Path) -> None:
    expected = parse_toml(BIG, display="orgs.toml")
    (path,) = cache.glob("*.cache")
    for garbage in (b"{not marshal", b"", b"\xff" * 64, marshal.dumps([1, 2])):
        path.write_bytes(garbage)
        assert parse_toml(BIG, display="orgs.toml") == expected
        assert marshal.loads(path.read_bytes()) == expected  # rewritten


def test_dates_are_not_cached_because_marshal_cannot_hold_them(cache: Path) -> None:
    text = BIG + "[meta]\nsince = 2011-11-24\n"
    data = parse_toml(text, display="orgs.toml")
    assert data["meta"]["since"] == dt.date(2011, 11, 24)
    assert not list(cache.glob("*.cache"))
    assert parse_toml(text, display="orgs.toml")["meta"]["since"] == dt.date(2011, 11, 24)


def test_unwritable_cache_folder_still_parses(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.delenv("SIGNON_NO_CACHE", raising=False)
    monkeypatch.setenv("SIGNON_CACHE_DIR", str(blocker / "sub"))
    assert len(parse_toml(BIG, display="orgs.toml")["orgs"]) == 2000


def test_parse_errors_are_reported_not_cached(cache: Path) -> None:
    from signon.errors import WorkspaceFileError

    with pytest.raises(WorkspaceFileError, match=r"orgs\.toml:\d+:\d+"):
        parse_toml(BIG + "[orgs.o1]\nname = 'again'\n", display="orgs.toml")
    assert not list(cache.glob("*.cache"))


def test_old_files_are_pruned(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsecache, "KEEP", 3)
    for n in range(6):
        parse_toml(BIG + f"[extra]\nn = {n}\n", display="orgs.toml")
    assert len(list(cache.glob("*.cache"))) == 3


def test_prime_makes_the_next_read_a_hit(cache: Path) -> None:
    data = parse_toml(BIG, display="orgs.toml")
    for path in cache.glob("*.cache"):
        path.unlink()
    parsecache.prime(BIG, data)

    def fail(text: str) -> dict[str, object]:
        raise AssertionError("parsed although primed")

    assert parsecache.cached_parse(BIG, fail) == data


def _version(n: int) -> str:
    return BIG + f"[extra]\nn = {n}\n"


def _file_of(cache: Path, text: str) -> Path:
    return parsecache._path(cache, text)


def test_the_folder_is_bounded_in_bytes(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parse_toml(_version(0), display="orgs.toml")
    size = _file_of(cache, _version(0)).stat().st_size
    # Room for two and a half files: whatever is written, never more than the bound.
    monkeypatch.setenv("SIGNON_CACHE_MAX_MB", str(size * 2.5 / 1024 / 1024))
    for n in range(1, 8):
        parse_toml(_version(n), display="orgs.toml")
        files = list(cache.glob("*.cache"))
        assert sum(p.stat().st_size for p in files) <= size * 2.5
        assert len(files) == min(n + 1, 2)
    assert {p.name for p in cache.glob("*.cache")} == {
        _file_of(cache, _version(6)).name, _file_of(cache, _version(7)).name}


def test_what_is_read_often_stays(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for n in range(3):
        parse_toml(_version(n), display="orgs.toml")
    size = _file_of(cache, _version(0)).stat().st_size
    for n in range(3):  # written long ago, version 0 first
        os.utime(_file_of(cache, _version(n)), (1_000_000 + n, 1_000_000 + n))

    def fail(text: str) -> dict[str, object]:
        raise AssertionError("parsed although cached")

    parsecache.cached_parse(_version(0), fail)  # the roster every command reads: a hit
    monkeypatch.setenv("SIGNON_CACHE_MAX_MB", str(size * 3.5 / 1024 / 1024))
    parse_toml(_version(3), display="orgs.toml")
    # Version 1 was the least recently used, not version 0, the oldest written.
    assert {p.name for p in cache.glob("*.cache")} == {
        _file_of(cache, _version(n)).name for n in (0, 2, 3)}
    assert parsecache.cached_parse(_version(0), fail)["extra"] == {"n": 0}


def test_a_file_larger_than_the_bound_is_not_cached(cache: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    parse_toml(_version(0), display="orgs.toml")
    monkeypatch.setenv("SIGNON_CACHE_MAX_MB", "0.01")  # 10 KB: smaller than BIG's data
    assert parse_toml(_version(1), display="orgs.toml")["extra"] == {"n": 1}
    assert [p.name for p in cache.glob("*.cache")] == [_file_of(cache, _version(0)).name]


@pytest.mark.parametrize("raw", ["lots", "nan", "-5", ""])
def test_a_size_setting_that_is_not_a_size_keeps_the_default(
        monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("SIGNON_CACHE_MAX_MB", raw)
    assert parsecache.max_bytes() == parsecache.MAX_BYTES


def test_claims_are_found_once_per_text_and_language(cache: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from signon import claim_scan, claims

    text = "We, more than 78 organizations and 12 individuals, call for their release."
    first = claims.find_claims(text, language="en", first_line=3)
    assert [(c.text, c.qualifier, c.rule, c.line) for c in first] == [
        ("more than 78 organizations", "more-than", "organizations", 3),
        ("12 individuals", "exact", "individuals", 3)]

    def fail(*args: object, **kwargs: object) -> list[claims.Claim]:
        raise AssertionError("found again")

    monkeypatch.setattr(claim_scan, "scan_claims", fail)
    assert claims.find_claims(text, language="en", first_line=3) == first
    # Another language, rule or first line is another question.
    with pytest.raises(AssertionError, match="found again"):
        claims.find_claims(text, language="fr", first_line=3)
    with pytest.raises(AssertionError, match="found again"):
        claims.find_claims(text, language="en", first_line=4)


def test_many_small_results_leave_the_roster_in_place(cache: Path) -> None:
    # A corpus run caches hundreds of small results; the roster read by every command
    # must not be pushed out by their number (only bytes bound the folder).
    parse_toml(BIG, display="orgs.toml")
    for n in range(300):
        parsecache.cached_result("small", f"text {n}", lambda: {"n": 1}, min_size=0)

    def fail(text: str) -> dict[str, object]:
        raise AssertionError("parsed although cached")

    assert len(parsecache.cached_parse(BIG, fail)["orgs"]) == 2000


def _mixed_roster() -> str:
    rows = []
    for i in range(1500):
        if i % 97 == 5:  # more than a name and a country: kept as its table
            rows.append(f'[orgs.o{i:04d}]\nname = "Org {i}"\ncountry = "Norway"\n'
                        f'aliases = ["O{i}"]\nacronym = "O{i}"\n')
        elif i % 89 == 3:
            rows.append(f'[orgs.o{i:04d}]\nname = "Без страны {i}"\n')
        elif i == 700:
            rows.append(f'[orgs.o{i:04d}]\nname = "Nul\\u0000 {i}"\ncountry = "Poland"\n')
        else:
            rows.append(f'[orgs.o{i:04d}]\nname = "Organizacja {i}"\ncountry = "Poland"\n')
    rows.append('[coalitions.c1]\nname = "House"\nmembers = ["o0001", "o0005"]\n')
    return 'retired_ids = ["gone"]\n\n' + "\n".join(rows) + '\n[redirects]\nold = "o0002"\n'


def _view(roster: object) -> list[object]:
    from signon.roster import Roster

    assert isinstance(roster, Roster)
    plain = [roster.entries.plain_organization(eid)  # type: ignore[attr-defined]
             for eid in list(roster.entries)[:120]]
    return [list(roster.entries), plain, [vars(e) for e in roster.entries.values()],
            roster.retired, roster.redirects, roster.extra]


def test_a_roster_read_as_pairs_is_the_roster_parsed(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from signon import roster as roster_module
    from signon.roster import read_roster

    path = tmp_path / "orgs.toml"
    path.write_text(_mixed_roster(), encoding="utf-8")
    first, _ = read_roster(path)  # parsed, checked, then stored as pairs
    parse = roster_module._parse

    def fail(*args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(roster_module, "_parse", fail)
    again, _ = read_roster(path)
    monkeypatch.setattr(roster_module, "_parse", parse)
    monkeypatch.setenv("SIGNON_NO_CACHE", "1")
    parsed, _ = read_roster(path)
    assert _view(again) == _view(first) == _view(parsed)
    assert again.entries["o0700"].name == "Nul\0 700"
    assert again.entries["o0003"].country == ""
    assert again.entries["o0005"].aliases == ["O5"]
    assert again.expand("c1") == parsed.expand("c1")
