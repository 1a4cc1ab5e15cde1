"""Build the learned second opinion's model from the labelled dev corpora.

    python -m marketing_agents.compliance.learned_build [--corpora DIR] [--out FILE]

Run at packaging time (``make model``; azd's prepackage hook), never by the app. It reads the
dev files only, ``dev*.yaml`` in the corpora folder (FORMAT.md), but those marked
``first_sight: true``: they and the held-out splits (``test.yaml``, ``holdout.yaml``)
measure the model and are never trained on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .evaluation import BLOCKING, CorpusError, Snippet, is_first_sight, load_corpus
from .fields import artifact_fields, artifact_text
from .learned import MODEL_PATH, TrainingExample, document, save_model, train

DEFAULT_CORPORA = Path(__file__).resolve().parents[2] / "tests" / "compliance" / "corpora"


def snippet_document(snippet: Snippet) -> str:
    """A labelled snippet as the classifier reads a field of a campaign (its text and the
    brief's evidence that speaks to it), so that training and the audit see the same thing.
    A snippet is one piece of copy or one post (a poster's few fields together): about
    what one field of a campaign holds, which is why the audit asks per field."""
    layouts = snippet.context.layouts()
    text = "\n".join(artifact_text(artifact_fields(layout)) for layout in layouts.values())
    brief = snippet.context.brief
    return document(text, brief.evidence, brief.product)


def training_example(snippet: Snippet) -> TrainingExample:
    areas = frozenset(e.area for e in snippet.expectations if e.severity in BLOCKING)
    return TrainingExample(snippet_document(snippet), areas)


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
        examples = [training_example(s) for path in files for s in load_corpus(path)]
        model = train(examples, [p.name for p in files])
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
