#!/usr/bin/env python3
"""Fails when modules of a crate import each other in a circle, or the design kit imports a feature.

A module is a top-level module of the crate (`app/src/cases/`, `app/src/error.rs`, `db/src/bundles.rs`):
an arrow A -> B is any path `crate::B…` written in a file of A (`use`, a full path, a grouped
`use crate::{B, C}`). Comments and string literals are ignored. Every strongly connected group
of more than one module is a circle. Policy (docs/architecture.md): dependencies point one way;
shared pieces move down (`ui`, `cases`, `domain`), a feature never uses another feature that uses it
back.

Usage: scripts/check-modules.py [--graph]     (run by `make test` and `make check`)
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRATES = ["app/src", "db/src"]
# The design kit (app/src/ui) may use only these modules of the app, never a feature.
UI_MAY_USE = {"i18n", "context", "error"}
IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip(text: str) -> str:
    """Source without comments, string and char literals (so a path in a doc is not an import)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and (i == 0 or not re.match(r"[A-Za-z0-9_]", text[i - 1])):
            m = re.match(r'r(#*)"', text[i:])
            end = text.find('"' + m.group(1), i + len(m.group(0)))
            i = n if end < 0 else end + 1 + len(m.group(1))
            out.append('""')
        elif c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
            out.append('""')
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", text[i:i + 4] + "    "[: max(0, 4 - len(text[i:i + 4]))]):
            m = re.match(r"'(\\[^']*|[^\\'])'", text[i:])
            if m:
                i += len(m.group(0))
                out.append("' '")
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def top_module(src: Path, file: Path):
    rel = file.relative_to(src)
    if len(rel.parts) == 1:
        name = rel.stem
        return None if name in ("lib", "main") else name
    return rel.parts[0]


def group_items(text: str, start: int):
    """The top-level names inside `{…}` starting at text[start] == '{'."""
    depth, i, names, cur = 0, start, [], ""
    while i < len(text):
        c = text[i]
        if c == "{":
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif c == "}":
            depth -= 1
            if depth == 0:
                names.append(cur)
                break
        elif c == "," and depth == 1:
            names.append(cur)
            cur = ""
            i += 1
            continue
        if depth >= 1:
            cur += c
        i += 1
    return [m.group(0) for s in names if (m := re.match(IDENT, s.strip()))]


def graph(src: Path):
    modules = set()
    for f in src.rglob("*.rs"):
        m = top_module(src, f)
        if m:
            modules.add(m)
    edges = {m: {} for m in modules}
    for f in sorted(src.rglob("*.rs")):
        me = top_module(src, f)
        if me is None:
            continue
        text = strip(f.read_text())
        for m in re.finditer(r"\bcrate\s*::\s*(\{|" + IDENT + ")", text):
            targets = group_items(text, m.start(1)) if m.group(1) == "{" else [m.group(1)]
            for t in targets:
                if t in modules and t != me:
                    edges[me].setdefault(t, str(f.relative_to(ROOT)))
        # From a file directly in src/, `super::x` is the crate root: `super::x` is module x.
        if len(f.relative_to(src).parts) == 1:
            for m in re.finditer(r"\bsuper\s*::\s*(" + IDENT + ")", text):
                t = m.group(1)
                if t in modules and t != me:
                    edges[me].setdefault(t, str(f.relative_to(ROOT)))
    return edges


def circles(edges):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def main():
    failed = False
    show = "--graph" in sys.argv
    for crate in CRATES:
        src = ROOT / crate
        edges = graph(src)
        if show:
            print(f"{crate}:")
            for a in sorted(edges):
                print(f"  {a} -> {', '.join(sorted(edges[a])) or '(nothing)'}")
        for comp in circles(edges):
            failed = True
            print(f"check-modules: {crate}: a circle between {', '.join(comp)}:")
            for a in comp:
                for b, where in sorted(edges[a].items()):
                    if b in comp:
                        print(f"    {a} -> {b}   (first in {where})")
        if crate == "app/src":
            for b, where in sorted(edges.get("ui", {}).items()):
                if b not in UI_MAY_USE:
                    failed = True
                    print(f"check-modules: the design kit (app/src/ui) uses the feature `{b}` ({where})")
    if failed:
        print("check-modules: move what both need down (ui, cases, domain) so dependencies point one way")
        sys.exit(1)
    print(f"check-modules: no circles in {', '.join(CRATES)}")


if __name__ == "__main__":
    main()
