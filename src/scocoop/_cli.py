"""The ``scocoop`` command: query the bundled data, or a dataset of your own, from the shell.

Data goes to standard output and messages to standard error.  Exit status:
0 on success, 1 when nothing matched a name or the data is invalid, 2 for a
usage error.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from scocoop._core.converter import CONVERTER
from scocoop._core.errors import DataError, ScocoopError, UnknownIdError, printable
from scocoop._core.render import text_table
from scocoop._countries.codes import CountryCodes, country_codes, country_name, to_country_code
from scocoop._dataset.dataset import Dataset
from scocoop._dataset.display import SUMMARY_COLUMNS, rows_of, summary
from scocoop._io.jsonfile import bundled_data_version, load
from scocoop._model.records import (
    Commitment,
    Instrument,
    Meeting,
    Official,
    commitment_order,
    instrument_order,
)
from scocoop._model.topics import topics
from scocoop._views.changes import changes
from scocoop._views.export import FORMATS, export
from scocoop._views.info import cite, dataset_info

__all__ = ["main"]

Row = dict[str, str]


def _emit(rows: Sequence[Row], records: Sequence[Any], fmt: str, columns: Sequence[str] = ()) -> str:
    """The answer in the chosen format; an empty answer keeps its CSV header, and a table says "0 results"."""
    if fmt == "json":
        return json.dumps(CONVERTER().unstructure(list(records)), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(CONVERTER().unstructure(r), ensure_ascii=False) + "\n" for r in records)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=list(rows[0]) if rows else list(columns), lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    if not rows:
        print("0 results", file=sys.stderr)
        return ""
    # A terminal gets a table that fits it; a pipe or file gets every character.
    width = sys.maxsize
    if sys.stdout.isatty():
        import shutil

        width = shutil.get_terminal_size().columns
    return text_table(rows, width)


def _meetings(ds: Dataset, args: argparse.Namespace) -> str:
    found = ds.find_meetings(
        country=args.country or None,
        status=args.status or None,
        organization=args.organization or None,
        topic=args.topic or None,
        start=args.date_from or None,
        end=args.date_to or None,
    )
    return _emit([summary(m) for m in found], found, args.format, SUMMARY_COLUMNS[Meeting])


def _initiatives(ds: Dataset, args: argparse.Namespace) -> str:
    found: Sequence[Commitment]
    found = ds.initiatives_on(args.topic) if args.topic else sorted(ds.commitments, key=commitment_order)
    if args.country:
        code = to_country_code(args.country)
        found = [c for c in found if code in c.parties]
    return _emit([summary(c) for c in found], found, args.format, SUMMARY_COLUMNS[Commitment])


def _instruments(ds: Dataset, args: argparse.Namespace) -> str:
    found: Sequence[Instrument]
    if args.in_force_for:
        found = ds.instruments_in_force(args.in_force_for, on=args.on, topic=args.topic)
    elif args.topic:
        found = ds.instruments_on(args.topic)
    else:
        found = sorted(ds.instruments, key=instrument_order)
    if args.organization:
        bodies = set(ds.bodies_of(args.organization))
        found = [i for i in found if i.organization in bodies or i.body in bodies]
    return _emit([summary(i) for i in found], found, args.format, SUMMARY_COLUMNS[Instrument])


def _parties(ds: Dataset, args: argparse.Namespace) -> str:
    # Every state with a recorded step, and every member of the organization on the day (without a
    # day: on the day of signature, or of entry into force where no signature date is recorded, and
    # today), with its stage: a member with no step is "not known", never left out or counted as "no".
    record = ds.instrument(ds.resolve_instrument(args.instrument))
    countries = {e.country for e in record.events}
    if record.organization is not None:
        today = datetime.datetime.now(datetime.timezone.utc).date()
        days = [args.on] if args.on is not None else [record.signed or record.entry_into_force, today]
        for day in days:
            if day is not None:
                countries |= set(ds.members_of(record.organization, on=day))
    rows = [
        {
            "country": code,
            "name": country_name(code),
            "stage": ds.stage_of(record.id, code, on=args.on).value,
            "steps": str(sum(e.country == code for e in record.events)),
        }
        for code in sorted(countries)
    ]
    return _emit(rows, rows, args.format, ("country", "name", "stage", "steps"))


def _events(ds: Dataset, args: argparse.Namespace) -> str:
    # One state's events, or every state's, by country: each state's in the order they happened.
    record = ds.instrument(ds.resolve_instrument(args.instrument))
    countries = [args.country] if args.country else sorted({e.country for e in record.events})
    found = [e for c in countries for e in ds.events_of(record.id, c)]
    return _emit(rows_of(found), found, args.format, ("country", "kind", "date", "act", "inferred"))


def _members(ds: Dataset, args: argparse.Namespace) -> str:
    status = None if args.status == "any" else args.status
    codes = ds.members_of(args.organization, on=args.on, status=status)
    rows = [{"country": c, "name": country_name(c)} for c in codes]
    return _emit(rows, codes, args.format, ("country", "name"))


def _officials(ds: Dataset, args: argparse.Namespace) -> str:
    if args.on is None:
        found = ds.officials_of(args.country)
        return _emit([summary(o) for o in found], found, args.format, SUMMARY_COLUMNS[Official])
    # On a date: one row per official and post held then, saying which post.
    held = ds.posts_on(args.country, args.on, certain=args.certain)
    rows = [
        {
            "id": t.official.id,
            "name": t.official.name,
            "post": t.title,
            "from": str(t.position.start or ""),
            "to": str(t.position.end or (f"by {t.position.ended_by}" if t.position.ended_by else "")),
        }
        for t in held
    ]
    return _emit(rows, rows, args.format, ("id", "name", "post", "from", "to"))


def _show(ds: Dataset, args: argparse.Namespace) -> str:
    record = ds.get(args.id)
    if record is None:
        raise UnknownIdError("record", args.id)
    if args.format in ("json", "jsonl"):
        return json.dumps(CONVERTER().unstructure(record), ensure_ascii=False, indent=2) + "\n"
    lines = [f"{type(record).__name__} {record.id}"]
    for key, value in CONVERTER().unstructure(record).items():
        if key in ("id", "sources"):
            continue
        lines.append(f"  {key}: {json.dumps(value, ensure_ascii=False)}")
    cited = ds.citations(record.id)
    if cited:
        lines.append("  evidence:")
        for citation, source in cited:
            publisher = source.publisher or "publisher not stated"
            lines.append(f"    - {source.title} ({publisher}, {source.published or 'undated'})")
            lines.append(f"      {source.url or 'no public address'}")
            if citation.quote:
                lines.append(f"      “{citation.quote}”")
            if citation.note:
                lines.append(f"      note: {citation.note}")
    return "\n".join(lines) + "\n"


def _topics(ds: Dataset, args: argparse.Namespace) -> str:
    vocabulary = topics()
    if args.format != "table":
        rows = [
            {"id": t.id, "label": t.label, "broader": " ".join(t.broader), "synonyms": "; ".join(t.synonyms)}
            for t in vocabulary
        ]
        return _emit(rows, list(vocabulary), args.format)
    lines: list[str] = []

    def walk(topic_id: str, depth: int) -> None:
        lines.append(f"{'  ' * depth}{topic_id}  ({vocabulary[topic_id].label})")
        for child in vocabulary.narrower(topic_id, transitive=False):
            walk(child, depth + 1)

    for root in vocabulary.roots():
        walk(root.id, 0)
    return "\n".join(lines) + "\n"


def _stats(ds: Dataset, args: argparse.Namespace) -> str:
    info = dataset_info(ds)
    if args.format in ("json", "jsonl"):
        return json.dumps(info, ensure_ascii=False, indent=2 if args.format == "json" else None) + "\n"
    rows = [{"measure": "data version", "value": str(info["data_version"] or "not stated")}]
    rows.extend({"measure": name, "value": str(count)} for name, count in info["records"].items())
    rows.append({"measure": "citations", "value": str(info["citations"])})
    rows.append({"measure": "citations with a quote", "value": str(info["quotes"])})
    meetings = info["meetings"]
    rows.append({"measure": "countries in meetings", "value": str(meetings["countries"])})
    if meetings["first_year"] is not None:
        rows.append({"measure": "meetings from", "value": str(meetings["first_year"])})
        rows.append({"measure": "meetings to", "value": str(meetings["last_year"])})
    rows.append({"measure": "undated meetings", "value": str(meetings["undated"])})
    for kind, count in meetings["participant_lists"].items():
        rows.append({"measure": f"participant lists {kind.replace('_', ' ')}", "value": str(count)})
    rows.append({"measure": "absences recorded", "value": str(meetings["absences"])})
    tagged = info["topics"]
    for name in ("meetings", "commitments"):
        count = tagged[f"{name}_tagged"]  # type: ignore[literal-required]
        total = info["records"][name]
        share = f" ({100 * count / total:.0f}%)" if total else ""
        rows.append({"measure": f"{name} with a topic", "value": f"{count} of {total}{share}"})
    series = info["coverage"]
    rows.append({"measure": "series of meetings", "value": str(len(series))})
    rows.append(
        {
            "measure": "editions known but undated",
            "value": str(sum(len(s["undated_editions"]) for s in series)),
        }
    )
    rows.append(
        {
            "measure": "edition numbers not recorded",
            "value": str(sum(len(s["missing_editions"]) for s in series)),
        }
    )
    rows.append({"measure": "sha256", "value": info["sha256"]})
    return _emit(rows, rows, args.format)


def _coverage(ds: Dataset, args: argparse.Namespace) -> str:
    series = dataset_info(ds)["coverage"]
    if args.format in ("json", "jsonl"):
        if args.format == "json":
            return json.dumps(series, ensure_ascii=False, indent=2) + "\n"
        return "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in series)

    def numbers(values: list[int]) -> str:
        return " ".join(str(v) for v in values) or "-"

    rows = [
        {
            "series": s["organization"],
            "meetings": str(s["meetings"]),
            "years": f"{s['first_year']}-{s['last_year']}" if s["first_year"] else "-",
            "editions": f"{len(s['editions'])} (to {s['editions'][-1]})" if s["editions"] else "-",
            "undated editions": numbers(s["undated_editions"]),
            "missing editions": numbers(s["missing_editions"]),
            "years without record": numbers(s["years_without_record"]),
            "lists complete/partial/not stated": (
                f"{s['lists_complete']}/{s['lists_partial']}/{s['lists_not_stated']}"
            ),
        }
        for s in series
    ]
    return _emit(rows, rows, args.format)


def _changes(ds: Dataset | None, args: argparse.Namespace) -> str:
    found = changes(load(args.old), load(args.new))
    rows = [
        {"collection": c.collection, "id": c.id, "change": c.change, "fields": " ".join(c.fields)}
        for c in found
    ]
    return _emit(rows, rows, args.format, ("collection", "id", "change", "fields"))


def _cite(ds: Dataset | None, args: argparse.Namespace) -> str:
    return cite(args.id, format=args.citation_format) + "\n"


def _export(ds: Dataset, args: argparse.Namespace) -> str:
    # The files written, one per line; standard error stays empty on success.
    return "".join(f"{printable(path)}\n" for path in export(ds, args.to, args.export_format))


def _completion(ds: Dataset | None, args: argparse.Namespace) -> str:
    return completion_script(args.shell)


def _commands() -> dict[str, list[str]]:
    """Each subcommand with its options, read from the parser itself."""
    parser = _parser()
    found: dict[str, list[str]] = {}
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public way to list subcommands
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001 - same
            for name, sub in action.choices.items():
                found[name] = sorted(o for a in sub._actions for o in a.option_strings)  # noqa: SLF001 - same
    return found


def completion_script(shell: str) -> str:
    """A completion script for ``bash``, ``zsh`` or ``fish``: subcommands, then each one's options."""
    commands = _commands()
    names = " ".join(commands)
    if shell == "fish":
        lines = [f"complete -c scocoop -f -n '__fish_use_subcommand' -a '{names}'"]
        for name, options in commands.items():
            lines.extend(
                f"complete -c scocoop -f -n '__fish_seen_subcommand_from {name}' -l {o.removeprefix('--')}"
                for o in options
                if o.startswith("--")
            )
        return "\n".join(lines) + "\n"
    cases = "\n".join(f'        {name}) opts="{" ".join(options)}" ;;' for name, options in commands.items())
    body = f"""_scocoop() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}"
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "{names} --help --version" -- "$cur"))
        return
    fi
    local opts=""
    case "${{COMP_WORDS[1]}}" in
{cases}
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}}
"""
    if shell == "zsh":
        return (
            "#compdef scocoop\nautoload -U bashcompinit && bashcompinit\n"
            + body
            + "complete -F _scocoop scocoop\n"
        )
    return body + "complete -F _scocoop scocoop\n"


def _country(ds: Dataset | None, args: argparse.Namespace) -> str:
    rows: list[Row] = []
    problems: list[str] = []
    for value in args.values:
        try:
            codes = country_codes(value, origin=args.origin, on=args.on)
            rows.append(_country_row(value, codes, args.on))
        except (ScocoopError, ValueError) as exc:
            problems.append(str(exc))
    for problem in problems:
        print(f"scocoop: {problem}", file=sys.stderr)
    args.exit_status = 1 if problems else 0
    return _emit(rows, rows, args.format, _COUNTRY_COLUMNS)


_COUNTRY_COLUMNS = ("value", "iso2c", "iso3c", "iso3n", "name", "cown", "cowc", "gwn", "gwc")


def _country_row(value: str, codes: CountryCodes, on: str | None) -> Row:
    row = {
        "value": value,
        "iso2c": codes.iso2c,
        "iso3c": codes.iso3c,
        "iso3n": codes.iso3n,
        "name": codes.name,
    }
    for scheme in ("cown", "cowc", "gwn", "gwc"):
        try:
            row[scheme] = str(to_country_code(codes.iso2c, scheme, on=on))
        except ScocoopError:
            row[scheme] = ""  # not in that list on that day
    return row


def _validate(ds: Dataset, args: argparse.Namespace) -> str:
    return f"{printable(args.path)}: valid ({len(ds)} records)\n"


EXAMPLES = {
    "meetings": (
        "scocoop meetings --country Kazakhstan",
        "scocoop meetings --organization SCO --from 2018 --to 2019-06",
        "scocoop meetings --country PK --status observer --format csv > observer.csv",
    ),
    "initiatives": (
        "scocoop initiatives --topic 'cyber terrorism'",
        "scocoop initiatives --country KZ --format json",
    ),
    "instruments": (
        "scocoop instruments --organization CSTO",
        "scocoop instruments --topic terrorism --format csv",
        "scocoop instruments --in-force-for Kazakhstan --on 2015-01-01",
    ),
    "parties": (
        "scocoop parties sco-convention-against-terrorism-2009 --on 2013-01-01",
        "scocoop parties 'SCO Convention on Countering Extremism' --format csv",
    ),
    "events": (
        "scocoop events sco-convention-against-terrorism-2009 --country Kazakhstan",
        "scocoop events 'Charter of the Shanghai Cooperation Organization' --format csv",
    ),
    "members": ("scocoop members SCO --on 2016-11-30", "scocoop members SCO --on 2020 --status observer"),
    "officials": (
        "scocoop officials --country KG",
        "scocoop officials --country RU --on 2005-06-01 --certain",
    ),
    "show": (
        "scocoop show sco-prosecutors-general-14",
        "scocoop show sco-prosecutors-general-14 --format json",
    ),
    "topics": ("scocoop topics", "scocoop topics --format csv"),
    "validate": ("scocoop validate mydata.json",),
    "country": (
        "scocoop country 'Kyrgyz Republic' Қазақстан TAJ",
        "scocoop country 705 --origin cown --on 1995-01-01",
        "scocoop country Germany --on 1980-06-01 --format csv",
    ),
    "stats": ("scocoop stats", "scocoop stats --format json"),
    "coverage": ("scocoop coverage", "scocoop coverage --format json"),
    "export": ("scocoop export --to out --format csv", "scocoop export --to out --format popolo"),
    "changes": ("scocoop changes mydata.json mydata.json --format csv",),
    "cite": (
        "scocoop cite",
        "scocoop cite --format bibtex",
        "scocoop cite sco-prosecutors-general-14 --format csl-json",
    ),
    "completion": (
        "scocoop completion bash > ~/.local/share/bash-completion/completions/scocoop",
        "scocoop completion zsh > ~/.zfunc/_scocoop",
        "scocoop completion fish > ~/.config/fish/completions/scocoop.fish",
    ),
}


def _given(value: str) -> str:
    """An argument's value, refused when empty: an empty name is a mistake, not "no filter"."""
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return value


def _version() -> str:
    from importlib.metadata import version  # read only when asked

    return version("scocoop")


class _Version(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        print(f"scocoop {_version()}, data {bundled_data_version() or 'unversioned'}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scocoop",
        description="Query the record of security cooperation in the SCO, the CIS and Central Asia.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str,
        helptext: str,
        run: Callable[[Dataset, argparse.Namespace], str],
        *,
        listing: bool = True,
        data: bool = True,
    ) -> argparse.ArgumentParser:
        examples = "\n".join(f"  {line}" for line in EXAMPLES.get(name, ()))
        p = sub.add_parser(
            name,
            help=helptext,
            description=helptext,
            epilog=f"examples:\n{examples}" if examples else None,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(run=run, data=None, needs_data=data)
        if data:
            p.add_argument(
                "--data",
                type=_given,
                metavar="PATH",
                help="use this dataset file instead of the bundled data",
            )
        if listing:
            p.add_argument("--format", choices=("table", "json", "jsonl", "csv"), default="table")
        return p

    p = command("meetings", "List meetings, in date order.", _meetings)
    p.add_argument("--country", type=_given, help="a country that took part (code or name)")
    p.add_argument("--status", type=_given, help="with --country: its capacity (member, observer, ...)")
    p.add_argument(
        "--organization", type=_given, help="the body that met, with its bodies (id, name or abbreviation)"
    )
    p.add_argument("--topic", type=_given, help="a topic (id, label or synonym), with narrower topics")
    p.add_argument(
        "--from", type=_given, dest="date_from", metavar="DATE", help="first date (EDTF, ISO or written)"
    )
    p.add_argument("--to", type=_given, dest="date_to", metavar="DATE", help="last date")

    p = command("initiatives", "List commitments (proposals, agreements, protocols, ...).", _initiatives)
    p.add_argument("--topic", type=_given, help="a topic, with narrower topics")
    p.add_argument("--country", type=_given, help="a party to the commitment")

    _instrument_commands(command)

    p = command("members", "List the countries with a standing in an organization.", _members)
    p.add_argument("organization", type=_given, help="id, name or abbreviation")
    p.add_argument("--on", type=_given, metavar="DATE", help="as of this date")
    p.add_argument(
        "--status",
        type=_given,
        default="member",
        help="member (default), observer, dialogue_partner, participant or any",
    )

    p = command("officials", "List a country's officials.", _officials)
    p.add_argument("--country", type=_given, required=True)
    p.add_argument("--on", type=_given, metavar="DATE", help="only those who may have held a post then")
    p.add_argument(
        "--certain",
        action="store_true",
        help="with --on: only those whose recorded term surely covers the date",
    )

    p = command("show", "Show one record with its evidence.", _show)
    p.add_argument("id", type=_given)

    command("topics", "Show the topic vocabulary as a tree.", _topics)

    p = command(
        "country",
        "Read country names or codes as other data write them; give their ISO, COW and GW codes.",
        _country,
        data=False,
    )
    p.add_argument("values", nargs="+", type=_given, metavar="VALUE", help="a name or code")
    p.add_argument(
        "--origin",
        choices=("iso2c", "iso3c", "iso3n", "cown", "cowc", "gwn", "gwc"),
        help="the scheme of the values, where they are codes (a number is read by all schemes otherwise)",
    )
    p.add_argument("--on", type=_given, metavar="DATE", help="the day COW and GW codes apply to (ISO date)")

    p = command("validate", "Check a dataset file; list every problem.", _validate)
    p.add_argument("path", type=_given)

    command("stats", "Summarise the dataset: versions, counts, evidence, checksum.", _stats)
    command(
        "coverage",
        "Report per series of meetings: editions recorded, undated, missing; years without record.",
        _coverage,
    )

    p = command("export", "Write the dataset to files for other tools.", _export, listing=False)
    p.add_argument(
        "--to", type=_given, required=True, metavar="DIR", help="directory to write into (created if missing)"
    )
    p.add_argument(
        "--format",
        dest="export_format",
        choices=tuple(FORMATS),
        default="csv",
        help="csv (with a Frictionless datapackage.json), json (with its JSON Schema), popolo, "
        "parquet (needs scocoop[parquet]); default csv",
    )

    _reference_commands(command)
    return parser


def _instrument_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """The commands on treaties and programmes: instruments, parties, events."""
    p = command(
        "instruments", "List treaties, agreements and programmes, by the day they were signed.", _instruments
    )
    p.add_argument("--organization", type=_given, help="the organization or body (id, name or abbreviation)")
    p.add_argument("--topic", type=_given, help="a topic, with narrower topics")
    p.add_argument(
        "--in-force-for", type=_given, metavar="COUNTRY", help="only those in force for this state"
    )
    p.add_argument("--on", type=_given, metavar="DATE", help="with --in-force-for: on this date")

    p = command(
        "parties",
        "Each state's stage under an instrument: not known, not yet, not signed, signed, consented, "
        "in force, suspended or withdrawn.",
        _parties,
    )
    p.add_argument("instrument", type=_given, help="id, English title or original title")
    p.add_argument(
        "--on",
        type=_given,
        metavar="DATE",
        help="as of this date (default: the latest record; members on the day of signature and today)",
    )

    p = command(
        "events",
        "Each state's recorded events under an instrument (signature, consent, entry into force, "
        "withdrawal...), in the order they happened.",
        _events,
    )
    p.add_argument("instrument", type=_given, help="id, English title or original title")
    p.add_argument("--country", type=_given, help="only this state's events (code or name)")


def _reference_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """The commands that read no dataset or compare data files: changes, cite, completion."""
    p = command(
        "changes", "List the records added, changed or removed between two data files.", _changes, data=False
    )
    p.add_argument("old", type=_given, help="the earlier data file")
    p.add_argument("new", type=_given, help="the later data file")

    p = command(
        "cite",
        "How to cite scocoop and its data, or one record with its sources.",
        _cite,
        listing=False,
        data=False,
    )
    p.add_argument("id", nargs="?", help="a record's id: cite it with the sources it cites")
    p.add_argument("--format", dest="citation_format", choices=("text", "bibtex", "csl-json"), default="text")

    p = command(
        "completion", "Print a shell completion script for scocoop.", _completion, listing=False, data=False
    )
    p.add_argument("shell", choices=("bash", "zsh", "fish"))


_NEEDS = {
    # (command, option given, option it needs)
    ("meetings", "status", "country"),
    ("officials", "certain", "on"),
    ("instruments", "on", "in_force_for"),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    if sys.stdout is None:  # started with standard output closed
        print("scocoop: standard output is closed", file=sys.stderr)
        return 1
    for command, given, needed in _NEEDS:
        if args.command == command and getattr(args, given) and not getattr(args, needed):
            parser.error(f"{command}: --{given.replace('_', '-')} needs --{needed.replace('_', '-')}")
    try:
        path = getattr(args, "path", None) or args.data
        dataset = load(path) if args.needs_data else None
        output = args.run(dataset, args)
    except DataError as exc:
        print(f"scocoop: invalid data: {exc}", file=sys.stderr)
        return 1
    except (ScocoopError, LookupError, ValueError) as exc:
        print(f"scocoop: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"scocoop: {exc.strerror or exc}: {printable(exc.filename or '')}", file=sys.stderr)
        return 1
    # A command that prints an answer and still fails (some values not read) sets exit_status.
    return _write(output) or getattr(args, "exit_status", 0)


def _write(output: str) -> int:
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (OSError, ValueError) as exc:
        # A full disk, a closed descriptor: one line, not a traceback.
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"scocoop: cannot write the output: {reason}", file=sys.stderr)
        return 1
    return 0
