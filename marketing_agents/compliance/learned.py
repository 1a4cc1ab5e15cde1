"""A learned second opinion on the claim areas: one text classifier per area.

Seven rounds of hand-written claim classes reach 0.99-1.00 recall on the files they were
tuned on and no further on each next writer's copy (``tests/compliance/corpora/TUNING-LOG.md``):
they carry what one set of writers wrote, not what the next will. A plain logistic
regression over word (1-2) and character (3-5) n-grams of the copy and its evidence, fitted
on every labelled dev snippet, does as well as the rules on unseen copy and disagrees with
them in useful places (``bench/learned_baseline.py``). It is what
:mod:`~marketing_agents.compliance.second_opinion` asks.

The model is built from the labelled corpora at packaging time
(``python -m marketing_agents.compliance.learned_build``, run by ``make model``, ``make run``,
``make test`` and azd's prepackage hook) into :data:`MODEL_PATH`, next to this module, and
never at run time. Only the five claim areas a text classifier can see are modelled;
constraints, platform limits, brand and accessibility depend on the brief or the artifact's
shape, and the rules alone decide them.

The file is a joblib pickle and is only ever read from :data:`MODEL_PATH`, which the build
writes; no path from a request, a setting or a brief reaches :func:`load_model`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from .morphology import FUNCTION_WORDS, tokens

MODEL_PATH = Path(__file__).with_name("learned-model.joblib")
CLAIM_AREAS = ("environmental", "health", "financial", "endorsements", "advertising")
FORMAT = 3  # bumped when what is pickled changes shape; an older file is not loaded




STEM_CHARS = 5  # a word family shares its first letters: recycled, recyclable; protein, proteins


def content_words(text: str, ignored: frozenset[str] = frozenset()) -> set[str]:
    """The word families and numbers of ``text``, beyond function words and ``ignored``."""
    return {t.lemma[:STEM_CHARS] if t.is_word else t.lower for t in tokens(text)
            if ((t.is_word and len(t.lower) > 2) or t.lower[:1].isdigit())
            and t.lemma not in FUNCTION_WORDS and t.lemma not in ignored}


def relevant_evidence(text: str, evidence: Sequence[str], product: str = "") -> list[str]:
    """The evidence items that speak to ``text``: those sharing a content word or a number
    with it (the product's own name does not count; every item names it).

    A bag-of-words model cannot tell whether an item supports a claim or is about something
    else, and in the labelled copy evidence mostly comes with claims it supports, so given
    every item it learns "evidence present: fine". Measured on the held-out splits, two
    unrelated items added to every brief cost the all-evidence model 2 points of recall;
    this selection loses nothing to them (docs/compliance.md)."""
    ignored = product_words(product)
    mine = content_words(text, ignored)
    return [item for item in evidence if content_words(item, ignored) & mine]


def product_words(product: str) -> frozenset[str]:
    """The lemmas of the product's name, which every evidence item and claim may name."""
    return frozenset(t.lemma for t in tokens(product) if t.is_word)


PRODUCT_MARK = "productname"  # what the classifier reads in place of the product's own name
AUDIENCE_MARK = "audiencename"  # and in place of the brief's description of its audience
MAX_AUDIENCE_WORDS = 40  # enough for any description of an audience; bounds the search below
_WORD = re.compile(r"[\w'’-]+")


def without_product(text: str, product: str) -> str:
    """``text`` with the product's name replaced by :data:`PRODUCT_MARK`. A name is not a
    claim the copy makes, and "EcoBottle", "GreenLeaf Matcha" or "VitaBoost" would teach the
    model that a name's green or health words are what a violation looks like: one plain
    "Meet GreenLeaf Matcha." before a clean snippet was enough to add an environmental
    finding (bench/audit_eval.py --perturb paragraph)."""
    name = product.strip()
    if not name:
        return text
    return re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", PRODUCT_MARK, text, flags=re.IGNORECASE)


def without_audience(text: str, audience: str) -> str:
    """``text`` with its quotations of the brief's target audience replaced by
    :data:`AUDIENCE_MARK`: a run of three or more of the audience's words in its order, or of
    two when one is a compound ("eco-conscious millennials"). Copy that addresses its audience
    ("made for eco-conscious millennials who hike, commute and hate waste") makes no claim
    about the product, as the rules already read it (findings.names_audience); the offline
    writers' EcoBottle campaign was blocked as a green claim on that sentence. Two plain
    words an audience and a claim share ("the planet") stay."""
    wanted = [w.lower() for w in _WORD.findall(audience)][:MAX_AUDIENCE_WORDS]
    if len(wanted) < 2:
        return text
    starts: dict[str, list[int]] = {}
    for k, word in enumerate(wanted):
        starts.setdefault(word, []).append(k)
    words = list(_WORD.finditer(text))
    lowered = [m.group().lower() for m in words]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        longest = 0
        for k in starts.get(lowered[i], ()):
            n = 0
            while i + n < len(words) and k + n < len(wanted) and lowered[i + n] == wanted[k + n]:
                n += 1
            longest = max(longest, n)
        if longest >= 3 or (longest == 2 and any("-" in w for w in lowered[i:i + 2])):
            spans.append((words[i].start(), words[i + longest - 1].end()))
            i += longest
        else:
            i += 1
    for start, end in reversed(spans):
        text = text[:start] + AUDIENCE_MARK + text[end:]
    return text


def masked(text: str, product: str, audience: str) -> str:
    """What the classifier reads of a text: without the product's name and the audience."""
    return without_product(without_audience(text, audience), product)


def document(text: str, evidence: Sequence[str], product: str = "", audience: str = "") -> str:
    """What the classifier reads: the text, then the evidence items that speak to it (a claim
    the evidence supports reads differently from the same claim alone), the product's name
    and the brief's audience masked in both. Training and use share it."""
    items = relevant_evidence(text, evidence, product)
    return (f"{masked(text, product, audience)} || evidence: "
            + " | ".join(masked(item, product, audience) for item in items))


@dataclass(frozen=True)
class TrainingExample:
    document: str
    blocking_areas: frozenset[str]  # areas labelled High/Critical


@dataclass(frozen=True)
class LearnedModel:
    """The fitted vectorisers and one classifier per claim area, with where they came from."""

    version: str  # digest of the training data and the scikit-learn version
    trained_on: int  # labelled snippets
    sources: tuple[str, ...]  # the corpus files
    words: TfidfVectorizer
    chars: TfidfVectorizer
    classifiers: dict[str, LogisticRegression]

    def _features(self, documents: Sequence[str]) -> csr_matrix:
        return hstack([self.words.transform(documents), self._char_features(documents)]).tocsr()

    @cached_property
    def _char_features(self) -> CharFeatures:
        return CharFeatures(self.chars)

    @cached_property
    def _weights(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The areas' coefficients as one matrix: one sparse product answers every area
        (what each binary ``predict_proba`` computes, without five passes)."""
        areas = list(self.classifiers)
        weights = np.vstack([self.classifiers[a].coef_[0] for a in areas])
        return areas, weights, np.array([self.classifiers[a].intercept_[0] for a in areas])

    def probabilities(self, documents: Sequence[str]) -> list[dict[str, float]]:
        """p(a blocking problem of the area) for each document, per claim area."""
        if not documents:
            return []
        areas, weights, intercepts = self._weights
        logits = np.asarray(self._features(documents) @ weights.T) + intercepts
        p = 1.0 / (1.0 + np.exp(-logits))
        return [dict(zip(areas, map(float, row), strict=True)) for row in p]


class CharFeatures:
    """A fitted ``char_wb`` vectoriser's ``transform``, word by word.

    ``char_wb`` n-grams never cross a word, so a document's counts are the sum of its words'
    counts, and most of a word's n-grams are not in the vocabulary (each costs the fitted
    vectoriser a failed lookup in a Python loop). A campaign repeats its words across the
    fields and sentences asked about, so each word's vocabulary indices are read once per
    call and a document's counts are added up by scipy. The features are the fitted
    vectoriser's (tests/compliance/test_second_opinion.py); on the bench campaign the
    transform takes half the time, and the audit 4 ms less (bench/audit_eval.py
    --second-opinion: median 47.2 → 43.1 ms)."""

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        if vectorizer.analyzer != "char_wb":
            raise ValueError("CharFeatures reads a char_wb vectoriser")
        self._preprocess = vectorizer.build_preprocessor()
        self._width = len(vectorizer.vocabulary_)
        self._weighting = TfidfTransformer(norm=vectorizer.norm, use_idf=vectorizer.use_idf,
                                           smooth_idf=vectorizer.smooth_idf, sublinear_tf=vectorizer.sublinear_tf)
        self._weighting.idf_ = vectorizer.idf_
        self._analyze = vectorizer.build_analyzer()  # one word in, that word's n-grams out
        self._vocabulary: dict[str, int] = vectorizer.vocabulary_

    def __call__(self, documents: Sequence[str]) -> csr_matrix:
        known: dict[str, np.ndarray] = {}  # per call: nothing of one audit's copy outlives it
        vocabulary, analyze = self._vocabulary, self._analyze

        def indices(word: str) -> np.ndarray:
            found = known.get(word)
            if found is None:
                found = known[word] = np.fromiter((vocabulary[g] for g in analyze(word) if g in vocabulary),
                                                  dtype=np.int32)
            return found

        # the split char_wb makes: str.split, any run of white space
        rows = [[indices(word) for word in self._preprocess(d).split()] for d in documents]
        lengths = [sum(len(i) for i in row) for row in rows]
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        parts = [i for row in rows for i in row]
        columns = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
        counts = csr_matrix((np.ones(len(columns)), columns, indptr), shape=(len(documents), self._width))
        counts.sum_duplicates()
        return self._weighting.transform(counts, copy=False)


def train(examples: Sequence[TrainingExample], sources: Sequence[str], snippets: int | None = None) -> LearnedModel:
    """Fit the vectorisers and the per-area classifiers on ``examples``, made from ``snippets``
    labelled snippets (``len(examples)`` unless the build added padded copies of them).

    The settings are the bench's (``bench/learned_baseline.py``), not tuned on any held-out
    file: balanced class weights (blocking units are a minority in every area), C=4.
    """
    if not examples:
        raise ValueError("no labelled snippets to train on")
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True)
    documents = [e.document for e in examples]
    features = hstack([words.fit_transform(documents), chars.fit_transform(documents)]).tocsr()
    classifiers = {}
    for area in CLAIM_AREAS:
        labels = [area in e.blocking_areas for e in examples]
        if len(set(labels)) < 2:
            raise ValueError(f"the training snippets have no {'blocking' if not any(labels) else 'clean'} "
                             f"{area} unit; a classifier needs both")
        classifiers[area] = LogisticRegression(C=4, max_iter=2000, class_weight="balanced").fit(features, labels)
    digest = hashlib.sha256(sklearn.__version__.encode())
    for e in examples:
        digest.update(e.document.encode())
        digest.update(",".join(sorted(e.blocking_areas)).encode())
    return LearnedModel(digest.hexdigest()[:12], snippets if snippets is not None else len(examples), tuple(sources),
                        words, chars, classifiers)


def save_model(model: LearnedModel, path: Path = MODEL_PATH) -> None:
    tmp = path.with_suffix(".tmp")
    joblib.dump({"format": FORMAT, "sklearn": sklearn.__version__, "model": model}, tmp, compress=3)
    tmp.replace(path)  # never a half-written model where the auditor looks


class ModelUnavailable(Exception):
    """Why there is no second opinion (said in every report's ``notChecked``)."""


@cache
def load_model() -> LearnedModel:
    """The packaged model; :class:`ModelUnavailable` when it was not built or was built by
    another scikit-learn (whose pickles this one may not read the same way)."""
    return read_model(MODEL_PATH)


def read_model(path: Path) -> LearnedModel:
    """A model file :func:`save_model` wrote. The app reads only :data:`MODEL_PATH`; the
    benchmarks read models built from fewer files (``bench/audit_eval.py --model``)."""
    if not path.is_file():
        raise ModelUnavailable("learned second opinion: no model built (make model); rules only")
    try:
        stored: Any = joblib.load(path)
    except Exception as error:  # a truncated or foreign file: any unpickling error
        raise ModelUnavailable(f"learned second opinion: the model file cannot be read ({type(error).__name__}); "
                               "rebuild it (make model); rules only") from error
    if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("sklearn") != sklearn.__version__:
        raise ModelUnavailable("learned second opinion: the model was built by another version; "
                               "rebuild it (make model); rules only")
    model = stored["model"]
    if not isinstance(model, LearnedModel):
        raise ModelUnavailable("learned second opinion: the model file is not a model; rebuild it (make model)")
    return model
