#!/usr/bin/env python3
"""Build the example workspace: ``orgs.toml`` and ``letters/bialiatski-2011/``.

The example reproduces the signatory list of the joint letter of 24 November
2011 calling for the release of Ales Bialiatski (../shared/examples/
bialiatski-2011.txt): 80 organizations in 46 entries, 87 names printed.  The
names, countries and groupings below are facts taken from that letter; the
letter's wording is our own.  Two repairs of the published page are made on
purpose:

* "Human Rights House Tbilisi" is its own coalition with its three members
  (the page printed its heading as a bullet of Human Rights House Sarajevo);
* the member listed under its Polish name, "Helsińska Fundacja Praw
  Człowieka", is kept as published, while the coalition "Helsinki Foundation
  for Human Rights" carries that Polish name as an alias, so that
  ``signon check`` warns of the possible duplicate.

Everything is made through the signon command line (``init``, ``add-org``,
``add-coalition``, ``new-letter``, ``sign``), in one process by default or one
process per command with ``--subprocess``.  Only ``letter.md``, which people
write and signon never rewrites, is written here directly.  The result is
deterministic: running it twice gives byte-identical files.

    uv run python scripts/build_example.py              # refuses if orgs.toml exists
    uv run python scripts/build_example.py --rebuild    # rebuild it from scratch
    uv run python scripts/build_example.py --workspace /tmp/ws
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SLUG = "bialiatski-2011"
DATE = "2011-11-24"
TITLE = "Call for immediate release and rehabilitation of Ales Bialiatski"
HEADING = "on behalf of the following NGOs"


@dataclass(frozen=True)
class Org:
    id: str
    name: str
    country: str
    city: str = ""
    acronym: str = ""
    aliases: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Coalition:
    id: str
    name: str
    country: str
    members: tuple[Org, ...]
    aliases: tuple[str, ...] = ()
    note: str = ""
    heading: str = HEADING


def _in(country: str) -> Callable[..., Org]:
    """Members of a coalition share its country: ``AZ("id", "Name")``."""

    def make(eid: str, name: str, **kw: str) -> Org:
        return Org(eid, name, country, **kw)

    return make


AZ = _in("Azerbaijan")
NO = _in("Norway")
PL = _in("Poland")
BA = _in("Bosnia and Herzegovina")
GE = _in("Georgia")
RU = _in("Russian Federation")
HR = _in("Croatia")

# The list in the order the letter printed it: organizations and coalitions
# signing at the top level, each coalition with its members.
LIST: tuple[Org | Coalition, ...] = (
    Org(
        "belarusian-hrh-vilnius",
        "Belarusian Human Rights House in exile in Vilnius, Lithuania",
        "Lithuania",
        city="Vilnius",
    ),
    Org("baj", "Belarusian Association of Journalists", "Belarus"),
    Org("belarusian-helsinki-committee", "Belarusian Helsinki Committee", "Belarus"),
    Coalition(
        "hrh-baku",
        "Human Rights House Baku",
        "Azerbaijan",
        (
            AZ(
                "apwr",
                "Association for the Protection of Women’s Rights after D. Aliyeva (APWR)",
                acronym="APWR",
            ),
            AZ("ahrc", "Human Rights Centre of Azerbaijan (AHRC)", acronym="AHRC"),
            AZ("irfs", "Institute for Reporters’ Freedom and Safety (IRFS)", acronym="IRFS"),
            AZ("legal-education-society", "Legal Education Society"),
            AZ("society-for-humanitarian-research", "Society for Humanitarian Research"),
            AZ("ward", "Women’s Association for Rational Development (WARD)", acronym="WARD"),
        ),
    ),
    Coalition(
        "hrh-oslo",
        "Human Rights House Oslo",
        "Norway",
        (
            NO("fian-norway", "FIAN Norway"),
            NO("health-and-human-rights-info", "Health and Human Rights Info"),
            NO("hrhf", "Human Rights House Foundation"),
            NO("norwegian-burma-committee", "Norwegian Burma Committee"),
            NO("norwegian-helsinki-committee", "Norwegian Helsinki Committee"),
            NO("voice-of-tibet", "Voice of Tibet"),
        ),
    ),
    Org("rafto-foundation", "The Rafto Foundation", "Norway"),
    Coalition(
        "hfhr",
        "Helsinki Foundation for Human Rights",
        "Poland",
        (
            PL("grupa-horyzont", "Grupa Horyzont"),
            PL("komitet-helsinski", "Komitet Helsiński"),
            PL("polis", 'Stowarzyszenie Młodych Dziennikarzy "Polis"'),
            PL(
                "helsinska-fundacja-praw-czlowieka",
                "Helsińska Fundacja Praw Człowieka",
                note="Listed under its Polish name as published, beside the coalition "
                "Helsinki Foundation for Human Rights (hfhr), which carries this name as "
                "an alias: probably the same organization.",
            ),
        ),
        aliases=("Helsińska Fundacja Praw Człowieka",),
    ),
    Coalition(
        "hrh-sarajevo",
        "Human Rights House Sarajevo",
        "Bosnia and Herzegovina",
        (
            BA("renaissance", 'Association of Female Citizens "Renaissance"'),
            BA("foundation-cure", "Foundation CURE"),
            BA(
                "helsinki-committee-bih",
                "Helsinki Committee for Human Rights in Bosnia and Herzegovina",
            ),
            BA("regional-coordinator-youth-groups", "Regional Co-ordinator for Youth Groups"),
            BA(
                "serb-civic-council",
                "Serb Civic Council – Movement for Equality – The Council of the Sarajevo Canton",
            ),
            BA("woman-and-society-centre", "Woman and Society Centre"),
        ),
    ),
    Coalition(
        "hrh-tbilisi",
        "Human Rights House Tbilisi",
        "Georgia",
        (
            GE("article-42", "Article 42 of the Constitution"),
            GE(
                "gcrt",
                "The Georgian Centre for Psychosocial and Medical Rehabilitation of Torture "
                "Victims (GCRT)",
                acronym="GCRT",
            ),
            GE("hridc", "The Human Rights Centre (HRIDC)", acronym="HRIDC"),
        ),
        note="The published letter printed this heading as a bullet of Human Rights House "
        "Sarajevo; it signs as a coalition of its own.",
    ),
    Coalition(
        "rrchr",
        "Russian Research Center for Human Rights",
        "Russian Federation",
        (
            RU("human-rights-network-group", "Human Rights Network Group"),
            RU("ipa-russia", "Independent Psychiatric Association of Russia"),
            RU("moscow-centre-prison-reform", "Moscow Centre for Prison Reform"),
            RU("moscow-helsinki-group", "Moscow Helsinki Group"),
            RU("mothers-right-foundation", "Mother’s Right Foundation"),
            RU("non-violence-international", "Non-violence International"),
            RU("right-of-the-child", "Right of the Child"),
            RU("right-to-live", "Right to Live and have Civil Dignity"),
            RU("social-partnership-foundation", "Social Partnership Foundation"),
            RU("soldiers-mothers-russia", "Union of the Committees of Soldiers’ Mothers of Russia"),
        ),
    ),
    Coalition(
        "hrh-zagreb",
        "Human Rights House Zagreb",
        "Croatia",
        (
            HR(
                "apeo-upim",
                "APEO/UPIM – Association for Promotion of Equal Opportunities for People "
                "with Disabilities",
            ),
            HR("babe", "B.a.B.e."),
            HR("cms", "CMS – Centre for Peace Studies"),
            HR("documenta", "Documenta – Centre for Dealing with the Past"),
            HR("goljp", "GOLJP – Civic Committee for Human Rights"),
            HR("svitanje", "Svitanje – Association for Protection and Promotion of Mental Health"),
        ),
    ),
    Org("armenian-helsinki-association", "Armenian Helsinki Association", "Armenia"),
    Org("hca-vanadzor", "Helsinki Citizens’ Assembly Vanadzor", "Armenia"),
    Org("youth-human-rights-movement", "Youth Human Rights Movement", "Russian Federation"),
    Org("ukrainian-helsinki-union", "Ukrainian Helsinki Human Rights Union", "Ukraine"),
    Org("ngo-mart", "NGO M’ART", "Ukraine"),
    Org("sim-centre", 'Центр правовых и политических исследований "СІМ"', "Ukraine"),
    Org(
        "crimean-institution-civil-society",
        "Crimean republican NGO Institution for Civil Society",
        "Ukraine",
    ),
    Org("vinnytsya-human-rights-group", "Vinnytsya Human Rights Group", "Ukraine"),
    Org("flora", 'Children’s ecological public organization "Flora"', "Ukraine"),
    Org("territory-of-success", 'Public organization "Territory of success"', "Ukraine"),
    Org("crimean-hrc-action", 'Crimean Human Rights Center "Action"', "Ukraine"),
    Org(
        "information-center-human-rights",
        "Information Center for Human Rights",
        "Ukraine",
        city="Kyiv",
    ),
    Org("postup", 'Human Rights Centre "Postup"', "Ukraine", city="Lugansk"),
    Org("krivoy-rog-human-rights-society", "The Krivoy Rog city Human Rights Society", "Ukraine"),
    Org(
        "foundation-regional-initiatives",
        'All-Ukrainian Youth NGO "Foundation of Regional Initiatives"',
        "Ukraine",
    ),
    Org(
        "legal-technologies-foundation", "Foundation for Legal Technologies Development", "Ukraine"
    ),
    Org("kherson-foundation", "Kherson regional charity and health Foundation", "Ukraine"),
    Org("pylyp-orlyk-institute", "Pylyp Orlyk Institute for Democracy", "Ukraine"),
    Org("ukrainian-women-bar-association", "Ukrainian Women Bar Association", "Ukraine"),
    Org("article-19", "Article 19", "United Kingdom"),
    Org("cddhr", "Center for the Development of Democracy and Human Rights", "Russian Federation"),
    Org("civic-belarus", "Civic Belarus", "Czech Republic"),
    Org("civicus", "CIVICUS: World Alliance for Citizen Participation", "South Africa"),
    Org("civil-rights-defenders", "Civil Rights Defenders", "Sweden"),
    Org("danish-helsinki-committee", "Danish Helsinki Committee for Human Rights", "Denmark"),
    Org("danish-institute-human-rights", "Danish Institute for Human Rights", "Denmark"),
    Org("european-exchange", "European Exchange", "Germany"),
    Org("human-rights-club", "Human Rights Club", "Azerbaijan"),
    Org("index-on-censorship", "Index on Censorship", "United Kingdom"),
    Org("iphr", "International Partnership for Human Rights (IPHR)", "Belgium", acronym="IPHR"),
    Org("legal-transformation-center", "Legal Transformation Center", "Belarus"),
    Org("libereco", "LIbereco – Partnership for Human Rights", "Germany"),
    Org("interaction-moldova", 'Non-governmental organization "Interaction"', "Moldova"),
    Org(
        "ostgruppen", "Östgruppen – the Swedish Initiative for Democracy and Human Rights", "Sweden"
    ),
    Org("people-in-need", "People in Need", "Czech Republic"),
)

LETTER = f'''\
+++
title = "{TITLE}"
date = {DATE}
language = "en"
recipients = ["The authorities of the Republic of Belarus"]
count = "organizations"
order = "signed"
show_countries = true
+++

{{{{ count }}}} human rights organizations, many of them members and partners of the
Human Rights House Network, condemn the verdict against Ales Bialiatski and
call on the Belarusian authorities to set him free without delay, to drop the
case against him and to restore his good name.

On 24 November 2011 the Pershamaiski District Court of Minsk found Ales
Bialiatski guilty of tax evasion and sentenced him to 4.5 years of
imprisonment with confiscation of his property. He had been held in custody
since his arrest on 4 August 2011.

Ales Bialiatski chairs Human Rights Centre “Viasna” and is Vice-President of
the International Federation for Human Rights (FIDH). For many years he has
documented abuses in Belarus and stood by the people who suffered them. We are
convinced that he is being punished for this work, and that the charges serve
to silence one of the country's most respected human rights defenders.

We urge the authorities of Belarus to:

- release Ales Bialiatski immediately and unconditionally;
- quash the verdict, return his property and rehabilitate him in full;
- end the harassment of human rights defenders and let them do their work
  without fear of reprisal.

Signed:

{{{{ signatories }}}}
'''


# ------------------------------------------------------------------ running signon


class Signon:
    """Runs ``signon ARGS`` in this process (default) or as a child process."""

    def __init__(self, *, subprocess_mode: bool, verbose: bool) -> None:
        self.subprocess_mode = subprocess_mode
        self.verbose = verbose
        self.calls = 0

    def __call__(self, *args: str) -> None:
        self.calls += 1
        if self.verbose:
            print("signon " + " ".join(args), file=sys.stderr)
        if self.subprocess_mode:
            proc = subprocess.run(
                [sys.executable, "-m", "signon", *args],
                capture_output=True,
                text=True,
                encoding="utf-8",
            )
            code, out, err = proc.returncode, proc.stdout, proc.stderr
        else:
            code, out, err = self._in_process(args)
        if self.verbose and out:
            sys.stderr.write(out)
        if code:
            sys.exit(f"build_example: `signon {' '.join(args)}` failed (exit {code}):\n{err}")

    @staticmethod
    @functools.cache
    def _command() -> Any:
        # Typer rebuilds the click tree from every command's type hints on each call
        # (~0.1 s): built once, the 90 commands of a build take ~1 s, not ~6 s.
        import typer.main

        from signon.cli import app

        return typer.main.get_command(app)

    @classmethod
    def _in_process(cls, args: tuple[str, ...]) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = cls._command().main(
                    args=list(args), prog_name="signon", standalone_mode=False
                )
            except Exception as exc:  # a usage error: click raises it when not standalone
                return 2, out.getvalue(), f"{err.getvalue()}{exc}\n"
        return (rc if isinstance(rc, int) else 0), out.getvalue(), err.getvalue()


def build(workspace: Path, signon: Signon) -> None:
    ws = ["--workspace", str(workspace)]
    signon("init", str(workspace))
    for item in LIST:
        for org in item.members if isinstance(item, Coalition) else (item,):
            args = [*ws, "add-org", org.name, "--id", org.id, "--country", org.country]
            for option, value in (
                ("--city", org.city),
                ("--acronym", org.acronym),
                ("--note", org.note),
            ):
                if value:
                    args += [option, value]
            for alias in org.aliases:
                args += ["--alias", alias]
            signon(*args)
        if isinstance(item, Coalition):
            args = [
                *ws,
                "add-coalition",
                item.name,
                "--id",
                item.id,
                "--country",
                item.country,
                "--heading",
                item.heading,
            ]
            for member in item.members:
                args += ["--member", member.id]
            for alias in item.aliases:
                args += ["--alias", alias]
            if item.note:
                args += ["--note", item.note]
            if item.aliases:
                # The alias is on purpose the name of a listed member (the seed's duplicate).
                args.append("--force")
            signon(*args)
    signon(*ws, "new-letter", SLUG, "--title", TITLE, "--date", DATE, "--language", "en")
    (workspace / "letters" / SLUG / "letter.md").write_text(LETTER, encoding="utf-8", newline="\n")
    signon(*ws, "sign", SLUG, *(item.id for item in LIST), "--date", DATE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--workspace",
        type=Path,
        default=ROOT,
        help="folder to build the workspace in (default: the repository root)",
    )
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help=f"delete orgs.toml and letters/{SLUG}/ first and build from scratch",
    )
    parser.add_argument(
        "--subprocess",
        action="store_true",
        help="run each signon command as its own process (slower)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="print each signon command and its output"
    )
    opts = parser.parse_args(argv)
    workspace: Path = opts.workspace.resolve()
    roster = workspace / "orgs.toml"
    letter = workspace / "letters" / SLUG
    if roster.exists() or letter.exists():
        if not opts.rebuild:
            print(
                f"build_example: {roster if roster.exists() else letter} already exists; "
                "pass --rebuild to delete the example and build it again from scratch",
                file=sys.stderr,
            )
            return 1
        roster.unlink(missing_ok=True)
        shutil.rmtree(letter, ignore_errors=True)
    signon = Signon(subprocess_mode=opts.subprocess, verbose=opts.verbose)
    build(workspace, signon)
    orgs = sum(len(i.members) if isinstance(i, Coalition) else 1 for i in LIST)
    print(
        f"built {workspace}: {orgs} organizations in {len(LIST)} entries, letter {SLUG} "
        f"({signon.calls} signon commands)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
