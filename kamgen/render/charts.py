"""Charts as PNG images for the Word reports (matplotlib, Agg backend).

Every chart is deterministic: a fixed size and resolution, matplotlib's
bundled DejaVu Sans font, no ``Software`` or date metadata in the PNG, and a
label placement that depends only on the data. The same input therefore
gives the same bytes on every run on the same matplotlib version.

Callers pass texts that are already in the document's language and a
language code for the tick labels (decimal comma in Dutch). matplotlib is
imported inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from kamgen.render.formatting import format_number, format_percent

# Size and resolution of every chart (design choice): 16 × 11.5 cm at 200 dpi,
# wide enough for a portrait page and sharp when printed.
CHART_WIDTH_INCHES = 6.3
CHART_HEIGHT_INCHES = 4.5
CHART_DPI = 200
FONT_FAMILY = "DejaVu Sans"

# Bubble chart (worksheets 6 and 8).
SCORE_AXIS_MIN = 1.0
SCORE_AXIS_MAX = 5.0
SCORE_AXIS_MARGIN = 0.25
# The largest bubble covers this many square points; the others scale by
# revenue, so bubble area is proportional to revenue.
MAX_BUBBLE_AREA = 2000.0
# A customer with zero revenue still gets a small visible dot (square points).
MIN_BUBBLE_AREA = 12.0
# Only the largest customers by revenue get a name label (design choice).
MAX_LABELS = 12
LABEL_FONT_SIZE = 7.5
QUADRANT_FONT_SIZE = 9
# Distance in pixels between a bubble's edge and its label, and between rings of candidates.
LABEL_GAP = 4.0
LABEL_RING_STEP = 14.0
LABEL_RINGS = 4
# Labels longer than this are shortened with an ellipsis.
MAX_LABEL_CHARACTERS = 28

SEGMENT_COLOURS = {
    "transactional": "#9e9e9e",
    "development": "#f2a541",
    "large": "#4a90c2",
    "strategic": "#2e7d32",
}
# Quadrant of each segment in the 2×2 portfolio as (column, row), with row 1 at the top.
SEGMENT_QUADRANTS = {
    "development": (0, 1),
    "strategic": (1, 1),
    "transactional": (0, 0),
    "large": (1, 0),
}


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels: left, bottom, width, height (y grows upwards)."""

    left: float
    bottom: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def top(self) -> float:
        return self.bottom + self.height

    def overlaps(self, other: Box) -> bool:
        return self.left < other.right and other.left < self.right and self.bottom < other.top and other.bottom < self.top

    def inside(self, bounds: Box) -> bool:
        return self.left >= bounds.left and self.right <= bounds.right and self.bottom >= bounds.bottom and self.top <= bounds.top

    def contains_point(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top


@dataclass(frozen=True)
class LabelRequest:
    """A label to place next to a circle of ``radius`` pixels centred on (``x``, ``y``)."""

    x: float
    y: float
    radius: float
    width: float
    height: float


@dataclass(frozen=True)
class LabelPlacement:
    box: Box
    ring: int  # 0 = right next to the bubble; higher rings get a leader line


def _candidate_boxes(request: LabelRequest, ring: int) -> list[Box]:
    """Return candidate label boxes around a bubble, in order of preference."""
    distance = request.radius + LABEL_GAP + ring * LABEL_RING_STEP
    width, height = request.width, request.height
    x, y = request.x, request.y
    diagonal = distance / math.sqrt(2)
    return [
        Box(x + distance, y - height / 2, width, height),  # right
        Box(x - distance - width, y - height / 2, width, height),  # left
        Box(x - width / 2, y + distance, width, height),  # above
        Box(x - width / 2, y - distance - height, width, height),  # below
        Box(x + diagonal, y + diagonal, width, height),  # above right
        Box(x - diagonal - width, y + diagonal, width, height),  # above left
        Box(x + diagonal, y - diagonal - height, width, height),  # below right
        Box(x - diagonal - width, y - diagonal - height, width, height),  # below left
    ]


def place_labels(
    requests: list[LabelRequest], bounds: Box, obstacles: list[Box] = (), points: list[tuple[float, float]] = ()
) -> list[LabelPlacement | None]:
    """Place labels greedily, in the given order, so that no two overlap.

    A label must stay inside ``bounds``, must not overlap an earlier label or
    an obstacle (the quadrant names), and should not cover the centre of any
    bubble in ``points``. Candidates close to the bubble come first; when
    none fits, the rule about covering centres is dropped before the label
    is given up (None). The result depends only on the input, so the same
    chart always gets the same labels.
    """
    placed: list[Box] = list(obstacles)
    result: list[LabelPlacement | None] = []

    for request in requests:
        choice = None
        for avoid_centres in (True, False):
            for ring in range(LABEL_RINGS):
                for box in _candidate_boxes(request, ring):
                    if not box.inside(bounds) or any(box.overlaps(other) for other in placed):
                        continue
                    if avoid_centres and any(box.contains_point(px, py) for px, py in points):
                        continue
                    choice = LabelPlacement(box, ring)
                    break
                if choice:
                    break
            if choice:
                break

        if choice:
            placed.append(choice.box)
        result.append(choice)
    return result


def shorten(text: str, limit: int = MAX_LABEL_CHARACTERS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class BubblePoint:
    name: str
    x: float  # current value, weighted score 1–5
    y: float  # future potential, weighted score 1–5
    revenue: float
    segment: str | None


@dataclass(frozen=True)
class BubbleChartTexts:
    x_label: str
    y_label: str
    quadrant_names: dict[str, str]  # segment → name shown in its quadrant


@dataclass(frozen=True)
class BubbleChart:
    """A rendered bubble chart: the PNG and the names that got a label."""

    png: bytes
    labelled: tuple[str, ...]  # names that got a label, largest revenue first
    label_boxes: tuple[Box, ...]  # where those labels sit, in pixels
    quadrant_boxes: tuple[Box, ...]  # where the quadrant names sit, in pixels


def _new_figure():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(CHART_WIDTH_INCHES, CHART_HEIGHT_INCHES), dpi=CHART_DPI)
    FigureCanvasAgg(figure)
    return figure


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    # metadata Software=None drops the matplotlib version from the PNG, so the bytes do not depend on it.
    figure.savefig(buffer, format="png", dpi=CHART_DPI, metadata={"Software": None})
    return buffer.getvalue()


def _rc():
    import matplotlib

    return matplotlib.rc_context(
        {"font.family": FONT_FAMILY, "font.size": 8.5, "axes.titlesize": 10, "path.simplify": False, "figure.autolayout": False}
    )


def bubble_chart_png(
    points: list[BubblePoint], threshold_x: float, threshold_y: float, texts: BubbleChartTexts, language: str
) -> BubbleChart:
    """Draw the portfolio: x current value, y future potential, bubble area ∝ revenue.

    Threshold lines split the chart into the four quadrants, and each
    quadrant is named in its outer corner. The ``MAX_LABELS`` largest
    customers get a name label, placed by :func:`place_labels`.
    """
    from matplotlib.ticker import FuncFormatter

    with _rc():
        figure = _new_figure()
        axes = figure.add_axes((0.1, 0.11, 0.87, 0.85))
        low, high = SCORE_AXIS_MIN - SCORE_AXIS_MARGIN, SCORE_AXIS_MAX + SCORE_AXIS_MARGIN
        axes.set_xlim(low, high)
        axes.set_ylim(low, high)
        axes.set_xlabel(texts.x_label)
        axes.set_ylabel(texts.y_label)
        tick_format = FuncFormatter(lambda value, _position: format_number(value, language, 0))
        axes.xaxis.set_major_formatter(tick_format)
        axes.yaxis.set_major_formatter(tick_format)
        axes.set_xticks([1, 2, 3, 4, 5])
        axes.set_yticks([1, 2, 3, 4, 5])
        axes.grid(True, color="#e6e6e6", linewidth=0.6)
        axes.set_axisbelow(True)

        axes.axvline(threshold_x, color="#555555", linestyle="--", linewidth=0.9)
        axes.axhline(threshold_y, color="#555555", linestyle="--", linewidth=0.9)

        # Largest first, so small bubbles are drawn on top and stay visible.
        ordered = sorted(points, key=lambda point: (-point.revenue, point.name))
        largest = max((point.revenue for point in ordered), default=0.0)
        areas = [_bubble_area(point.revenue, largest) for point in ordered]
        axes.scatter(
            [point.x for point in ordered], [point.y for point in ordered], s=areas,
            c=[SEGMENT_COLOURS.get(point.segment or "", "#bdbdbd") for point in ordered],
            alpha=0.65, edgecolors="#333333", linewidths=0.6, zorder=3,
        )

        renderer = figure.canvas.get_renderer()
        obstacles = _draw_quadrant_names(axes, renderer, texts.quadrant_names, threshold_x, threshold_y)
        labelled = _draw_labels(axes, renderer, ordered, areas, obstacles)
        png = _png(figure)
        return BubbleChart(
            png=png, labelled=tuple(name for name, _ in labelled), label_boxes=tuple(box for _, box in labelled),
            quadrant_boxes=tuple(obstacles),
        )


def _bubble_area(revenue: float, largest: float) -> float:
    if largest <= 0:
        return MIN_BUBBLE_AREA
    return max(MAX_BUBBLE_AREA * max(revenue, 0.0) / largest, MIN_BUBBLE_AREA)


def _axes_box(axes) -> Box:
    extent = axes.get_window_extent()
    return Box(extent.x0, extent.y0, extent.width, extent.height)


def _draw_quadrant_names(axes, renderer, names: dict[str, str], threshold_x: float, threshold_y: float) -> list[Box]:
    """Write each quadrant's name in the outer corner of its quadrant; return their boxes."""
    boxes = []
    x_low, x_high = axes.get_xlim()
    y_low, y_high = axes.get_ylim()
    pad_x = (x_high - x_low) * 0.012
    pad_y = (y_high - y_low) * 0.015
    for segment, (column, row) in SEGMENT_QUADRANTS.items():
        if segment not in names:
            continue
        x = x_low + pad_x if column == 0 else x_high - pad_x
        y = y_high - pad_y if row == 1 else y_low + pad_y
        text = axes.text(
            x, y, names[segment], ha="left" if column == 0 else "right", va="top" if row == 1 else "bottom",
            fontsize=QUADRANT_FONT_SIZE, fontweight="bold", color=SEGMENT_COLOURS[segment], zorder=4,
        )
        extent = text.get_window_extent(renderer)
        boxes.append(Box(extent.x0, extent.y0, extent.width, extent.height))
    return boxes


def _draw_labels(
    axes, renderer, ordered: list[BubblePoint], areas: list[float], obstacles: list[Box]
) -> list[tuple[str, Box]]:
    """Label the largest customers without overlapping text; return the labelled names with their boxes."""
    to_pixels = axes.transData
    pixels_per_point = axes.figure.dpi / 72.0
    centres = [tuple(to_pixels.transform((point.x, point.y))) for point in ordered]

    requests = []
    texts = []
    for index, point in enumerate(ordered[:MAX_LABELS]):
        text = axes.text(
            0, 0, shorten(point.name), fontsize=LABEL_FONT_SIZE, ha="left", va="bottom", zorder=5,
            # Customer names are text, never mathtext: "$5$ Store" must not turn into a formula.
            parse_math=False,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.75},
        )
        extent = text.get_window_extent(renderer)
        radius = math.sqrt(areas[index] / math.pi) * pixels_per_point
        x, y = centres[index]
        requests.append(LabelRequest(x, y, radius, extent.width, extent.height))
        texts.append(text)

    placements = place_labels(requests, _axes_box(axes), obstacles, centres)

    to_data = to_pixels.inverted()
    labelled = []
    for point, text, request, placement in zip(ordered, texts, requests, placements):
        if placement is None:
            text.remove()
            continue
        text.set_position(tuple(to_data.transform((placement.box.left, placement.box.bottom))))
        if placement.ring > 0:
            # A label away from its bubble gets a thin line back to it.
            anchor = _nearest_point(placement.box, request.x, request.y)
            start = tuple(to_data.transform(anchor))
            axes.plot([start[0], point.x], [start[1], point.y], color="#777777", linewidth=0.5, zorder=2)
        labelled.append((point.name, placement.box))
    return labelled


def _nearest_point(box: Box, x: float, y: float) -> tuple[float, float]:
    return (min(max(x, box.left), box.right), min(max(y, box.bottom), box.top))


@dataclass(frozen=True)
class ParetoChartTexts:
    x_label: str
    y_label: str
    curve_label: str
    equal_label: str
    marker_label: str  # annotation at the top 20 % of customers, already formatted


def pareto_chart_png(
    customer_shares: list[float], revenue_shares: list[float], marker_share: float | None, texts: ParetoChartTexts, language: str
) -> bytes:
    """Draw the cumulative share of revenue against the cumulative share of customers.

    ``customer_shares`` and ``revenue_shares`` are cumulative shares 0..1 per
    customer, largest first; ``marker_share`` is the customer share where the
    annotation (top 20 %) goes.
    """
    from matplotlib.ticker import FuncFormatter

    with _rc():
        figure = _new_figure()
        axes = figure.add_axes((0.13, 0.12, 0.82, 0.83))
        axes.set_xlim(0, 1)
        axes.set_ylim(0, 1.02)
        percent = FuncFormatter(lambda value, _position: format_percent(value, language, 0))
        axes.xaxis.set_major_formatter(percent)
        axes.yaxis.set_major_formatter(percent)
        axes.set_xlabel(texts.x_label)
        axes.set_ylabel(texts.y_label)
        axes.grid(True, color="#e6e6e6", linewidth=0.6)
        axes.set_axisbelow(True)

        axes.plot([0, 1], [0, 1], color="#9e9e9e", linestyle="--", linewidth=0.9, label=texts.equal_label)
        axes.plot(
            [0.0, *customer_shares], [0.0, *revenue_shares], color="#2e7d32", linewidth=1.6,
            marker="o" if len(customer_shares) <= 40 else None, markersize=3, label=texts.curve_label,
        )

        if marker_share is not None and customer_shares:
            reached = _share_at(customer_shares, revenue_shares, marker_share)
            axes.axvline(marker_share, color="#555555", linestyle=":", linewidth=0.9)
            axes.plot([marker_share], [reached], marker="o", markersize=5, color="#1b5e20", zorder=4)
            axes.annotate(
                texts.marker_label, xy=(marker_share, reached), xytext=(marker_share + 0.04, max(reached - 0.22, 0.08)),
                fontsize=8, arrowprops={"arrowstyle": "-", "color": "#555555", "linewidth": 0.6},
            )
        axes.legend(loc="lower right", frameon=False)
        return _png(figure)


def _share_at(customer_shares: list[float], revenue_shares: list[float], target: float) -> float:
    """Return the cumulative revenue share at the last customer within ``target`` of the customers."""
    reached = 0.0
    for customer_share, revenue_share in zip(customer_shares, revenue_shares):
        if customer_share > target + 1e-12:
            break
        reached = revenue_share
    return reached
