#!/usr/bin/env python3
"""JFR recording -> collapsed stacks -> flame graph SVG, with the standard library and the JDK's
`jfr` tool only.

    flamegraph.py RECORDING.jfr OUT_PREFIX [--threads REGEX] [--title TEXT] [--focus REGEX]

Reads the jdk.ExecutionSample events (`jfr print --json`), keeps samples of threads whose name
matches --threads (default: the server's executor and Vert.x event-loop threads), optionally only
stacks passing through a frame matching --focus (that frame becomes the root), and writes
OUT_PREFIX.collapsed (Brendan Gregg's folded format: frames root;...;leaf count) and OUT_PREFIX.svg
(width of a box = share of samples; the top-20 self-time frames are listed in OUT_PREFIX.top.txt).
"""
import argparse
import collections
import html
import json
import re
import subprocess
import sys


def samples(recording):
    out = subprocess.run(
        ["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample",
         recording], check=True, capture_output=True, text=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or \
            (values.get("sampledThread") or {}).get("osName") or "?"
        frames = []
        for frame in (values.get("stackTrace") or {}).get("frames", []):
            method = frame["method"]
            cls = method["type"]["name"].replace("/", ".")
            frames.append(cls + "." + method["name"])
        yield thread, list(reversed(frames))  # root first


def collapse(recording, threads, focus):
    counts = collections.Counter()
    for thread, frames in samples(recording):
        if not re.search(threads, thread):
            continue
        if focus:
            at = next((i for i, f in enumerate(frames) if re.search(focus, f)), None)
            if at is None:
                continue
            frames = frames[at:]
        if frames:
            counts[";".join(frames)] += 1
    return counts


def tree(counts):
    root = {"name": "all", "value": 0, "children": {}}
    for stack, n in counts.items():
        root["value"] += n
        node = root
        for frame in stack.split(";"):
            node = node["children"].setdefault(frame, {"name": frame, "value": 0, "children": {}})
            node["value"] += n
    return root


def colour(name):
    h = sum(ord(c) for c in name) % 60
    if name.startswith(("java.", "jdk.", "sun.")):
        return "rgb(%d,%d,%d)" % (200 + h // 2, 120 + h, 60)
    if name.startswith("org.psybiome"):
        return "rgb(%d,%d,%d)" % (80, 160 + h, 80)
    return "rgb(%d,%d,%d)" % (230, 90 + h * 2, 40)


def svg(root, title, width=1600, row=16):
    depth = [0]

    def walk(node, level):
        depth[0] = max(depth[0], level)
        for child in node["children"].values():
            walk(child, level + 1)
    walk(root, 0)
    height = (depth[0] + 3) * row + 40
    total = root["value"] or 1
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
             'font-family="monospace" font-size="11">' % (width, height),
             '<rect width="100%" height="100%" fill="#fdfdf6"/>',
             '<text x="10" y="20" font-size="15">%s (%d samples)</text>'
             % (html.escape(title), root["value"])]

    def draw(node, x, level):
        w = node["value"] / total * (width - 20)
        if w < 0.3:
            return
        y = height - (level + 1) * row - 10
        pct = 100.0 * node["value"] / total
        label = "%s (%.1f%%)" % (node["name"], pct)
        parts.append('<g><title>%s</title><rect x="%.2f" y="%d" width="%.2f" height="%d" '
                     'fill="%s" stroke="#fff" stroke-width="0.3"/>'
                     % (html.escape(label), x, y, w, row - 1, colour(node["name"])))
        chars = int(w / 6.6)
        if chars > 3:
            text = label if len(label) <= chars else label[: chars - 2] + ".."
            parts.append('<text x="%.2f" y="%d">%s</text>' % (x + 2, y + row - 4, html.escape(text)))
        parts.append("</g>")
        cx = x
        for child in sorted(node["children"].values(), key=lambda c: c["name"]):
            draw(child, cx, level + 1)
            cx += child["value"] / total * (width - 20)
    draw(root, 10, 0)
    parts.append("</svg>")
    return "\n".join(parts)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("recording")
    p.add_argument("out")
    p.add_argument("--threads", default=r"^(executor-thread|vert\.x-eventloop-thread)")
    p.add_argument("--title", default="")
    p.add_argument("--focus", default=None)
    a = p.parse_args()
    counts = collapse(a.recording, a.threads, a.focus)
    if not counts:
        sys.exit("no samples matched")
    with open(a.out + ".collapsed", "w") as f:
        for stack, n in sorted(counts.items()):
            f.write("%s %d\n" % (stack, n))
    self_time = collections.Counter()
    inclusive = collections.Counter()
    for stack, n in counts.items():
        frames = stack.split(";")
        self_time[frames[-1]] += n
        for frame in set(frames):
            inclusive[frame] += n
    total = sum(counts.values())
    with open(a.out + ".top.txt", "w") as f:
        f.write("%d samples\n\nself time, top 25:\n" % total)
        for frame, n in self_time.most_common(25):
            f.write("%6.1f%%  %s\n" % (100.0 * n / total, frame))
        f.write("\ninclusive, org.psybiome / hibernate / jackson / jwt / vertx frames, top 40:\n")
        keep = re.compile(r"psybiome|hibernate|jackson|jwt|jose4j|smallrye|agroal|postgresql|"
                          r"vertx|netty|resteasy|opentelemetry")
        for frame, n in [(fr, n) for fr, n in inclusive.most_common() if keep.search(fr)][:40]:
            f.write("%6.1f%%  %s\n" % (100.0 * n / total, frame))
    with open(a.out + ".svg", "w") as f:
        f.write(svg(tree(counts), a.title or a.recording))
    print("%d samples -> %s.svg" % (total, a.out))


if __name__ == "__main__":
    main()
