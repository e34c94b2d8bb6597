"""Graphviz DOT export of an ArticleGraph."""

from __future__ import annotations

from linter.graph import ArticleGraph

_SHAPES = {"article": "doubleoctagon", "section": "folder", "sentence": "note", "marker": "circle", "reference": "box"}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def render_dot(graph: ArticleGraph) -> str:
    g = graph.g
    lines = ["digraph article {", "  rankdir=LR;", "  node [fontsize=10];"]
    for node, data in g.nodes(data=True):
        kind = data.get("kind", "")
        obj = data.get("obj")
        if kind == "section":
            label = data.get("title") or "(preamble)"
        elif kind == "marker":
            label = obj.raw
        elif kind == "reference":
            label = f"ref {data.get('label')}"
        elif obj is not None and hasattr(obj, "text"):
            label = obj.text
        else:
            label = node
        region = data.get("region")
        extra = f", region={_quote(region)}" if region else ""
        if region and region != "main":
            extra += ", style=dashed"
        lines.append(f"  {_quote(node)} [label={_quote(label)}, shape={_SHAPES.get(kind, 'ellipse')}{extra}];")
    for a, b, data in g.edges(data=True):
        style = {"next": " [style=dotted]", "cites": " [color=blue]"}.get(data.get("kind", ""), "")
        lines.append(f"  {_quote(a)} -> {_quote(b)}{style};")
    lines.append("}")
    return "\n".join(lines) + "\n"
