"""Numbers of every sentence of both languages, placed in the document as ``record.Number``."""
from __future__ import annotations

from pipeline.extract.numbers_en import find_english_numbers
from pipeline.extract.numbers_zh import find_chinese_numbers
from pipeline.extract.spans import SourceMap
from pipeline.record import ZH, Document, Number

READERS = {ZH: find_chinese_numbers}


def find_numbers(doc: Document) -> list[Number]:
    """All numbers, Chinese side first, each in sentence and text order."""
    numbers = []
    for lang in sorted(doc.sentences, key=lambda lang: lang != ZH):
        read = READERS.get(lang, find_english_numbers)
        source = SourceMap(doc, lang)
        for sentence in doc.side(lang):
            for q in read(sentence.text):
                start, end = source.span(sentence, q.start, q.end)
                numbers.append(Number(lang, sentence.text[q.start:q.end], float(q.value), q.unit,
                                      sentence.index, start, end,
                                      None if q.high is None else float(q.high), q.comparator,
                                      q.kind))
    return numbers
