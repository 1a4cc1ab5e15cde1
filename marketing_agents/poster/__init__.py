"""The chosen poster concept rendered to SVG and PNG, and where the files are kept."""

from .background import generate_background
from .layout import HEIGHT, WIDTH, contrast, layout_poster
from .render import render_png, render_poster, render_svg
from .store import (
    CONTENT_TYPES,
    BlobPosterStore,
    LocalPosterStore,
    PosterKind,
    PosterStore,
    build_poster_store,
    poster_key,
)

__all__ = [
    "CONTENT_TYPES",
    "HEIGHT",
    "WIDTH",
    "BlobPosterStore",
    "LocalPosterStore",
    "PosterKind",
    "PosterStore",
    "build_poster_store",
    "contrast",
    "generate_background",
    "layout_poster",
    "poster_key",
    "render_png",
    "render_poster",
    "render_svg",
]
