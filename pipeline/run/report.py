"""The run report: counts, flag and number-match rates, warnings and failures with causes."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from pipeline.write.corpus import read_records
from pipeline.write.json_doc import document_from_json

SHOWN_FAILURES = 20  # in the summary; report.json lists them all
DOCUMENT_STAGES = ("ingest", "load", "segment", "extract", "align", "link", "write")  # "encode" is in align


def build_report(outcomes: list, out_dir: Path, ok_ids: list[str], signature: str) -> dict:
    formats = Counter(o.format for o in outcomes if o.status == "ok")
    bead_types, flags, numbers = Counter(), Counter(), Counter()
    beads = sentences_unaligned = 0
    for doc in map(document_from_json, read_records(out_dir, ok_ids)):
        for bead in doc.beads:
            beads += 1
            bead_types[bead.shape] += 1
            flags.update(bead.flags)
            if not bead.src or not bead.tgt:
                sentences_unaligned += len(bead.src) + len(bead.tgt)
        numbers.update(doc.stats.get("numbers", {}))
    return {
        "signature": signature,
        "documents": len(outcomes),
        "succeeded": len(ok_ids),
        "failed": sum(o.status == "failed" for o in outcomes),
        "by_format": dict(sorted(formats.items())),
        "beads": beads,
        "bead_types": dict(sorted(bead_types.items())),
        "unaligned_sentences": sentences_unaligned,
        "flags": {flag: {"count": n, "rate": round(n / beads, 4) if beads else 0.0}
                  for flag, n in sorted(flags.items())},
        "numbers": _number_rates(numbers),
        "warnings": [{"doc_id": o.doc_id, "code": i["code"], "message": i["message"]}
                     for o in outcomes for i in o.issues],
        "failures": [{"doc_id": o.doc_id, "code": o.error_code, "cause": o.error}
                     for o in outcomes if o.status == "failed"],
    }


def _number_rates(numbers: Counter) -> dict:
    out = dict(sorted(numbers.items()))
    for lang in ("zh", "en"):
        if numbers.get(lang):
            out[f"{lang}_match_rate"] = round(numbers[f"{lang}_matched"] / numbers[lang], 4)
    return out


def summary(report: dict, timings: dict | None = None) -> str:
    """A few human lines for the end of a run."""
    lines = [
        f"documents: {report['documents']} ({report['succeeded']} ok, {report['failed']} failed)"
        f"; by format: {report['by_format']}",
        f"beads: {report['beads']} {report['bead_types']}; unaligned sentences: "
        f"{report['unaligned_sentences']}",
    ]
    if report["flags"]:
        lines.append("flags: " + ", ".join(f"{k} {v['count']} ({v['rate']:.1%})"
                                           for k, v in report["flags"].items()))
    if "zh_match_rate" in report["numbers"]:
        lines.append(f"Chinese numbers matched in the English: "
                     f"{report['numbers']['zh_match_rate']:.1%}")
    if report["warnings"]:
        codes = Counter(w["code"] for w in report["warnings"])
        lines.append("warnings: " + ", ".join(f"{code} x{n}" for code, n in sorted(codes.items())))
    for failure in report["failures"][:SHOWN_FAILURES]:
        lines.append(f"FAILED {failure['cause']}")
    if len(report["failures"]) > SHOWN_FAILURES:
        lines.append(f"... and {len(report['failures']) - SHOWN_FAILURES} more failures "
                     f"in report.json")
    if timings:
        docs = timings["documents"]
        lines.append(f"this run: {docs['processed']} documents processed, {docs['current']} "
                     f"already current; {timings['total_seconds']:.1f} s")
        stages = timings["stages"]
        lines.append("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))
        document_seconds = sum(stages.get(k, 0.0) for k in DOCUMENT_STAGES)
        if document_seconds:
            lines.append(f"encoder: {stages.get('encode', 0.0):.1f} s, "
                         f"{stages.get('encode', 0.0) / document_seconds:.0%} of document time")
    return "\n".join(lines)
