"""Rendered tables pinned at 80 and 120 columns for the mini fixture (exact text, as hatch does):
a layout change shows up here as a diff to review."""

import pytest

from .conftest import MINI

EXPECTED = {
    (80, ('models',)): (
        'Name           Org     Released    Open  Access              Params (B)  Context\n'
        '─────────────  ──────  ──────────  ────  ──────────────────  ──────────  ───────\n'
        'Acme Chat      acme    2022-11-30  ✗     hosted                       —        —\n'
        'Acme-1 7B      acme    2023-02-24  ✓     open-noncommercial           7    2,048\n'
        'Acme-2 70B     acme    2023-07-18  ✓     open-restricted             70    4,096\n'
        'Bleu 7B        bleu    2023-09-27  ✓     open-unrestricted          7.3    8,192\n'
        'Bleu MoE 8x7B  bleu    2023-12     ✓     open-unrestricted         46.7   32,768\n'
        'Acme Vision    acme    2024        ✗     api                          —        —\n'
        'Dragon R       dragon  2025-01-20  ✓     open-unrestricted          671  131,072\n'
    ),
    (80, ('timeline', '--since', '2023')): (
        'Date        What           Title                      Who     Open\n'
        '──────────  ─────────────  ─────────────────────────  ──────  ────\n'
        '2023\n'
        '2023-02-24  model          Acme-1 7B                  acme    ✓\n'
        '2023-03     leak           Acme-1 weights leaked      acme    ✓\n'
        '2023-07-18  model          Acme-2 70B                 acme    ✓\n'
        '2023-09-27  model          Bleu 7B                    bleu    ✓\n'
        '2023-12     model          Bleu MoE 8x7B              bleu    ✓\n'
        '\n'
        '2024\n'
        '2024        model          Acme Vision                acme    ✗\n'
        '2024-03-17  access-change  Dragon R weights released  dragon  ✓\n'
        '2024-08-01  regulation     AI Act enters into force\n'
        '\n'
        '2025\n'
        '2025-01-20  model          Dragon R                   dragon  ✓\n'
    ),
    (80, ('orgs',)): (
        'Name                 Country  Kind     Founded  Parent  Models  Open  Closed\n'
        '───────────────────  ───────  ───────  ───────  ──────  ──────  ────  ──────\n'
        'Acme AI              US       company  2015-12  —            4     2       2\n'
        'Bleu Labs            FR       lab      2023-04  —            2     2       0\n'
        'Dragon Intelligence  CN       company  —        —            1     1       0\n'
    ),
    (80, ('show', 'bleu-moe')): (
        'Bleu MoE 8x7B (bleu-moe)\n'
        'ID            bleu-moe\n'
        'Organisation  Bleu Labs (bleu, FR)\n'
        'Family        bleu\n'
        'Released      2023-12\n'
        'Access        open-unrestricted (open weights: yes)\n'
        'Licence       Apache License 2.0 (apache-2.0; OSI-approved, commercial use: yes)\n'
        'Architecture  moe\n'
        'Params (B)    46.7\n'
        'Active (B)    12.9\n'
        'Context       32,768\n'
        'Input         text\n'
        'Output        text\n'
        'Open source   no\n'
        'Origins       MINI/models.toml:67\n'
        '\n'
        'Sources\n'
        'Kind          Primary  URL\n'
        '────────────  ───────  ────────────────────────────\n'
        'unclassified  ✗        https://example.org/bleu-moe\n'
    ),
    (80, ('compare', 'acme-1-7b', 'bleu-moe', 'dragon-r')): (
        'Field          acme-1-7b           bleu-moe           dragon-r\n'
        '─────────────  ──────────────────  ─────────────────  ─────────────────\n'
        'ID *           acme-1-7b           bleu-moe           dragon-r\n'
        'Name *         Acme-1 7B           Bleu MoE 8x7B      Dragon R\n'
        'Aliases *      acme1-7b            —                  —\n'
        'Org *          acme                bleu               dragon\n'
        'Family *       acme-1              bleu               —\n'
        'Released *     2023-02-24          2023-12            2025-01-20\n'
        'Announced      —                   —                  —\n'
        'Weights since  —                   —                  —\n'
        'Access *       open-noncommercial  open-unrestricted  open-unrestricted\n'
        'Gated *        ✓                   —                  —\n'
        'Licence *      research-only       apache-2.0         apache-2.0\n'
        'Arch *         dense               moe                moe\n'
        'Params (B) *   7                   46.7               671\n'
        'Active (B) *   —                   12.9               37\n'
        'Context *      2048                32768              131072\n'
        'Native ctx     —                   —                  —\n'
        'Ctx basis      —                   —                  —\n'
        'Input          text                text               text\n'
        'Output         text                text               text\n'
        'Base model     —                   —                  —\n'
        'Relation       —                   —                  —\n'
        'Teacher        —                   —                  —\n'
        'Succeeds       —                   —                  —\n'
        'Notes          —                   —                  —\n'
        'Open           ✓                   ✓                  ✓\n'
    ),
    (80, ('licenses',)): (
        'ID              Name                    SPDX        OSI  Commercial   Models\n'
        '──────────────  ──────────────────────  ──────────  ───  ───────────  ──────\n'
        'acme-community  Acme Community License  —           ✗    conditional       1\n'
        'apache-2.0      Apache License 2.0      Apache-2.0  ✓    yes               3\n'
        'research-only   Research Only License   —           ✗    no                1\n'
    ),
    (120, ('models',)): (
        'Name           Org     Released    Open  Access              Params (B)  Licence         Arch   Active (B)  Context\n'
        '─────────────  ──────  ──────────  ────  ──────────────────  ──────────  ──────────────  ─────  ──────────  ───────\n'
        'Acme Chat      acme    2022-11-30  ✗     hosted                       —  —               —               —        —\n'
        'Acme-1 7B      acme    2023-02-24  ✓     open-noncommercial           7  research-only   dense           —    2,048\n'
        'Acme-2 70B     acme    2023-07-18  ✓     open-restricted             70  acme-community  dense           —    4,096\n'
        'Bleu 7B        bleu    2023-09-27  ✓     open-unrestricted          7.3  apache-2.0      dense           —    8,192\n'
        'Bleu MoE 8x7B  bleu    2023-12     ✓     open-unrestricted         46.7  apache-2.0      moe          12.9   32,768\n'
        'Acme Vision    acme    2024        ✗     api                          —  —               —               —        —\n'
        'Dragon R       dragon  2025-01-20  ✓     open-unrestricted          671  apache-2.0      moe            37  131,072\n'
    ),
    (120, ('timeline', '--since', '2023')): (
        'Date        What           Title                      Who     Open  ID\n'
        '──────────  ─────────────  ─────────────────────────  ──────  ────  ───────────────\n'
        '2023\n'
        '2023-02-24  model          Acme-1 7B                  acme    ✓     acme-1-7b\n'
        '2023-03     leak           Acme-1 weights leaked      acme    ✓     acme-1-leak\n'
        '2023-07-18  model          Acme-2 70B                 acme    ✓     acme-2-70b\n'
        '2023-09-27  model          Bleu 7B                    bleu    ✓     bleu-7b\n'
        '2023-12     model          Bleu MoE 8x7B              bleu    ✓     bleu-moe\n'
        '\n'
        '2024\n'
        '2024        model          Acme Vision                acme    ✗     acme-vision\n'
        '2024-03-17  access-change  Dragon R weights released  dragon  ✓     dragon-r-opened\n'
        '2024-08-01  regulation     AI Act enters into force                 ai-act\n'
        '\n'
        '2025\n'
        '2025-01-20  model          Dragon R                   dragon  ✓     dragon-r\n'
    ),
    (120, ('orgs',)): (
        'ID      Name                 Country  Kind     Founded  Parent  Models  Open  Closed\n'
        '──────  ───────────────────  ───────  ───────  ───────  ──────  ──────  ────  ──────\n'
        'acme    Acme AI              US       company  2015-12  —            4     2       2\n'
        'bleu    Bleu Labs            FR       lab      2023-04  —            2     2       0\n'
        'dragon  Dragon Intelligence  CN       company  —        —            1     1       0\n'
    ),
    (120, ('show', 'bleu-moe')): (
        'Bleu MoE 8x7B (bleu-moe)\n'
        'ID            bleu-moe\n'
        'Organisation  Bleu Labs (bleu, FR)\n'
        'Family        bleu\n'
        'Released      2023-12\n'
        'Access        open-unrestricted (open weights: yes)\n'
        'Licence       Apache License 2.0 (apache-2.0; OSI-approved, commercial use: yes)\n'
        'Architecture  moe\n'
        'Params (B)    46.7\n'
        'Active (B)    12.9\n'
        'Context       32,768\n'
        'Input         text\n'
        'Output        text\n'
        'Open source   no\n'
        'Origins       MINI/models.toml:67\n'
        '\n'
        'Sources\n'
        'Kind          Primary  URL\n'
        '────────────  ───────  ────────────────────────────\n'
        'unclassified  ✗        https://example.org/bleu-moe\n'
    ),
    (120, ('compare', 'acme-1-7b', 'bleu-moe', 'dragon-r')): (
        'Field          acme-1-7b           bleu-moe           dragon-r\n'
        '─────────────  ──────────────────  ─────────────────  ─────────────────\n'
        'ID *           acme-1-7b           bleu-moe           dragon-r\n'
        'Name *         Acme-1 7B           Bleu MoE 8x7B      Dragon R\n'
        'Aliases *      acme1-7b            —                  —\n'
        'Org *          acme                bleu               dragon\n'
        'Family *       acme-1              bleu               —\n'
        'Released *     2023-02-24          2023-12            2025-01-20\n'
        'Announced      —                   —                  —\n'
        'Weights since  —                   —                  —\n'
        'Access *       open-noncommercial  open-unrestricted  open-unrestricted\n'
        'Gated *        ✓                   —                  —\n'
        'Licence *      research-only       apache-2.0         apache-2.0\n'
        'Arch *         dense               moe                moe\n'
        'Params (B) *   7                   46.7               671\n'
        'Active (B) *   —                   12.9               37\n'
        'Context *      2048                32768              131072\n'
        'Native ctx     —                   —                  —\n'
        'Ctx basis      —                   —                  —\n'
        'Input          text                text               text\n'
        'Output         text                text               text\n'
        'Base model     —                   —                  —\n'
        'Relation       —                   —                  —\n'
        'Teacher        —                   —                  —\n'
        'Succeeds       —                   —                  —\n'
        'Notes          —                   —                  —\n'
        'Open           ✓                   ✓                  ✓\n'
    ),
    (120, ('licenses',)): (
        'ID              Name                    SPDX        OSI  Commercial   Models\n'
        '──────────────  ──────────────────────  ──────────  ───  ───────────  ──────\n'
        'acme-community  Acme Community License  —           ✗    conditional       1\n'
        'apache-2.0      Apache License 2.0      Apache-2.0  ✓    yes               3\n'
        'research-only   Research Only License   —           ✗    no                1\n'
    ),
}


@pytest.mark.parametrize(("width", "argv"), list(EXPECTED))
def test_table_layout_is_exactly_as_reviewed(run, monkeypatch, width, argv):
    monkeypatch.setenv("COLUMNS", str(width))
    # `show` names the file a record came from: the checkout's own path is not part of the layout
    assert run(*argv).stdout.replace(str(MINI), "MINI") == EXPECTED[(width, argv)]


@pytest.mark.parametrize(("width", "argv"), list(EXPECTED))
def test_no_line_is_wider_than_the_terminal_except_whole_urls(run, monkeypatch, width, argv):
    monkeypatch.setenv("COLUMNS", str(width))
    for line in run(*argv).stdout.splitlines():
        assert len(line) <= width or "https://" in line, line

