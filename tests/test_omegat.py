"""OmegaT (Debian's ``omegat``, 3.6) imports duiqi's corpus TMX headlessly and fills the
segments of a project from it. ``make setup-test`` installs it where apt-get exists."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from conftest import SAMPLE_CORPUS

OMEGAT = shutil.which("omegat")
pytestmark = pytest.mark.skipif(OMEGAT is None, reason="needs Debian's omegat (make setup-test "
                                                       "installs it where apt-get exists)")
PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>zh-CN</source_lang>
        <target_lang>en</target_lang>
        <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
"""
UNKNOWN = "这一句不在翻译记忆里。"


def test_omegat_fills_a_project_from_the_corpus_tmx(tmp_path: Path):
    from pipeline.run import run_corpus

    out = tmp_path / "out"
    run_corpus(SAMPLE_CORPUS, out, progress=False)
    units = etree.parse(str(out / "corpus.tmx")).getroot().findall("body/tu")
    pairs = [tuple(tuv.find("seg").text for tuv in tu.findall("tuv")) for tu in units]
    assert len(pairs) >= 10

    project = tmp_path / "project"
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(PROJECT, "utf-8")
    shutil.copy(out / "corpus.tmx", project / "tm" / "auto" / "duiqi.tmx")
    source = [zh for zh, _ in pairs] + [UNKNOWN]
    (project / "source" / "segments.txt").write_text("\n\n".join(source) + "\n", "utf-8")

    done = subprocess.run([OMEGAT, str(project), "--mode=console-translate",
                           f"--config-dir={tmp_path / 'config'}", "--no-team"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Created by: duiqi" in done.stdout + done.stderr  # OmegaT read the header
    target = (project / "target" / "segments.txt").read_text("utf-8").split("\n\n")
    assert [line.strip() for line in target] == [en for _, en in pairs] + [UNKNOWN]
