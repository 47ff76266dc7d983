"""The country network of the most active dyads, laid out for a plain SVG (no JavaScript).

Nodes sit on a circle, busiest first; an edge's width grows with its number of
events and its colour goes from red (mean Goldstein -5 or lower) through grey (0) to
green (+5 or higher): dyad means rarely leave that range, so it is where colour helps.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

SIZE = 640
_RADIUS = 250


@dataclass
class Node:
    code: str
    events: int
    x: float
    y: float
    lx: float  # label position, outside the circle
    ly: float


@dataclass
class Edge:
    a: str
    b: str
    n: int
    goldstein: float
    coop: int
    conflict: int
    width: float
    colour: str
    x1: float
    y1: float
    x2: float
    y2: float


def tone_colour(goldstein: float) -> str:
    """#rrggbb from red (-5) through grey (0) to green (+5)."""
    t = max(-1.0, min(1.0, goldstein / 5.0))
    grey, red, green = (170, 170, 170), (178, 24, 43), (27, 120, 55)
    end = green if t >= 0 else red
    rgb = [round(g + abs(t) * (e - g)) for g, e in zip(grey, end, strict=True)]
    return "#" + "".join(f"{c:02x}" for c in rgb)


def layout(dyads: list[dict[str, Any]]) -> dict[str, Any]:
    """Nodes and edges with coordinates from the rows of ``queries.top_dyads``."""
    degree: dict[str, int] = {}
    for d in dyads:
        degree[d["a"]] = degree.get(d["a"], 0) + d["n"]
        degree[d["b"]] = degree.get(d["b"], 0) + d["n"]
    order = sorted(degree, key=lambda c: (-degree[c], c))
    centre = SIZE / 2
    nodes: dict[str, Node] = {}
    for i, code in enumerate(order):
        angle = 2 * math.pi * i / max(1, len(order)) - math.pi / 2
        cx, cy = math.cos(angle), math.sin(angle)
        nodes[code] = Node(code, degree[code], round(centre + _RADIUS * cx, 1),
                           round(centre + _RADIUS * cy, 1), round(centre + (_RADIUS + 28) * cx, 1),
                           round(centre + (_RADIUS + 28) * cy + 4, 1))
    top = max((d["n"] for d in dyads), default=1)
    edges = [
        Edge(d["a"], d["b"], d["n"], float(d["goldstein"] or 0.0), int(d["coop"] or 0),
             int(d["conflict"] or 0), round(1.5 + 8.5 * d["n"] / top, 1),
             tone_colour(float(d["goldstein"] or 0.0)), nodes[d["a"]].x, nodes[d["a"]].y,
             nodes[d["b"]].x, nodes[d["b"]].y)
        for d in dyads
    ]
    return {"size": SIZE, "nodes": [asdict(n) for n in nodes.values()], "edges": [asdict(e) for e in edges]}
