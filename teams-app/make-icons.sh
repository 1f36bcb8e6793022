#!/usr/bin/env sh
# Draws the two icons of the Samla Teams app into this folder:
#   color.png    192x192 full colour: a white speech bubble with a check mark on a teal rounded square
#   outline.png   32x32 the same bubble and check mark as a white outline on transparent
# Needs only python3 (standard library): no ImageMagick or Pillow. The output is deterministic,
# so running it again changes nothing unless the drawing below changes.
set -eu
cd "$(dirname "$0")"
exec python3 - <<'PY'
import math
import struct
import zlib

TEAL_TOP = (16, 132, 140)     # #10848C
TEAL_BOTTOM = (10, 94, 110)   # #0A5E6E
WHITE = (255, 255, 255)


def png(path, width, height, pixel):
    """Writes an 8-bit RGBA PNG; pixel(x, y) returns (r, g, b, a)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows.extend(bytes(pixel(x, y)))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(chunk(b"IHDR", header))
        out.write(chunk(b"IDAT", zlib.compress(bytes(rows), 9)))
        out.write(chunk(b"IEND", b""))


# Signed distances (negative inside), in the unit square.
def rounded_rect(px, py, x0, y0, x1, y1, r):
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hx, hy = (x1 - x0) / 2 - r, (y1 - y0) / 2 - r
    qx, qy = abs(px - cx) - hx, abs(py - cy) - hy
    outside = math.hypot(max(qx, 0), max(qy, 0))
    return outside + min(max(qx, qy), 0) - r


def segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def polygon(px, py, points):
    d = min(segment(px, py, *points[i], *points[(i + 1) % len(points)]) for i in range(len(points)))
    inside = False
    for i in range(len(points)):
        (ax, ay), (bx, by) = points[i], points[(i + 1) % len(points)]
        if (ay > py) != (by > py) and px < (bx - ax) * (py - ay) / (by - ay) + ax:
            inside = not inside
    return -d if inside else d


def polyline(px, py, points, width):
    return min(segment(px, py, *points[i], *points[i + 1]) for i in range(len(points) - 1)) - width / 2


class Bubble:
    """A speech bubble (rounded body, tail at the lower left) with a check mark inside."""

    def __init__(self, x0, y0, x1, y1, radius, tail, check, check_width):
        self.body = (x0, y0, x1, y1, radius)
        self.tail = tail
        self.check = check
        self.check_width = check_width

    def shape(self, px, py):
        return min(rounded_rect(px, py, *self.body), polygon(px, py, self.tail))

    def tick(self, px, py):
        return polyline(px, py, self.check, self.check_width)


def coverage(distance, pixel_size):
    """Anti-aliased coverage of a pixel whose centre lies at a signed distance (unit square)."""
    return max(0.0, min(1.0, 0.5 - distance / pixel_size))


def mix(a, b, t):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def color_icon():
    size = 192
    p = 1 / size
    bubble = Bubble(0.24, 0.27, 0.76, 0.63, 0.09,
                    tail=[(0.33, 0.60), (0.47, 0.60), (0.30, 0.76)],
                    check=[(0.385, 0.455), (0.47, 0.535), (0.625, 0.375)], check_width=0.055)

    def pixel(x, y):
        px, py = (x + 0.5) * p, (y + 0.5) * p
        background = coverage(rounded_rect(px, py, 0.0, 0.0, 1.0, 1.0, 0.19), p)
        if background == 0:
            return (0, 0, 0, 0)
        rgb = mix(TEAL_TOP, TEAL_BOTTOM, py)
        rgb = mix(rgb, WHITE, coverage(bubble.shape(px, py), p))
        rgb = mix(rgb, mix(TEAL_TOP, TEAL_BOTTOM, py), coverage(bubble.tick(px, py), p))
        return (*rgb, round(255 * background))

    png("color.png", size, size, pixel)


def outline_icon():
    size = 32
    p = 1 / size
    stroke = 2 / size
    bubble = Bubble(2 / size, 3 / size, 30 / size, 23 / size, 0.17,  # edges on whole pixels: crisp lines
                    tail=[(0.20, 0.60), (0.50, 0.60), (0.14, 0.95)],
                    check=[(0.30, 0.41), (0.44, 0.54), (0.69, 0.29)], check_width=stroke)

    def pixel(x, y):
        px, py = (x + 0.5) * p, (y + 0.5) * p
        ring = abs(bubble.shape(px, py) + stroke / 2) - stroke / 2
        alpha = max(coverage(ring, p), coverage(bubble.tick(px, py), p))
        return (*WHITE, round(255 * alpha))

    png("outline.png", size, size, pixel)


color_icon()
outline_icon()
PY
