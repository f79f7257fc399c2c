#!/usr/bin/env python3
"""Writes a 320 x 240 PNG of a simple outdoor scene (sky, sun, hills, a red ball) using only the
standard library, so a fresh machine has something to caption.

usage: make-sample-image.py OUT.png"""
import math
import struct
import sys
import zlib

W, H = 320, 240


def colour(x, y):
    if (x - 250) ** 2 + (y - 50) ** 2 < 24 ** 2:
        return (250, 220, 70)  # sun
    if (x - 110) ** 2 + (y - 185) ** 2 < 28 ** 2:
        return (200, 30, 40)  # ball
    hill = 150 + 18 * math.sin(x / 35.0)
    if y > hill:
        return (50, 140 + (x * 7 + y * 3) % 20, 60)  # grass
    shade = int(120 + 100 * y / H)
    return (shade // 2, shade // 2 + 40, 235)  # sky


rows = b"".join(b"\0" + bytes(v for x in range(W) for v in colour(x, y)) for y in range(H))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n")
    f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0)))
    f.write(chunk(b"IDAT", zlib.compress(rows, 9)))
    f.write(chunk(b"IEND", b""))
