#!/usr/bin/env python3
"""Writes the Teams app icons next to this script: color.png (192x192, accent background, white mark)
and outline.png (32x32, transparent background, white strokes). Standard library only (zlib)."""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ACCENT = (0x2B, 0x6C, 0xB0, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def clock(x, y, size, ring, hand):
    """A clock face (ring plus two hands): the on-call mark."""
    c = (size - 1) / 2
    dx, dy = x - c, y - c
    r = math.hypot(dx, dy)
    outer = size * 0.40
    if outer - ring <= r <= outer:
        return True
    # hour hand up, minute hand to the right
    if abs(dx) <= hand / 2 and -outer * 0.65 <= dy <= hand / 2:
        return True
    if abs(dy) <= hand / 2 and -hand / 2 <= dx <= outer * 0.5:
        return True
    return False


png(os.path.join(HERE, "color.png"), 192, lambda x, y: WHITE if clock(x, y, 192, 14, 12) else ACCENT)
png(os.path.join(HERE, "outline.png"), 32, lambda x, y: WHITE if clock(x, y, 32, 2.5, 2) else CLEAR)
