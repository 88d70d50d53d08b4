#!/usr/bin/env python3
"""Renders the monitoring chart (an SVG) in headless Debian chromium and
checks the picture: the PNG has the SVG's size, is not blank, the background
is white, the total's last point (its <circle>) is drawn black where the SVG
puts it, and every polyline is drawn in its colour along its points.

Usage: svg_render_check.py CHART.svg OUT.png

Chromium is installed by scripts/deps.sh. Where it is missing the check is
skipped (exit 77, with a message saying so) except under CI (CI=true), where
it must run. As root chromium needs --no-sandbox.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77


def find_chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB/RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace != 0:
                raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}")
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def main():
    svg_path, png_path = sys.argv[1], sys.argv[2]
    chromium = find_chromium()
    in_ci = os.environ.get("CI", "").lower() == "true"
    if chromium is None:
        msg = "chromium is not installed (bash scripts/deps.sh installs it)"
        if in_ci:
            print(f"FAIL: {msg}; under CI the chart must be rendered", file=sys.stderr)
            return 1
        print(f"SKIPPED: {msg}: the chart was not rendered in a browser")
        return SKIP
    svg = open(svg_path, encoding="utf-8").read()
    width = int(re.search(r'<svg [^>]*width="(\d+)"', svg).group(1))
    height = int(re.search(r'<svg [^>]*height="(\d+)"', svg).group(1))
    if os.path.exists(png_path):
        os.remove(png_path)
    with tempfile.TemporaryDirectory() as profile:
        cmd = [chromium, "--headless", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
               f"--window-size={width},{height}", f"--screenshot={os.path.abspath(png_path)}",
               "file://" + os.path.abspath(svg_path)]
        if os.geteuid() == 0:
            cmd.insert(1, "--no-sandbox")  # chromium refuses to run as root with its sandbox
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             timeout=180, check=False)
    if run.returncode != 0 or not os.path.exists(png_path):
        print(run.stdout.decode(errors="replace"), file=sys.stderr)
        print(f"FAIL: chromium exit {run.returncode}, no screenshot", file=sys.stderr)
        return 1
    w, h, rows = read_png(png_path)
    problems = []
    if (w, h) != (width, height):
        problems.append(f"screenshot is {w}x{h}, the SVG {width}x{height}")

    def near(px, rgb, tol):
        return all(abs(p - q) <= tol for p, q in zip(px, rgb))

    white = sum(1 for row in rows for px in row if near(px, (255, 255, 255), 8))
    share = 1 - white / (w * h)
    if not 0.01 <= share <= 0.6:
        problems.append(f"{share:.1%} of the pixels are not white (blank or garbled picture)")
    for x, y in ((2, 2), (w - 3, 2), (2, h - 3), (w - 3, h - 3)):
        if not near(rows[y][x], (255, 255, 255), 8):
            problems.append(f"corner pixel ({x}, {y}) is {rows[y][x]}, not the white background")
    # The total's last point: a black disc of radius 4 centred on (cx, cy).
    m = re.search(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="4" fill="#000000"', svg)
    if not m:
        problems.append("the SVG has no marker on the total's last point")
    else:
        cx, cy = round(float(m.group(1))), round(float(m.group(2)))
        if max(rows[cy][cx]) > 80:
            problems.append(f"pixel at the last point ({cx}, {cy}) is {rows[cy][cx]}, not black")
    # Every polyline is drawn where the SVG puts it: near the midpoint of most
    # of its segments there is a pixel of its colour (lines cross and hide
    # each other in places, and the time-progress line is dashed).
    lines = re.findall(r'<polyline id="([^"]*)" fill="none" stroke="#([0-9a-f]{6})"[^>]*'
                       r' points="([^"]*)"', svg)
    if len(lines) < 2:
        problems.append(f"only {len(lines)} polylines in the SVG")
    for line_id, colour, points in lines:
        rgb = tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))
        pts = [tuple(float(v) for v in p.split(",")) for p in points.split()]
        hits = 0
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            mx, my = round((x0 + x1) / 2), round((y0 + y1) / 2)
            if any(near(rows[y][x], rgb, 60)
                   for y in range(max(0, my - 3), min(h, my + 4))
                   for x in range(max(0, mx - 3), min(w, mx + 4))):
                hits += 1
        if hits * 2 < len(pts) - 1:
            problems.append(f"polyline {line_id} (#{colour}): its colour is at only {hits} of "
                            f"{len(pts) - 1} segment midpoints")
    if problems:
        print("FAIL: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"rendered {w}x{h}: {share:.1%} drawn, the last point and {len(lines)} lines where the "
          "SVG puts them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
