"""The fast roster writer must be byte-identical to tomli-w, which defines the layout."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signon.tomlwrite import dumps_roster

texts = st.text(max_size=30)
keys = st.one_of(st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True), texts)
tables = st.dictionaries(
    st.sampled_from(["name", "country", "aliases", "members", "counts", "names", "notes",
                     "odd key", "rank"]),
    st.one_of(texts, st.lists(texts, max_size=3), st.booleans(),
              st.dictionaries(st.sampled_from(["be", "ru", "pl"]), texts, max_size=2),
              st.integers()),
    max_size=6,
)
documents = st.fixed_dictionaries(
    {"orgs": st.dictionaries(keys, tables, max_size=5),
     "coalitions": st.dictionaries(keys, tables, max_size=3)},
    optional={"retired_ids": st.lists(keys, max_size=3)},
)


@pytest.mark.heavy
@given(documents)
@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
def test_identical_to_tomli_w(document: dict[str, object]) -> None:
    assert dumps_roster(document) == tomli_w.dumps(document)


def test_identical_on_the_example_roster() -> None:
    import tomllib

    roster = Path(__file__).resolve().parent.parent / "orgs.toml"
    if roster.exists():
        data = tomllib.loads(roster.read_text(encoding="utf-8"))
        assert dumps_roster(data) == tomli_w.dumps(data)


def test_escapes_like_tomli_w() -> None:
    doc = {"orgs": {"a": {"name": 'Quote " back\\slash \x07 tab\t nl\n', "aliases": ["x\u007f"]}}}
    assert dumps_roster(doc) == tomli_w.dumps(doc)


rows = st.lists(
    st.dictionaries(st.sampled_from(["id", "date", "signer", "withdrawn", "name", "n", "ok"]),
                    st.one_of(texts, st.integers(), st.booleans()), min_size=1, max_size=4),
    max_size=4,
)
records = st.dictionaries(
    st.sampled_from(["signatures", "individuals", "exports", "title", "misc"]),
    st.one_of(rows, texts, st.lists(st.fixed_dictionaries(
        {"at": texts, "counts": st.dictionaries(texts, st.integers(), max_size=2),
         "formats": st.lists(texts, max_size=2)}), max_size=2),
        st.dictionaries(keys, texts, max_size=2)),
    max_size=5,
)


@given(records)
@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
def test_record_writer_identical_to_tomli_w(document: dict[str, object]) -> None:
    from signon.tomlwrite import dumps_document

    assert dumps_document(document) == tomli_w.dumps(document)


def test_record_writer_on_long_rows() -> None:
    from signon.tomlwrite import dumps_document

    long_row = {"id": "x" * 90, "date": "2024-01-01"}
    doc = {"signatures": [{"id": "a", "date": "2024-01-01"}, long_row]}
    assert dumps_document(doc) == tomli_w.dumps(doc)


scalars = st.one_of(texts, st.integers(), st.booleans(),
                    st.floats(allow_nan=False, allow_infinity=False), st.dates())
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(keys, inner, max_size=3)),
    max_leaves=12,
)


@pytest.mark.heavy
@given(st.dictionaries(keys, values, max_size=5))
@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow])
def test_any_document_identical_to_tomli_w(document: dict[str, object]) -> None:
    from signon.tomlwrite import dumps

    assert dumps(document) == tomli_w.dumps(document)


# -- splicing: a roster rewritten entry by entry equals the full rewrite ------------------

def _sorted_sections(doc: dict[str, object]) -> dict[str, object]:
    out = {k: v for k, v in doc.items() if k not in ("orgs", "coalitions")}
    for section in ("orgs", "coalitions"):
        out[section] = dict(sorted(doc[section].items()))  # type: ignore[attr-defined]
    return out


changes = st.lists(st.tuples(st.sampled_from(["add", "remove", "change"]),
                             st.sampled_from(["orgs", "coalitions"]), keys, tables),
                   max_size=4)


@given(documents, changes)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_spliced_roster_identical_to_a_full_rewrite(doc: dict[str, object],
                                                    edits: list[tuple[str, str, str,
                                                                      dict[str, object]]]
                                                    ) -> None:
    import copy

    from signon.tomlwrite import splice_roster

    old = _sorted_sections(doc)
    text = dumps_roster(old)
    new = copy.deepcopy(old)
    for action, section, eid, table in edits:
        entries = new[section]
        assert isinstance(entries, dict)
        if action == "add":
            entries[eid] = table
        elif entries:
            victim = sorted(entries)[len(eid) % len(entries)]
            if action == "remove":
                del entries[victim]
            else:
                entries[victim] = table
    new = _sorted_sections(new)
    spliced = splice_roster(text, old, new)
    if spliced is not None:
        assert spliced == dumps_roster(new) == tomli_w.dumps(new)


def test_adding_one_entry_is_spliced() -> None:
    from signon.tomlwrite import splice_roster

    old = {"retired_ids": ["gone"],
           "orgs": {f"o{i:02d}": {"name": f"Org {i}", "aliases": ["A", "B"]} for i in range(9)},
           "coalitions": {"c": {"name": "C", "members": ["o01"]}}}
    text = dumps_roster(old)
    for eid in ("a", "o045", "z"):
        new = _sorted_sections({**old, "orgs": {**old["orgs"], eid: {"name": "New"}}})
        assert splice_roster(text, old, new) == dumps_roster(new)
    new = _sorted_sections({**old, "coalitions": {**old["coalitions"], "d": {"name": "D"}}})
    assert splice_roster(text, old, new) == dumps_roster(new)
    bare = {"orgs": old["orgs"], "coalitions": {}}
    new = _sorted_sections({**bare, "orgs": {**bare["orgs"], "zz": {"name": "Last"}}})
    assert splice_roster(dumps_roster(bare), bare, new) == dumps_roster(new)
