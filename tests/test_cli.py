"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import scocoop
from scocoop._cli import EXAMPLES


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scocoop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_meetings_of_a_country_as_a_table() -> None:
    result = run("meetings", "--country", "Kazakh")
    assert 0 == result.returncode, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "DATE", "PLACE", "COUNTRIES", "NAME"]
    first = scocoop.meetings_by_country("KZ")[0]
    assert lines[2].startswith(first.id)
    assert len(scocoop.meetings_by_country("KZ")) + 2 == len(lines)
    assert "" == result.stderr


def test_json_output_is_the_records() -> None:
    result = run("meetings", "--country", "PK", "--status", "observer", "--format", "json")
    expected = [m.id for m in scocoop.meetings_by_country("PK", status="observer")]
    assert "sco-prosecutors-general-14" in expected
    assert expected == [m["id"] for m in json.loads(result.stdout)]


def test_csv_and_jsonl_output() -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(run("initiatives", "--topic", "cyber terrorism", "--format", "csv").stdout)
        )
    )
    expected = [c.id for c in scocoop.initiatives_on("cyberterrorism")]
    assert "sco-prosecutors-general-16-internet-terrorism-document" in expected
    assert expected == [r["id"] for r in rows]
    lines = run("members", "SCO", "--on", "2016-11-30", "--format", "jsonl").stdout.splitlines()
    assert ['"CN"', '"KG"', '"KZ"', '"RU"', '"TJ"', '"UZ"'] == lines


def test_instruments_listed_by_organization_topic_or_in_force_for_a_state() -> None:
    ids = [
        r["id"]
        for r in csv.DictReader(
            io.StringIO(run("instruments", "--organization", "CSTO", "--format", "csv").stdout)
        )
    ]
    ds = scocoop.load()
    assert "csto-charter-2002" in ids
    assert sorted(ids) == sorted(i.id for i in ds.instruments if i.organization == "csto")
    found = json.loads(
        run(
            "instruments",
            "--in-force-for",
            "KZ",
            "--on",
            "2015-01-01",
            "--topic",
            "terrorism",
            "--format",
            "json",
        ).stdout
    )
    expected = [i.id for i in scocoop.instruments_in_force("Kazakhstan", on="2015-01-01", topic="terrorism")]
    assert expected == [i["id"] for i in found]
    assert "sco-convention-against-terrorism-2009" in expected
    refused = run("instruments", "--on", "2015")
    assert (2, "") == (refused.returncode, refused.stdout)
    assert "--on needs --in-force-for" in refused.stderr


def test_parties_show_every_member_with_its_stage_and_unknowns_as_not_known() -> None:
    result = run("parties", "SCO Convention on Countering Extremism", "--on", "2020-12-31", "--format", "csv")
    assert 0 == result.returncode, result.stderr
    stages = {r["country"]: r["stage"] for r in csv.DictReader(io.StringIO(result.stdout))}
    # The eight members then, each with a stage; Belarus has a later step, so "not yet".
    assert {"CN", "IN", "KG", "KZ", "PK", "RU", "TJ", "UZ", "BY"} <= set(stages)
    assert "in_force" == stages["RU"]
    assert "consented" == stages["CN"]
    assert "signed" == stages["KG"]
    assert "not_signed" == stages["IN"]
    assert "not_yet" == stages["BY"]
    for code, value in stages.items():
        assert (
            scocoop.stage_of("sco-convention-countering-extremism-2017", code, on="2020-12-31").value == value
        )
    # No step of India's is recorded under the 2009 convention: "not known", not "no".
    other = run("parties", "SCO Convention against Terrorism", "--on", "2020-12-31", "--format", "csv")
    assert 0 == other.returncode, other.stderr
    assert "not_known" == {r["country"]: r["stage"] for r in csv.DictReader(io.StringIO(other.stdout))}["IN"]
    missing = run("parties", "no such treaty")
    assert (1, "") == (missing.returncode, missing.stdout)
    assert "no instrument 'no such treaty'" in missing.stderr


def test_events_give_each_states_steps_in_date_order_and_one_states_on_request() -> None:
    instrument = "sco-convention-against-terrorism-2009"
    result = run("events", instrument, "--format", "csv")
    assert 0 == result.returncode, result.stderr
    found = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = [
        (e.country, e.kind.value)
        for c in sorted({e.country for e in scocoop.load().instrument(instrument).events})
        for e in scocoop.events_of(instrument, c)
    ]
    assert expected == [(r["country"], r["kind"]) for r in found]
    one = run("events", instrument, "--country", "Kazakhstan", "--format", "json")
    kinds = [e["kind"] for e in json.loads(one.stdout)]
    assert ["signature", "domestic_act", "domestic_act", "entry_into_force"] == kinds
    none = run("events", instrument, "--country", "IN", "--format", "csv")
    assert (0, "country,kind,date,act,inferred\n") == (none.returncode, none.stdout)
    unknown = run("events", instrument, "--country", "Atlantis")
    assert (1, "") == (unknown.returncode, unknown.stdout)


def test_parties_without_a_day_list_the_members_from_signature_to_today() -> None:
    # Georgia left the CIS in 2009 and Turkmenistan has been an associate member since 2005, so neither
    # belongs in the list for a 2015 agreement; a member without a step stays in it as "not known".
    result = run("parties", "cis-agreement-joint-investigative-groups-2015", "--format", "csv")
    assert 0 == result.returncode, result.stderr
    stages = {r["country"]: r["stage"] for r in csv.DictReader(io.StringIO(result.stdout))}
    assert not {"GE", "TM"} & set(stages)
    assert "not_known" == stages["AZ"]
    assert "signed" == stages["AM"]
    older = run("parties", "cis-agreement-drug-trafficking-2000", "--format", "csv")
    assert "GE" in {r["country"] for r in csv.DictReader(io.StringIO(older.stdout))}


def test_parties_of_an_instrument_without_any_date_list_todays_members_only(tmp_path: Path) -> None:
    # Without a date of signature or of entry into force, the members to list are today's, not every
    # state that was ever a member: Georgia left the CIS in 2009.
    ds = scocoop.load()
    undated = scocoop.Instrument(
        id="cis-undated-agreement",
        title="An undated CIS agreement",
        kind="agreement",
        organization="cis",
        sources=ds.instrument("cis-agreement-joint-investigative-groups-2015").sources,
    )
    path = tmp_path / "undated.json"
    scocoop.dump(
        scocoop.Dataset(
            data_version=ds.data_version,
            sources=ds.sources,
            organizations=ds.organizations,
            instruments=[undated],
        ),
        path,
    )
    result = run("parties", "cis-undated-agreement", "--data", str(path), "--format", "csv")
    assert 0 == result.returncode, result.stderr
    stages = {r["country"]: r["stage"] for r in csv.DictReader(io.StringIO(result.stdout))}
    assert set(ds.members_of("cis", on=datetime.datetime.now(datetime.timezone.utc).date())) == set(stages)
    assert "GE" not in stages
    assert {"not_known"} == set(stages.values())


def test_filters_combine() -> None:
    result = run("meetings", "--organization", "SCO", "--from", "2018", "--to", "2022-07", "--format", "json")
    of_sco = {m.id for m in scocoop.meetings_of("SCO")}
    expected = [m.id for m in scocoop.meetings_between("2018", "2022-07") if m.id in of_sco]
    assert "sco-prosecutors-general-16" in expected
    assert "sco-prosecutors-general-20" not in expected  # September 2022
    assert expected == [m["id"] for m in json.loads(result.stdout)]


def test_show_prints_the_record_with_its_evidence() -> None:
    result = run("show", "sco-charter")
    assert 0 == result.returncode
    assert "marking 20 years since the signature of the SCO Charter" in result.stdout


def test_topics_prints_a_tree() -> None:
    lines = run("topics").stdout.splitlines()
    # under terrorism
    assert "    cyberterrorism  (Cyberterrorism and terrorist use of the internet)" in lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("meetings", "--country", "Kazakstn"), "did you mean 'Kazakhstan (KZ)'"),
        (("show", "no-such-id"), "no record 'no-such-id'"),
        (("initiatives", "--topic", "knitting"), "unknown topic 'knitting'"),
        (("meetings", "--from", "someday"), "cannot read 'someday' as a date"),
    ],
)
def test_not_found_and_bad_values_exit_1_with_a_message(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert 1 == result.returncode
    assert "" == result.stdout
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2() -> None:
    assert 2 == run("meetings", "--format", "xml").returncode


@pytest.mark.parametrize(
    "args",
    [
        ("meetings", "--country", ""),
        ("meetings", "--topic", "  "),
        ("meetings", "--organization", ""),
        ("meetings", "--from", ""),
        ("initiatives", "--topic", ""),
        ("members", ""),
        ("members", "SCO", "--on", ""),
        ("officials", "--country", ""),
        ("show", ""),
        ("validate", ""),
        ("export", "--to", ""),
        ("meetings", "--data", ""),
        ("meetings", "--status", "observer"),
        ("officials", "--country", "KZ", "--certain"),
    ],
)
def test_empty_or_inapplicable_arguments_are_usage_errors(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert 2 == result.returncode
    assert "" == result.stdout
    assert "Traceback" not in result.stderr


def test_bare_command_prints_help_and_version_prints_the_version() -> None:
    bare = run()
    assert 0 == bare.returncode
    assert bare.stdout.startswith("usage: scocoop")
    assert f"scocoop {scocoop.__version__}, data {scocoop.load().data_version}\n" == run("--version").stdout


def test_output_failures_give_one_line_and_exit_1() -> None:
    with Path("/dev/full").open("w") as device:
        full = subprocess.run(
            [sys.executable, "-m", "scocoop", "meetings"],
            stdout=device,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert 1 == full.returncode
    assert ["scocoop: cannot write the output: No space left on device"] == full.stderr.splitlines()
    closed = subprocess.run(
        ["/bin/sh", "-c", 'exec "$0" -m scocoop meetings >&-', sys.executable],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert 1 == closed.returncode
    assert ["scocoop: standard output is closed"] == closed.stderr.splitlines()


def test_validate_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {"schema_version": 1, "meetings": [{"id": "m", "name": 3}, {"id": "Bad Id", "name": "x"}]}
        ),
        encoding="utf-8",
    )
    result = run("validate", str(path))
    assert 1 == result.returncode
    assert "meetings[0].name: expected a string" in result.stderr
    assert "meetings[1].id: expected an id" in result.stderr


def test_data_option_queries_a_users_dataset(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "meetings": [
                    {"id": "m", "name": "Mine", "date": "2020", "participants": [{"country": "KZ"}]}
                ],
            }
        ),
        encoding="utf-8",
    )
    assert 0 == run("validate", str(path)).returncode
    result = run("meetings", "--country", "KZ", "--data", str(path), "--format", "json")
    assert ["m"] == [m["id"] for m in json.loads(result.stdout)]


def test_a_closed_pipe_does_not_print_a_traceback() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "scocoop", "topics"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        stderr = process.stderr.read().decode()
        process.wait()
    assert "Traceback" not in stderr
    assert 0 == process.returncode


def test_stats_counts_the_records_and_gives_the_checksum() -> None:
    import scocoop

    result = run("stats")
    assert 0 == result.returncode, result.stderr
    lines = {line.split("  ")[0]: line.split()[-1] for line in result.stdout.splitlines()[2:]}
    assert str(len(scocoop.load().meetings)) == lines["meetings"]
    info = json.loads(run("stats", "--format", "json").stdout)
    assert info == scocoop.dataset_info()
    assert info["sha256"] == lines["sha256"]


def test_stats_of_a_users_dataset(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text('{"schema_version": 1, "data_version": "mine-1"}', encoding="utf-8")
    info = json.loads(run("stats", "--data", str(path), "--format", "json").stdout)
    assert "mine-1" == info["data_version"]
    assert {
        "sources": 0,
        "organizations": 0,
        "officials": 0,
        "meetings": 0,
        "commitments": 0,
        "instruments": 0,
    } == info["records"]


def test_cite_gives_both_versions_in_text_and_bibtex() -> None:
    import scocoop

    text = run("cite").stdout
    assert f"data version {scocoop.load().data_version}" in text
    assert f"Software version {scocoop.__version__}" in text
    bibtex = run("cite", "--format", "bibtex").stdout
    assert bibtex.startswith("@misc{scocoop_")
    assert bibtex.rstrip().endswith("}")
    assert bibtex.count("{") == bibtex.count("}")


def test_export_writes_files_and_lists_them(tmp_path: Path) -> None:
    result = run("export", "--to", str(tmp_path / "out"), "--format", "json")
    assert 0 == result.returncode, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    assert ["scocoop.json", "scocoop.schema.json"] == [p.name for p in written]
    assert all(p.is_file() for p in written)
    assert "" == result.stderr


def test_export_needs_a_directory_and_a_known_format(tmp_path: Path) -> None:
    assert 2 == run("export").returncode
    result = run("export", "--to", str(tmp_path), "--format", "xlsx")
    assert 2 == result.returncode
    assert "invalid choice: 'xlsx'" in result.stderr


def test_export_into_a_file_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("export", "--to", str(blocker), "--format", "csv")
    assert 1 == result.returncode
    assert result.stderr.startswith("scocoop: ")
    assert "Traceback" not in result.stderr
    assert "x" == blocker.read_text(encoding="utf-8")


def test_officials_on_a_date_as_may_have_or_certain() -> None:
    may = json.loads(run("officials", "--country", "RU", "--on", "2005-06-01", "--format", "json").stdout)
    certain = json.loads(
        run("officials", "--country", "RU", "--on", "2005-06-01", "--certain", "--format", "json").stdout
    )
    expected = [o.id for o in scocoop.officials_of("RU", on="2005-06-01", certain=True)]
    assert expected == [o["id"] for o in certain]
    assert {o["id"] for o in certain} < {o["id"] for o in may}


def test_an_empty_answer_keeps_its_header_or_says_so() -> None:
    csv_out = run("meetings", "--country", "KZ", "--from", "1990", "--to", "1991", "--format", "csv")
    assert "id,date,place,countries,name\n" == csv_out.stdout
    table = run("meetings", "--country", "KZ", "--from", "1990", "--to", "1991")
    assert ("", "0 results\n") == (table.stdout, table.stderr)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_name_every_subcommand(shell: str) -> None:
    result = run("completion", shell)
    assert 0 == result.returncode
    for name in ("meetings", "officials", "export", "completion"):
        assert name in result.stdout
    assert "certain" in result.stdout


def test_every_subcommand_shows_examples_in_its_help() -> None:
    for name in (
        "meetings",
        "initiatives",
        "members",
        "officials",
        "show",
        "export",
        "cite",
        "completion",
        "country",
    ):
        assert f"examples:\n  scocoop {name}" in run(name, "--help").stdout


def test_the_citation_format_is_spelled_alike_in_python_and_on_the_command_line() -> None:
    assert scocoop.cite(format="bibtex") + "\n" == run("cite", "--format", "bibtex").stdout


def test_country_reads_names_and_codes_and_gives_every_code() -> None:
    result = run("country", "Kyrgyz Republic", "Қазақстан", "TAJ", "--format", "csv")
    assert 0 == result.returncode, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert ["KG", "KZ", "TJ"] == [r["iso2c"] for r in rows]
    assert ("KAZ", "398", "705", "KZK", "705") == tuple(
        rows[1][k] for k in ("iso3c", "iso3n", "cown", "cowc", "gwn")
    )


def test_country_on_a_date_leaves_codes_of_states_not_yet_listed_empty() -> None:
    result = run("country", "Germany", "Kazakhstan", "--on", "1980-06-01", "--format", "csv")
    assert 0 == result.returncode, result.stderr
    germany, kazakhstan = csv.DictReader(io.StringIO(result.stdout))
    assert ("260", "GFR") == (germany["cown"], germany["cowc"])
    assert ("", "") == (kazakhstan["cown"], kazakhstan["gwc"])


def test_country_reports_each_value_it_cannot_read_and_fails() -> None:
    result = run("country", "Kazakhstan", "Korea", "705")
    assert 1 == result.returncode
    assert "Kazakhstan" in result.stdout
    assert "'Korea' may name 'South Korea (KR)' or 'North Korea (KP)'" in result.stderr
    assert "origin" in result.stderr
    assert "KZ" in run("country", "705", "--origin", "cown").stdout


@pytest.mark.parametrize("argv", [["completion", "bash"], ["country", "KZ"]])
def test_commands_without_data_do_not_read_it(argv: list[str]) -> None:
    code = (
        "import sys\n"
        "def hook(event, args):\n"
        "    if event == 'open' and str(args[0]).endswith('scocoop.json'):\n"
        "        raise SystemExit(9)\n"
        "sys.addaudithook(hook)\n"
        "from scocoop._cli import main\n"
        f"sys.exit(main({argv!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert 0 == result.returncode, result.stderr
    # The same hook stops a command that reads the data.
    reading = code.replace(repr(argv), repr(["stats"]))
    assert 9 == subprocess.run([sys.executable, "-c", reading], capture_output=True, check=False).returncode


def _documented_commands() -> list[str]:
    """Every ``scocoop`` command shown in a shell block of the README or the docs."""
    root = Path(__file__).parent.parent
    found = []
    for path in sorted([root / "README.md", *(root / "docs").glob("*.md")]):
        for block in re.findall(r"```sh\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL):
            for line in block.splitlines():
                command = line.split("&&")[-1].strip()
                if command.startswith("scocoop "):
                    found.append(command)
    return found


@pytest.mark.parametrize(
    "example",
    [e for _, examples in sorted(EXAMPLES.items()) for e in examples] + _documented_commands(),
)
def test_every_documented_example_succeeds_with_nothing_on_standard_error(
    example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import shlex

    from scocoop._cli import main

    monkeypatch.chdir(tmp_path)
    for name in ("mydata.json", "my-data.json"):
        if name in example:
            scocoop.dump(scocoop.load(), tmp_path / name)
    words = shlex.split(example.split(">", 1)[0])
    assert "scocoop" == words[0]
    status = main(words[1:])
    captured = capsys.readouterr()
    assert (0, "") == (status, captured.err), example
    assert captured.out


def test_a_file_name_with_control_characters_is_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from scocoop._cli import main

    forged = tmp_path / "x\nmydata.json: valid (5 records)\x1b[2K"
    scocoop.dump(scocoop.Dataset(), forged)
    assert 0 == main(["validate", str(forged)])
    out = capsys.readouterr().out
    assert 1 == out.count("\n")
    assert "\x1b" not in out
    assert "\\n" in out
    assert 1 == main(["validate", str(tmp_path / "missing\x1b[31m.json")])
    assert "\x1b" not in capsys.readouterr().err


def test_a_record_is_cited_with_its_sources_addresses_in_three_formats() -> None:
    record = scocoop.load().meeting("sco-prosecutors-general-14")
    urls = {scocoop.load().source(c.source).url for c in record.sources}
    text = run("cite", record.id).stdout
    assert f"Record {record.id}" in text
    assert all(url in text for url in urls if url)
    items = json.loads(run("cite", record.id, "--format", "csl-json").stdout)
    assert "dataset" == items[0]["type"]
    assert {u for u in urls if u} == {i["URL"] for i in items[1:] if "URL" in i}
    assert run("cite", record.id, "--format", "bibtex").stdout.count("@misc{") == 1 + len(items) - 1
    assert 1 == run("cite", "no-such-record").returncode


def test_show_prints_each_sources_address_and_version_names_the_data() -> None:
    out = run("show", "sco-prosecutors-general-14").stdout
    assert "https://" in out
    version = run("--version").stdout
    assert f"data {scocoop.load().data_version}" in version


def test_officials_on_a_date_say_which_post_each_held() -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(
                run(
                    "officials", "--country", "RU", "--on", "2005-06-01", "--certain", "--format", "csv"
                ).stdout
            )
        )
    )
    assert {"id", "name", "post", "from", "to"} == set(rows[0])
    assert ("vladimir-ustinov", "Prosecutor General") in {(r["id"], r["post"]) for r in rows}
