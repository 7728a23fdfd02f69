"""Chart images: deterministic PNGs and a label placement without overlapping text."""

from __future__ import annotations

import itertools
import random
import struct

from kamgen.render.charts import (
    MAX_LABELS,
    Box,
    BubbleChartTexts,
    BubblePoint,
    LabelRequest,
    ParetoChartTexts,
    bubble_chart_png,
    pareto_chart_png,
    place_labels,
    shorten,
)

TEXTS = BubbleChartTexts(
    x_label="Huidige klantwaarde",
    y_label="Toekomstpotentieel",
    quadrant_names={"development": "Ontwikkelklanten", "strategic": "Strategische klanten",
                    "transactional": "Transactieklanten", "large": "Grote klanten"},
)
SEGMENTS = ("transactional", "development", "large", "strategic")


def crowded_points(count: int = 40, seed: int = 7) -> list[BubblePoint]:
    generator = random.Random(seed)
    return [
        BubblePoint(f"Klant {index} Koeltechniek B.V.", round(generator.uniform(1, 5), 1), round(generator.uniform(1, 5), 1),
                    generator.uniform(10000, 2000000), generator.choice(SEGMENTS))
        for index in range(count)
    ]


def png_chunks(png: bytes) -> list[bytes]:
    chunks = []
    position = 8
    while position < len(png):
        (length,) = struct.unpack(">I", png[position:position + 4])
        chunks.append(png[position + 4:position + 8])
        position += 12 + length
    return chunks


def test_place_labels_avoids_overlap():
    # Five bubbles on one spot: every label must find its own free place.
    requests = [LabelRequest(100, 100, 10, 60, 12) for _ in range(5)]
    placements = place_labels(requests, Box(0, 0, 400, 300))
    boxes = [placement.box for placement in placements]
    assert all(placement is not None for placement in placements)
    for first, second in itertools.combinations(boxes, 2):
        assert not first.overlaps(second)


def test_place_labels_prefers_right_of_bubble():
    # Radius 10 + gap 4 = 14 px to the right, vertically centred: (114, 94).
    placement = place_labels([LabelRequest(100, 100, 10, 60, 12)], Box(0, 0, 400, 300))[0]
    assert placement.box == Box(114, 94, 60, 12)
    assert placement.ring == 0


def test_place_labels_respects_bounds_and_obstacles():
    bounds = Box(0, 0, 200, 100)
    obstacle = Box(0, 80, 200, 20)
    placements = place_labels([LabelRequest(190, 50, 5, 40, 10)], bounds, [obstacle])
    box = placements[0].box
    assert box.inside(bounds)
    assert not box.overlaps(obstacle)


def test_place_labels_gives_up_without_room():
    # A label wider than the whole area cannot be placed anywhere.
    assert place_labels([LabelRequest(50, 50, 5, 500, 10)], Box(0, 0, 100, 100)) == [None]


def test_bubble_chart_labels_do_not_overlap():
    chart = bubble_chart_png(crowded_points(), 3.0, 3.0, TEXTS, "nl")
    assert 0 < len(chart.labelled) <= MAX_LABELS
    for first, second in itertools.combinations(chart.label_boxes + chart.quadrant_boxes, 2):
        assert not first.overlaps(second)


def test_bubble_chart_labels_largest_first():
    points = crowded_points()
    chart = bubble_chart_png(points, 3.0, 3.0, TEXTS, "nl")
    by_revenue = [point.name for point in sorted(points, key=lambda point: -point.revenue)][:MAX_LABELS]
    assert chart.labelled[0] == by_revenue[0]
    assert set(chart.labelled) <= set(by_revenue)


def test_bubble_chart_deterministic_png():
    first = bubble_chart_png(crowded_points(), 3.2, 2.8, TEXTS, "nl")
    second = bubble_chart_png(crowded_points(), 3.2, 2.8, TEXTS, "nl")
    assert first.png == second.png
    assert first.png.startswith(b"\x89PNG\r\n\x1a\n")
    # No text chunk (matplotlib's "Software" entry) and no time chunk.
    assert not {b"tEXt", b"iTXt", b"zTXt", b"tIME"} & set(png_chunks(first.png))


def test_bubble_chart_user_text_literal():
    # Names with markup or mathtext characters get labels under their own name (drawn with parse_math=False).
    points = [BubblePoint("Jansen & Zn <BV>", 4.0, 2.0, 900000, "large"), BubblePoint("$x$ {{ x }}", 2.0, 4.0, 500000, "development")]
    chart = bubble_chart_png(points, 3.0, 3.0, TEXTS, "en")
    assert chart.labelled == ("Jansen & Zn <BV>", "$x$ {{ x }}")


def test_pareto_chart_deterministic_png():
    texts = ParetoChartTexts("Klanten", "Omzet", "Cumulatieve omzet", "Gelijke verdeling", "Top 20 %: 60,7 %")
    customer_shares = [0.25, 0.5, 0.75, 1.0]
    revenue_shares = [0.6066, 0.9016, 0.9803, 1.0]
    first = pareto_chart_png(customer_shares, revenue_shares, 0.25, texts, "nl")
    second = pareto_chart_png(customer_shares, revenue_shares, 0.25, texts, "nl")
    assert first == second
    assert first.startswith(b"\x89PNG")


def test_shorten_long_names():
    assert shorten("Kort") == "Kort"
    long_name = "Hanzeslag Vleesverwerking en Koelopslag B.V."
    assert shorten(long_name) == "Hanzeslag Vleesverwerking e…"
    assert len(shorten(long_name)) == 28
