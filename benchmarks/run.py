"""Measure scocoop against baselines in the same process, as ratios.

    python benchmarks/run.py            # N = 10,000, 20,000 and 100,000
    python benchmarks/run.py 1000       # a quick run
    python benchmarks/run.py --load 10000   # the load figures alone (for other Pythons)

Each figure is the median of several runs, with the measured operation and
its baseline alternating, reported as a ratio to the baseline (below 1 is
faster). orjson and pandas are used for baselines where installed. Where
msgspec is installed, loading and dumping take the fast paths; the precise
paths are measured in the same run, with the fast ones switched off.
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from generate import COUNTRIES, TOPICS, generate

import scocoop
from scocoop._io import jsonfile as _io

try:
    import orjson

    PARSER, PARSE = "orjson.loads", orjson.loads
    SERIAL, SERIALIZE = "orjson.dumps", orjson.dumps
except ImportError:  # pragma: no cover - a baseline only
    PARSER, PARSE = "json.loads", json.loads
    SERIAL, SERIALIZE = "json.dumps", json.dumps


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired(fn: Callable[[], object], base: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median times of fn and base, run alternately."""
    a, b = [], []
    for _ in range(repeat):
        b.append(median_time(base, 1))
        a.append(median_time(fn, 1))
    return statistics.median(a), statistics.median(b)


def per_call(fn: Callable[[Any], object], args: list[Any]) -> float:
    start = time.perf_counter()
    for arg in args:
        fn(arg)
    return (time.perf_counter() - start) / len(args)


def memory(fn: Callable[[], object]) -> tuple[int, int]:
    """(retained, peak) bytes traced while fn's result is alive."""
    gc.collect()
    tracemalloc.start()
    result = fn()
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return retained, peak


def report(name: str, value: float, unit: str = "x") -> None:
    print(f"  {name:<66} {value:10.3g}{unit}")


def precise_load(data: bytes) -> scocoop.Dataset:
    return _io._build(_io._parse(data))  # noqa: SLF001 - the precise loader alone


def load_figures(data: bytes, repeat: int) -> None:
    fast = _io.read_fast(data) is not None
    path = "fast path (msgspec)" if fast else "precise path"
    load, parse = paired(lambda: scocoop.loads(data), lambda: PARSE(data), repeat)
    report(f"load / {PARSER}, {path}", load / parse)
    gc.disable()
    try:
        load_nogc, parse_nogc = paired(lambda: scocoop.loads(data), lambda: PARSE(data), repeat)
    finally:
        gc.enable()
    report(f"load / {PARSER}, garbage collector paused for both", load_nogc / parse_nogc)
    report("load, seconds", load, "s")
    if fast:
        precise, parse = paired(lambda: precise_load(data), lambda: PARSE(data), max(1, repeat - 2))
        report(f"load / {PARSER}, precise path (the loader without msgspec)", precise / parse)


def bench(n: int) -> None:  # noqa: PLR0915 - one measurement after another, in the order reported
    document = generate(n)
    data = json.dumps(document, ensure_ascii=False).encode()
    print(f"\nN = {n:,} meetings ({len(data) / 1e6:.1f} MB of JSON)")
    repeat = 3 if n >= 100_000 else 5

    load_figures(data, repeat)

    ds = scocoop.loads(data)
    dicts = PARSE(data)
    dump, serial = paired(lambda: scocoop.dumps(ds), lambda: SERIALIZE(dicts), repeat)
    report(f"dump / {SERIAL} of the same dicts", dump / serial)
    if _io.write_fast(ds) is not None:
        document_of = _io._document  # noqa: SLF001 - the precise writer alone
        precise, serial = paired(
            lambda: _io._encode_orjson(document_of(ds), orjson),  # noqa: SLF001 - the precise writer
            lambda: SERIALIZE(dicts),
            repeat,
        )
        report(f"dump / {SERIAL}, precise path (cattrs and orjson)", precise / serial)

    rng = random.Random(7)
    countries = [rng.choice(COUNTRIES) for _ in range(200)]
    topics = [rng.choice(TOPICS) for _ in range(200)]
    orgs = [f"org-{rng.randrange(max(4, min(400, n // 50)))}" for _ in range(200)]
    ids = [f"meeting-{rng.randrange(n)}" for _ in range(2000)]
    years = [rng.randint(1996, 2025) for _ in range(200)]

    def scan_country(code: str) -> list[scocoop.Meeting]:
        return [m for m in ds.meetings if any(p.country == code for p in m.participants)]

    def scan_topic(topic: str) -> list[scocoop.Commitment]:
        return [c for c in ds.commitments if topic in c.topics]

    def scan_org(org: str) -> list[scocoop.Meeting]:
        return [m for m in ds.meetings if m.organization == org]

    def scan_id(meeting_id: str) -> list[scocoop.Meeting]:
        return [m for m in ds.meetings if m.id == meeting_id]

    scan_args = 5 if n >= 100_000 else 20
    # The first query after loading builds the indexes; the figures below are per call after that.
    fresh = scocoop.loads(data)
    start = time.perf_counter()
    fresh.meetings_by_country(countries[0])
    report("first meetings_by_country after load, seconds", time.perf_counter() - start, "s")
    del fresh
    ds.meeting(ids[0])
    queries = [
        ("meetings_by_country", ds.meetings_by_country, scan_country, countries),
        (
            "initiatives_on (narrower=False)",
            lambda t: ds.initiatives_on(t, narrower=False),
            scan_topic,
            topics,
        ),
        ("meetings_of (bodies=False)", lambda o: ds.meetings_of(o, bodies=False), scan_org, orgs),
        ("meeting(id)", ds.meeting, scan_id, ids),
    ]
    for name, query, scan, args in queries:
        fast = per_call(query, args)
        slow = per_call(scan, args[:scan_args])
        report(f"{name} / linear scan", fast / slow)
    members = per_call(lambda o: ds.members_of(o, on="2010"), orgs)
    report("members_of(on=...), microseconds per call", members * 1e6, "us")
    between = per_call(lambda y: ds.meetings_between(f"{y}-03", f"{y}-03"), years)
    found = statistics.mean(len(ds.meetings_between(f"{y}-03", f"{y}-03")) for y in years)
    report(f"meetings_between one month ({found:.0f} found), us per call", between * 1e6, "us")

    try:
        import pandas as pd
    except ImportError:
        print("  (pandas not installed: no DataFrame baseline)")
    else:
        links = pd.DataFrame(
            [(m.id, p.country) for m in ds.meetings for p in m.participants], columns=["meeting", "country"]
        )
        frame = per_call(lambda c: links.loc[links["country"] == c, "meeting"].unique(), countries[:50])
        fast = per_call(ds.meetings_by_country, countries)
        report("meetings_by_country / pandas boolean filter", fast / frame)

    retained_ds, peak_ds = memory(lambda: scocoop.loads(data))
    retained_dicts, peak_dicts = memory(lambda: PARSE(data))
    report(f"memory retained: dataset / {PARSER} dicts", retained_ds / retained_dicts)
    report(f"memory peak while loading: dataset / {PARSER} dicts", peak_ds / peak_dicts)
    report("memory retained by the dataset, MB", retained_ds / 1e6, " MB")


def startup() -> None:
    print("\nStart-up")

    def python(code: str) -> Callable[[], object]:
        return lambda: subprocess.run([sys.executable, "-c", code], check=True)

    ours, base = paired(python("import scocoop"), python("import attrs, cattrs"), 15)
    bare = median_time(python("pass"), 15)
    report(
        "import scocoop / import attrs, cattrs (interpreter start excluded)", (ours - bare) / (base - bare)
    )
    first, imp = paired(python("import scocoop; scocoop.load()"), python("import scocoop"), 15)
    report("first scocoop.load() of the bundled data / import scocoop", (first - imp) / (imp - bare))
    command = "from scocoop._cli import main; raise SystemExit(main(['meetings', '--country', 'KZ']))"
    quiet = " import contextlib, io; contextlib.redirect_stdout(io.StringIO()).__enter__();"
    fast, precise = paired(
        python("import sys;" + quiet + command.replace("from", "\nfrom", 1)),
        python("import sys; sys.modules['msgspec'] = None;" + quiet + command.replace("from", "\nfrom", 1)),
        15,
    )
    report("scocoop meetings --country KZ, whole process: fast / precise path", fast / precise)


def main() -> None:
    args = sys.argv[1:]
    print(f"scocoop {scocoop.__version__}, Python {sys.version.split()[0]}")
    if args[:1] == ["--load"]:
        for n in [int(a) for a in args[1:]] or [10_000]:
            data = json.dumps(generate(n), ensure_ascii=False).encode()
            print(f"\nN = {n:,} meetings, load only")
            load_figures(data, 5)
        return
    for n in [int(a) for a in args] or [10_000, 20_000, 100_000]:
        bench(n)
    startup()


if __name__ == "__main__":
    main()
