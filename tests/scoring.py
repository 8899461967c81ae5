"""Score the extractor against hand labels (tests/labels), field by field.

Run ``python tests/scoring.py`` for the per-field table; ``tests/test_scoring.py`` asserts on it.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = HERE / "labels"
SOURCES = {"corpus": CORPUS, "examples": ROOT / "examples", "variants": HERE / "variants", "heldout": HERE / "heldout", "heldout2": HERE / "heldout2"}
FIELDS = (
    "document_type", "exhibit", "release_number", "issuer", "securities", "wire", "headline",
    "subheadline", "audience", "dateline", "contacts", "safe_harbor", "body_first", "has_tables",
)


def label_files(groups=("corpus", "examples", "variants", "heldout")) -> list[Path]:
    return sorted(path for group in groups for path in (LABELS / group).glob("*.json"))


def source_path(label: dict) -> Path:
    group, name = label["source"].split("/", 1)
    return SOURCES[group] / name


def observed(release) -> dict:
    """The labelled view of a converted release."""
    doc = release.source.document
    return {
        "document_type": doc.type if doc else None,
        "exhibit": release.exhibit,
        "release_number": release.release_number,
        "issuer": release.issuer.name if release.issuer else None,
        "securities": [{"exchange": s.exchange, "symbol": s.symbol} for s in release.securities],
        "wire": {"service": release.wire.service, "code": release.wire.code, "slug": release.wire.slug} if release.wire else None,
        "headline": release.headline,
        "subheadline": release.subheadline,
        "audience": release.audience,
        "dateline": {"city": release.dateline.city, "region": release.dateline.region, "date": release.dateline.date} if release.dateline else None,
        "contacts": [
            {k: getattr(c, k) for k in ("name", "organization", "title", "phone", "fax", "email")} for c in release.contacts
        ],
        "safe_harbor": {"risks": len(release.safe_harbor.risks)} if release.safe_harbor else None,
        "body_first": release.body[0].text if release.body else None,
        "has_tables": any(block.kind == "table" for block in release.blocks),
    }


def field_matches(field: str, expected, got) -> bool:
    if field == "body_first":
        if expected is None or got is None:
            return expected == got
        return " ".join(got.split()).startswith(" ".join(expected.split()).rstrip("."))
    return expected == got


def score(groups=("corpus", "examples", "variants", "heldout")):
    """Return ({field: [right, total]}, [mismatch descriptions])."""
    from converter import convert_path

    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for path in label_files(groups):
        label = json.loads(path.read_text())
        source = source_path(label)
        if not source.exists():
            continue
        try:
            releases = convert_path(source)
        except Exception as error:  # a crash scores every field of every release wrong
            releases = []
            misses.append(f"{path.stem}: conversion failed: {error}")
        for index, expected in enumerate(label["releases"]):
            got = observed(releases[index]) if index < len(releases) else {}
            for field in FIELDS:
                table[field][1] += 1
                if field in got and field_matches(field, expected.get(field), got[field]):
                    table[field][0] += 1
                else:
                    misses.append(f"{path.stem}[{index}].{field}: expected {expected.get(field)!r} got {got.get(field, '<no release>')!r}")
        if len(releases) > len(label["releases"]):
            misses.append(f"{path.stem}: {len(releases)} releases converted, {len(label['releases'])} labelled")
            table["release_count"][1] += 1
        else:
            table["release_count"][0] += 1
            table["release_count"][1] += 1
    return dict(table), misses


def format_table(table) -> str:
    rows = [f"{'field':16} {'right':>6} {'total':>6} {'share':>7}"]
    right_all = total_all = 0
    for field, (right, total) in table.items():
        rows.append(f"{field:16} {right:6} {total:6} {right / total:7.1%}")
        right_all += right
        total_all += total
    rows.append(f"{'all':16} {right_all:6} {total_all:6} {right_all / total_all:7.1%}")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    groups = tuple(sys.argv[1:]) or ("corpus", "examples", "variants", "heldout")
    table, misses = score(groups)
    print(format_table(table))
    print()
    print("\n".join(misses))
