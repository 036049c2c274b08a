"""Helpers for the fault-injection tests: small People's Daily articles written at test time,
and a hook that makes chosen documents never finish inside worker processes only."""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NEVER_ENDS = "THIS DOCUMENT NEVER ENDS"

# Installed as sitecustomize.py on the PYTHONPATH of spawned workers (pool or Dask): the
# product code has no test hook, and the test process itself is not patched.
HANG_HOOK = f'''
import time
import pipeline.ingest as ingest

_parse_text = ingest.parse_text


def parse_text(text, doc_id):
    while {NEVER_ENDS!r} in text:
        time.sleep(0.05)
    return _parse_text(text, doc_id)


ingest.parse_text = parse_text
'''


def article(english: list[str], chinese: list[str], title: str = "Grain Output Rises",
            title_zh: str = "粮食产量增加", date: str = "1955-12-01") -> str:
    """An article in the corpus's format: header, English paragraphs, <hr />, Original:."""
    body_en = "".join(f"    {p}\n" for p in english)
    body_zh = "".join(f"    {p}\n" for p in chinese)
    return (f"Title: {title}\nAuthor: \nDate: {date}\nPage: 2\n\n{body_en}\n\n\n<hr /> \n\n"
            f"Original: \n\n\n### {title_zh}\n\n{date}\n第2版()\n\n{body_zh}")


GRAIN = article(
    ["Xinhua News Agency, Taiyuan, 14th. Grain output in Shanxi rose by 10% this year.",
     "The province has trained more than 1,300 technicians for the cooperatives."],
    ["【新华社太原十四日电】山西省今年粮食产量增加百分之十。",
     "全省已经为合作社训练了一千三百多名技术员。"])
LETTERS = article(
    ["Letters from readers. Of 500.", "The cooperative in our village has 500 members."],
    ["读者来信。五百人中。", "我们村的合作社有五百名社员。"],
    title="Letters from Readers", title_zh="读者来信", date="1948-05-01")
HANGING = article([f"{NEVER_ENDS}. Grain output rose."], ["粮食产量增加了。"])


def write_corpus(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def hang_hook_env(folder: Path) -> dict[str, str]:
    """The environment for processes whose workers must hang on NEVER_ENDS documents."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(HANG_HOOK, "utf-8")
    paths = [str(folder), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {"PYTHONPATH": os.pathsep.join(paths)}


@contextmanager
def small_disk(folder: Path, size: str, read_only: bool = False) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted on ``folder`` (root only; skips the test otherwise)."""
    import pytest

    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode(errors='replace')}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` with one file, leaving about ``leave`` bytes free; return the file."""
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with open(filler, "wb") as handle:
        try:
            handle.write(b"\0" * max(0, free - leave))
        except OSError:
            pass
    return filler
