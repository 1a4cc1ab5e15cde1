"""The poster renderer (SVG and PNG), its stores, and the image-model background."""

from __future__ import annotations

import asyncio
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from marketing_agents.llm.settings import load_model_settings
from marketing_agents.models import PosterConcept
from marketing_agents.poster import (
    HEIGHT,
    WIDTH,
    BlobPosterStore,
    LocalPosterStore,
    build_poster_store,
    contrast,
    generate_background,
    layout_poster,
    render_poster,
)
from marketing_agents.settings import ConfigError, load_settings
from tests.llm.fake_openai import FakeOpenAI, RunningServer, tiny_png

SVG_NS = "{http://www.w3.org/2000/svg}"


def concept(**changes: object) -> PosterConcept:
    fields: dict[str, object] = {
        "headline": "Fresh & cold <script>alert('x')</script>",
        "subline": "Made from 90% recycled steel — cold for 24 hours, wherever the trail goes next summer",
        "call_to_action": "Shop <now> & save",
        "palette": ["#0B3D2E", "#F2C14E", "#FFFFFF"],
        "layout": "headline top left, button bottom",
        "image_prompt": "a bottle on a trail",
        "alt_text": 'Poster: "Fresh & cold" <b>bottle</b>',
    }
    fields.update(changes)
    return PosterConcept.model_validate(fields)


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # parses: the markup is well-formed XML
    return ["".join(t.itertext()) for t in root.iter(f"{SVG_NS}text")]


def test_svg_and_png_show_the_concept_escaped_and_wrapped() -> None:
    svg, png = render_poster(concept())
    assert "<script" not in svg and "&lt;script&gt;" in svg and "&amp;" in svg
    assert "Shop &lt;now&gt; &amp; save" in svg
    root = ET.fromstring(svg)
    assert root.find(f"{SVG_NS}title").text == "Fresh & cold <script>alert('x')</script>"  # type: ignore[union-attr]
    assert root.find(f"{SVG_NS}desc").text == 'Poster: "Fresh & cold" <b>bottle</b>'  # type: ignore[union-attr]
    headline, subline, button = texts(svg)
    assert subline.startswith("Made from 90% recycled steel")
    assert headline.startswith("Fresh & cold")
    assert len(root.find(f"{SVG_NS}text")) > 1  # type: ignore[arg-type]  # wrapped onto several lines
    assert button == "Shop <now> & save"
    assert 'fill="#0B3D2E"' in svg and 'fill="#F2C14E"' in svg
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.size == (WIDTH, HEIGHT) == (1080, 1350)
        image.load()
        assert image.getpixel((10, 10)) == (11, 61, 46)  # the palette's background colour


def test_every_line_fits_inside_the_margins() -> None:
    layout = layout_poster(concept(headline="Supercalifragilisticexpialidocious " * 4, subline="word " * 80))
    from marketing_agents.poster.layout import MARGIN, text_width

    for block in (layout.headline, layout.subline):
        for line in block.lines:
            assert text_width(line, block.size) <= WIDTH - 2 * MARGIN
    assert layout.subline.baselines[-1] < layout.button.y


def test_text_colours_are_readable_whatever_the_palette() -> None:
    for palette in (["#FFFFFF", "#FFFF00"], ["#000000", "#111111"], ["#777777", "#888888"], ["nonsense", "#12"]):
        layout = layout_poster(concept(palette=palette))
        assert contrast(layout.headline.colour, layout.background) >= 4.5
        assert contrast(layout.button.label.colour, layout.button.colour) >= 4.5


def test_an_image_background_is_embedded(tmp_path: Path) -> None:
    svg, png = render_poster(concept(), background=tiny_png(colour=(200, 30, 30)))
    assert "data:image/jpeg;base64," in svg
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (WIDTH, HEIGHT)
    svg_plain, _ = render_poster(concept(), background=b"not an image")
    assert "<image" not in svg_plain  # garbage is ignored, never embedded


def test_the_image_model_paints_the_background() -> None:
    fake = FakeOpenAI()
    fake.image_png = tiny_png()
    with RunningServer(fake.app) as server:
        settings = load_model_settings(
            load_settings({
                "MODEL_PROVIDER": "openai_compatible",
                "MODEL_BASE_URL": server.base_url,
                "MODEL_NAME": "m",
                "MODEL_IMAGE": "painter",
            })
        )
        picture = asyncio.run(generate_background(settings, concept()))
    assert picture == fake.image_png
    assert fake.requests[0]["model"] == "painter" and "no text" in fake.requests[0]["prompt"]
    assert asyncio.run(generate_background(None, concept())) is None


def test_local_store_saves_and_loads(tmp_path: Path) -> None:
    store = build_poster_store(load_settings({"POSTER_DIR": str(tmp_path)}))
    assert isinstance(store, LocalPosterStore)
    svg, png = render_poster(concept())
    refs = asyncio.run(store.save("cmp-1", "cmp-1:Visual:v1", svg, png))
    assert refs == ("cmp-1/cmp-1:Visual:v1.svg", "cmp-1/cmp-1:Visual:v1.png")
    assert asyncio.run(store.save("cmp-1", "cmp-1:Visual:v1", svg, png)) == refs  # idempotent
    assert asyncio.run(store.load("cmp-1", "cmp-1:Visual:v1", "png")) == png
    assert asyncio.run(store.load("cmp-1", "cmp-1:Visual:v1", "svg")) == svg.encode()
    assert asyncio.run(store.load("cmp-1", "missing", "svg")) is None
    with pytest.raises(ValueError):
        asyncio.run(store.load("..", "x", "svg"))


def test_store_selection_and_errors() -> None:
    blob = build_poster_store(load_settings({"POSTER_STORE": "blob", "POSTER_BLOB_ACCOUNT_URL": "https://acct.blob.core.windows.net"}))
    assert isinstance(blob, BlobPosterStore) and blob.container == "posters"
    with pytest.raises(ConfigError, match="POSTER_BLOB_ACCOUNT_URL"):
        build_poster_store(load_settings({"POSTER_STORE": "blob"}))
    with pytest.raises(ConfigError, match="POSTER_STORE"):
        build_poster_store(load_settings({"POSTER_STORE": "s3"}))
