"""Build the learned second opinion's model from the labelled dev corpora.

    python -m marketing_agents.compliance.learned_build [--corpora DIR] [--out FILE]

Run at packaging time (``make model``; azd's prepackage hook), never by the app. It reads the
dev files only, ``dev*.yaml`` in the corpora folder (FORMAT.md), but those marked
``first_sight: true``: they and the held-out splits (``test.yaml``, ``holdout.yaml``)
measure the model and are never trained on.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterable
from pathlib import Path

from .evaluation import BLOCKING, CorpusError, Snippet, is_first_sight, load_corpus
from .fields import artifact_fields, artifact_text
from .learned import MODEL_PATH, PRODUCT_MARK, TrainingExample, document, save_model, train

DEFAULT_CORPORA = Path(__file__).resolve().parents[2] / "tests" / "compliance" / "corpora"


def snippet_document(snippet: Snippet) -> str:
    """A labelled snippet as the classifier reads a field of a campaign (its text and the
    brief's evidence that speaks to it), so that training and the audit see the same thing.
    A snippet is one piece of copy or one post (a poster's few fields together): about
    what one field of a campaign holds, which is why the audit asks per field."""
    layouts = snippet.context.layouts()
    text = "\n".join(artifact_text(artifact_fields(layout)) for layout in layouts.values())
    brief = snippet.context.brief
    return document(text, brief.evidence, brief.product, brief.target_audience)


def training_example(snippet: Snippet) -> TrainingExample:
    areas = frozenset(e.area for e in snippet.expectations if e.severity in BLOCKING)
    return TrainingExample(snippet_document(snippet), areas)


# Sentences that say nothing a reviewer would flag, put around a copy of each training snippet.
# They are not the ones the perturbation checks use (compliance/perturb.py), which must stay a
# test of what the model learned, not of what it was shown.
PLAIN_OPENINGS = ("Say hello to {product}.", "Introducing {product}.", "This is {product}.",
                  "Here's what's new at {product}.", "Hi there.", "We've been busy.", "Something new is here.",
                  "Big news from the team.")
PLAIN_CLOSINGS = ("See the full range online.", "Read more on the website.", "Pop in and say hello.",
                  "Questions? Our team can help.", "Browse the collection in store.", "Tell us what you think.",
                  "Follow us for more.", "Thanks for reading.")


def with_padded_copies(examples: Iterable[TrainingExample], seed: int = 7) -> list[TrainingExample]:
    """Each example, and a copy of it between a plain opening and closing sentence.

    Campaign copy holds its claims among sentences that claim nothing; a labelled snippet is
    mostly the claim. Asked about a field, a model that has only seen bare claims reads the
    plain sentences as dilution, and its answer near a cut-off moves: "Meet <product>. ... Find
    out more on our site." around two clean snippets kept the rules' wrong blocks that the
    model had demoted when each stood alone (bench/audit_eval.py --perturb paragraph). Shown
    each snippet both ways, it learns that such sentences carry no signal (TUNING-LOG.md,
    round 9). The seed makes the build reproducible: the same files give the same model."""
    chooser = random.Random(seed)
    out: list[TrainingExample] = []
    for example in examples:
        text, separator, evidence = example.document.partition(" || evidence: ")
        opening = chooser.choice(PLAIN_OPENINGS).format(product=PRODUCT_MARK)
        closing = chooser.choice(PLAIN_CLOSINGS)
        out += [example, TrainingExample(f"{opening} {text} {closing}{separator}{evidence}", example.blocking_areas)]
    return out


def dev_files(corpora: Path) -> list[Path]:
    """The dev files to train on: ``dev*.yaml`` but those marked ``first_sight: true``
    (FORMAT.md), which measure the model until the round that writes the next ones."""
    return [path for path in sorted(corpora.glob("dev*.yaml")) if not is_first_sight(path)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m marketing_agents.compliance.learned_build",
        description="Build the learned second opinion's model from the labelled dev corpora (dev*.yaml).")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder of corpus files")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where the model is written")
    args = parser.parse_args(argv)
    try:
        files = dev_files(args.corpora)
        if not files:
            print(f"error: no dev*.yaml corpus to train on in {args.corpora}", file=sys.stderr)
            return 2
        labelled = [training_example(s) for path in files for s in load_corpus(path)]
        model = train(with_padded_copies(labelled), [p.name for p in files], snippets=len(labelled))
    except (CorpusError, ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        save_model(model, args.out)
    except OSError as error:
        print(f"error: cannot write {args.out}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"learned model {model.version}: {model.trained_on} snippets from {len(files)} files -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
