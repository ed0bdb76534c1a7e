"""`views` as a library: what each command shows, as plain data."""

import pytest

from openai_landscape import query, views
from openai_landscape.catalog import load

from .conftest import MINI


@pytest.fixture(scope="module")
def catalog():
    return load([MINI], bundled=False, use_cache=False)


def test_models_listing_keeps_field_names_and_human_headings_apart(catalog):
    listing = views.models_listing(catalog, query.select_models(catalog, query.ModelQuery()))
    assert listing.fields[:3] == ["id", "name", "aliases"]
    headings = {c.key: c.heading for c in listing.columns}
    assert headings["release_date"] == "Released" and headings["params_b"] == "Params (B)"
    assert len(listing) == 7 and listing.rows[0]["id"] == "acme-chat"


def test_marks_not_words_for_booleans_in_tables():
    assert (views.mark(True), views.mark(False), views.mark(None)) == ("✓", "✗", "")


def test_show_document_has_json_flat_and_blocks(catalog):
    doc = views.show_document(catalog, "models", catalog.models["acme-2-70b"])
    assert doc.json["record_type"] == "model" and doc.json["id"] == "acme-2-70b"
    titles = [b[1] if b[0] == "pairs" else b[1].title for b in doc.blocks]
    assert titles[0] == "Acme-2 70B (acme-2-70b)" and "Sources" in titles
    lineage = dict(doc.blocks[0][2])["Lineage"]
    assert lineage == "acme-2-70b <- acme-1-7b"


def test_compare_document_marks_the_differing_fields(catalog):
    doc = views.compare_document(catalog, [catalog.models["bleu-7b"], catalog.models["bleu-moe"]], only_differences=True)
    assert "architecture" in doc.json["differing_fields"] and "family" not in doc.json["differing_fields"]
    assert all(row["differs"] for row in doc.flat.rows)


def test_info_object_reports_completeness_and_sources(catalog):
    info = views.info_object(catalog, "0")
    assert info["models"] == 7 and info["completeness"]["open_weights_models"] == 5
    assert info["sources"]["models_secondary_only"] == 7  # example.org is no primary source


def test_stats_figure_and_its_numbers(catalog):
    fig = views.stats_figure(catalog, query.select_models(catalog, query.ModelQuery()), "org", 10)
    assert fig.json["rows"] == [
        {"group": "acme", "open": 2, "closed": 2, "total": 4},
        {"group": "bleu", "open": 2, "closed": 0, "total": 2},
        {"group": "dragon", "open": 1, "closed": 0, "total": 1},
    ]
    assert fig.flat.fields[:5] == ["breakdown", "group", "open", "closed", "total"]
