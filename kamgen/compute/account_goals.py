"""The goal tree of the account plan: worksheet 30.

Level 0 is the ambition, 1 the objectives, 2 the sub-objectives per HAP and
3 the projects of worksheet 27. Going down answers "how", going up "why".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kamgen.compute.account_common import date, integer, number, rows, section, text

GOAL_LEVELS = ("ambition", "objective", "sub_objective", "project")
PROJECT_LEVEL = 3


@dataclass(frozen=True)
class GoalNode:
    index: int
    id: str
    parent: str | None
    level: int | None
    text: str
    category: str | None
    focus_point: str | None
    kpi: str | None
    baseline: str | None
    target: str | None
    deadline: dt.date | None
    owner: str | None
    project: str | None
    progress: float | None  # as given, 0–100
    rolled_progress: float | None  # mean of the children's progress, or the node's own when it has none
    children: tuple[str, ...]
    depth: int | None  # distance from the root; None when the node cannot be reached from it


@dataclass(frozen=True)
class GoalTreeResult:
    """Worksheet 30: the nodes in tree order (depth first) and the overall progress."""

    root: str | None
    nodes: tuple[GoalNode, ...]
    progress: float | None


def _parse_nodes(data: Any) -> list[dict]:
    nodes = []
    seen = set()
    for index, row in rows(section(data, "goal_tree"), "nodes"):
        node_id = text(row.get("id"))
        if not node_id or node_id in seen:
            continue
        seen.add(node_id)
        progress = number(row.get("progress"))
        nodes.append({
            "index": index,
            "id": node_id,
            "parent": text(row.get("parent")),
            "level": integer(row.get("level")),
            "row": row,
            "progress": float(progress) if progress is not None and 0 <= progress <= 100 else None,
        })
    return nodes


def roll_up(node_id: str, children: dict[str, list[str]], own: dict[str, float | None], visiting: frozenset = frozenset()) -> float | None:
    """Return the mean rolled-up progress of the children that have one, or the node's own progress.

    ``visiting`` guards against cycles, which the rules report as errors.
    """
    if node_id in visiting:
        return None
    values = [
        value for child in children.get(node_id, [])
        if (value := roll_up(child, children, own, visiting | {node_id})) is not None
    ]
    if values:
        return sum(values) / len(values)
    return own.get(node_id)


def compute_goal_tree(data: Any) -> GoalTreeResult:
    nodes = _parse_nodes(data)
    known = {node["id"] for node in nodes}
    children: dict[str, list[str]] = {}
    for node in nodes:
        if node["parent"] in known:
            children.setdefault(node["parent"], []).append(node["id"])
    own = {node["id"]: node["progress"] for node in nodes}

    roots = [node["id"] for node in nodes if node["parent"] is None]
    root = roots[0] if len(roots) == 1 else None

    # Depth-first from the root, in input order; unreachable nodes follow in input order.
    order: list[tuple[str, int | None]] = []
    if root is not None:
        stack = [(root, 0)]
        visited = set()
        while stack:
            node_id, depth = stack.pop()
            if node_id in visited:
                continue
            visited.add(node_id)
            order.append((node_id, depth))
            stack.extend((child, depth + 1) for child in reversed(children.get(node_id, [])))
    reached = {node_id for node_id, _ in order}
    order += [(node["id"], None) for node in nodes if node["id"] not in reached]

    by_id = {node["id"]: node for node in nodes}
    results = []
    for node_id, depth in order:
        node = by_id[node_id]
        row = node["row"]
        results.append(GoalNode(
            index=node["index"],
            id=node_id,
            parent=node["parent"],
            level=node["level"],
            text=text(row.get("text")) or "",
            category=text(row.get("category")),
            focus_point=text(row.get("focus_point")),
            kpi=text(row.get("kpi")),
            baseline=text(row.get("baseline")),
            target=text(row.get("target")),
            deadline=date(row.get("deadline")),
            owner=text(row.get("owner")),
            project=text(row.get("project")),
            progress=node["progress"],
            rolled_progress=roll_up(node_id, children, own),
            children=tuple(children.get(node_id, [])),
            depth=depth,
        ))

    return GoalTreeResult(
        root=root,
        nodes=tuple(results),
        progress=roll_up(root, children, own) if root is not None else None,
    )
