"""Generate a realistic synthetic dataset in scocoop's format (seeded).

    python benchmarks/generate.py 100000 /tmp/corpus-100k.json

N meetings with 3 to 15 participants each, plus organizations with
membership histories, officials with posts, commitments, sources and quoted
citations; dates are partial and some uncertain, as in real data.
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

COUNTRIES = [
    "AF",
    "AM",
    "AZ",
    "BY",
    "CN",
    "IN",
    "IR",
    "KG",
    "KH",
    "KZ",
    "LK",
    "MD",
    "MN",
    "NP",
    "PK",
    "RU",
    "TJ",
    "TM",
    "TR",
    "UA",
    "UZ",
    "EG",
    "QA",
    "SA",
    "AE",
    "BH",
    "KW",
    "MM",
    "MV",
    "GE",
]
TOPICS = [
    "terrorism",
    "separatism",
    "extremism",
    "cyberterrorism",
    "cybercrime",
    "drug-trafficking",
    "human-trafficking",
    "arms-trafficking",
    "illegal-migration",
    "organized-crime",
    "money-laundering",
    "foreign-terrorist-fighters",
    "fugitive-search",
    "border-security",
    "information-exchange",
]
STATUSES = ["member"] * 8 + ["observer", "dialogue_partner", "guest"]
KINDS = ["proposal", "agreement", "protocol", "concept", "programme", "declaration"]
C_STATUSES = ["proposed", "endorsed", "agreed", "draft", "adopted", "signed"]


def _date(rng: random.Random, year: int) -> str:
    roll = rng.random()
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    text = (
        f"{year:04d}"
        if roll < 0.05
        else f"{year:04d}-{month:02d}"
        if roll < 0.2
        else f"{year:04d}-{month:02d}-{day:02d}"
    )
    flag = rng.random()
    return text + ("?" if flag < 0.1 else "~" if flag < 0.13 else "")


def generate(n_meetings: int, seed: int = 1996) -> dict[str, Any]:
    rng = random.Random(seed)
    n_sources = max(1, n_meetings // 10)
    n_orgs = max(4, min(400, n_meetings // 50))
    n_officials = max(4, n_meetings // 5)
    sources = [
        {
            "id": f"source-{i}",
            "title": f"Report number {i} on a meeting",
            "publisher": rng.choice(["Kazinform", "TASS", "Xinhua", "BNews.kz"]),
            "published": _date(rng, rng.randint(1996, 2025)).rstrip("?~"),
            "url": f"https://example.org/news/{i}",
        }
        for i in range(n_sources)
    ]

    def cite() -> list[dict[str, str]]:
        return [
            {
                "source": f"source-{rng.randrange(n_sources)}",
                "quote": "The ministers met and signed a protocol.",
            }
        ]

    organizations = []
    for i in range(n_orgs):
        org: dict[str, Any] = {
            "id": f"org-{i}",
            "name": f"Council number {i}",
            "kind": "body" if i else "intergovernmental_organization",
        }
        if i:
            org["parent"] = f"org-{rng.randrange(i)}" if rng.random() < 0.7 else "org-0"
        members = rng.sample(COUNTRIES, rng.randint(3, 12))
        org["memberships"] = [
            {"country": c, "start": f"{rng.randint(1996, 2020)}", "sources": cite()} for c in members
        ]
        org["sources"] = cite()
        organizations.append(org)
    officials = [
        {
            "id": f"official-{i}",
            "name": f"Official Number{i}",
            "country": rng.choice(COUNTRIES),
            "aliases": [f"O. Number{i}"],
            "positions": [
                {
                    "title": "Minister of Internal Affairs",
                    "organization": f"org-{rng.randrange(n_orgs)}",
                    "start": str(rng.randint(1996, 2020)),
                }
            ],
            "sources": cite(),
        }
        for i in range(n_officials)
    ]
    meetings = []
    for i in range(n_meetings):
        year = rng.randint(1996, 2025)
        countries = rng.sample(COUNTRIES, rng.randint(3, 15))
        participants = []
        for c in countries:
            p: dict[str, Any] = {"country": c}
            status = rng.choice(STATUSES)
            if status != "member":
                p["status"] = status
            if rng.random() < 0.3:
                p["official"] = f"official-{rng.randrange(n_officials)}"
                p["role"] = "Head of delegation"
            participants.append(p)
        meeting: dict[str, Any] = {
            "id": f"meeting-{i}",
            "name": f"Meeting number {i} of the council",
            "organization": f"org-{rng.randrange(n_orgs)}",
            "edition": rng.randint(1, 40),
            "date": _date(rng, year),
            "place": {"city": "Astana", "country": rng.choice(COUNTRIES)},
            "participants": participants,
            "topics": sorted(rng.sample(TOPICS, rng.randint(1, 4))),
            "sources": cite(),
        }
        meetings.append(meeting)
    commitments = []
    for i in range(n_meetings // 2):
        m = meetings[rng.randrange(n_meetings)]
        commitments.append(
            {
                "id": f"commitment-{i}",
                "kind": rng.choice(KINDS),
                "status": rng.choice(C_STATUSES),
                "title": f"Protocol number {i}",
                "meeting": m["id"],
                "parties": sorted({p["country"] for p in m["participants"][:4]}),
                "topics": m["topics"][:2],
                "date": m["date"],
                "sources": cite(),
            }
        )
    return {
        "schema_version": 1,
        "data_version": f"synthetic-{n_meetings}-{seed}",
        "sources": sources,
        "organizations": organizations,
        "officials": officials,
        "meetings": meetings,
        "commitments": commitments,
    }


def main() -> None:
    n = int(sys.argv[1])
    with open(sys.argv[2], "w", encoding="utf-8") as out:  # noqa: PTH123 - a script's output file
        json.dump(generate(n), out, ensure_ascii=False)


if __name__ == "__main__":
    main()
