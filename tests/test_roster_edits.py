"""Roster changes through the front door (Workspace): what each returns, what each refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from signon.errors import RefusedInput
from signon.workspace import Workspace, find_workspace


@pytest.fixture
def ws(small_letter: Path) -> Workspace:
    return find_workspace(small_letter)


def test_add_org_returns_the_entry_and_what_it_looks_like(ws: Workspace) -> None:
    added = ws.add_org("Alpha Rigths", country="Norway")
    assert added.entry.id == "alpha-rigths" and "alpha-rigths" in ws.roster()
    assert [(m.entry.id, m.likeness.reason) for m in added.resemblances] == [
        ("a", "typo: 1 letter")]
    with pytest.raises(RefusedInput) as refused:
        ws.add_org("ALPHA  rights", country="Norway")
    assert refused.value.override == "force"
    assert "alpha-rights-2" not in ws.roster()


def test_add_coalition_takes_members_by_name_and_acronym(ws: Workspace) -> None:
    ws.edit_org("b", acronym="BW")
    added = ws.add_coalition("Omega Network", members=["Alpha Rights", "BW"], eid="omega")
    assert added.entry.members == ["a", "b"]
    assert ws.add_members("Omega Network", "Gamma Centre") == ("omega", ["c"])
    assert ws.add_members("omega", ["c"]) == ("omega", [])
    assert ws.remove_members("omega", ["a", "c"]) == ("omega", ["a", "c"])
    assert ws.roster().entries["omega"].members == ["b"]


def test_edit_org_changes_fields_lists_and_names_in_languages(ws: Workspace) -> None:
    done = ws.edit_org("Alpha Rights", country="Sweden", add_aliases=["Alfa Prawa"],
                       add_tags=["core"], names={"be": "Альфа"})
    assert done.changed == ["country", "aliases", "tags", "names"]
    entry = ws.roster().entries["a"]
    assert (entry.country, entry.aliases, entry.tags, entry.names) == (
        "Sweden", ["Alfa Prawa"], ["core"], {"be": "Альфа"})
    again = ws.edit_org("a", remove_aliases=["alfa prawa"], names={"be": ""}, country="Sweden")
    assert again.changed == ["aliases", "names"]
    with pytest.raises(RefusedInput, match="'a' has no alias 'Nope' to drop; its aliases are: "
                                           "none"):
        ws.edit_org("a", remove_aliases=["Nope"])
    with pytest.raises(RefusedInput, match="'a' has no name in 'pl' to drop"):
        ws.edit_org("a", names={"pl": ""})
    with pytest.raises(RefusedInput, match="is not a language code"):
        ws.edit_org("a", names={"Polish!": "x"})


def test_edit_org_refuses_a_new_name_that_is_another_entrys(ws: Workspace) -> None:
    before = ws.roster_path.read_bytes()
    with pytest.raises(RefusedInput) as refused:
        ws.edit_org("a", name="Beta  WATCH", country="Poland")
    assert refused.value.override == "force"
    assert ws.roster_path.read_bytes() == before
    # In another country: a national section, a warning only.
    other = ws.edit_org("a", name="Beta  WATCH")
    assert [(m.entry.id, m.likeness.kind) for m in other.resemblances] == [("b", "similar")]


def test_edit_org_with_a_new_id_moves_every_reference(ws: Workspace) -> None:
    done = ws.edit_org("k", new_id="kappa")
    assert done.renamed is not None and (done.renamed.keep, done.renamed.merged) == (
        "kappa", ["k"])
    roster = ws.roster()
    assert "k" not in roster.entries and roster.follow("k") == "kappa"
    assert [s.id for s in ws.letter("demo").record.signatures] == ["a", "b", "kappa"]


def test_remove_org_is_refused_while_referenced(ws: Workspace) -> None:
    with pytest.raises(RefusedInput, match="'c' is a member of coalition k") as refused:
        ws.remove_org("Gamma Centre")
    assert [(r.operation, r.args) for r in refused.value.remedies] == [
        ("remove-members", ("k", "c"))]
    with pytest.raises(RefusedInput, match="named in the signatures of letter demo"):
        ws.remove_org("a")
    added = ws.add_org("Zeta Group")
    assert ws.remove_org("Zeta Group").id == added.entry.id
    assert added.entry.id not in ws.roster()


def test_letters_signed_directly_and_through_a_coalition(ws: Workspace) -> None:
    assert ws.letters_signed("a") == [{"letter": "demo", "via": None, "date": "2024-03-02",
                                       "withdrawn": None, "unnamed": False}]
    assert ws.letters_signed("Gamma Centre") == [{"letter": "demo", "via": "k",
                                                  "date": "2024-03-02", "withdrawn": None,
                                                  "unnamed": False}]
    ws.withdraw("demo", "c", date="2024-04-01")
    [row] = ws.letters_signed("c")
    assert (row["via"], row["withdrawn"]) == ("k", "2024-04-01")
