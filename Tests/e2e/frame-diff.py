#!/usr/bin/env python3
"""Compares two frames (PNG) of the same size and fails (exit 1) past the limits.

Renderers may draw an edge a pixel apart, so a pixel of A counts as wrong only when no pixel of B
within `reach` pixels of it (reach 1: its 3×3 neighbourhood) is within 32 levels in every channel.
Prints the mean absolute difference (0-255), the share of wrong pixels, and the largest share in
any 16×16 block (scattered edge pixels pass; a missing word, icon or picture does not).
Usage: frame-diff.py A.png B.png [MAX_MEAN [MAX_SHARE [MAX_BLOCK [REACH]]]]"""
import subprocess, sys
import numpy as np

def pixels(path):
    size = subprocess.run(["identify", "-format", "%w %h", path], capture_output=True, text=True, check=True)
    w, h = map(int, size.stdout.split())
    raw = subprocess.run(["convert", path, "-alpha", "off", "-depth", "8", "rgb:-"], capture_output=True, check=True)
    return np.frombuffer(raw.stdout, dtype=np.uint8).reshape(h, w, 3).astype(np.int16)

a, b = pixels(sys.argv[1]), pixels(sys.argv[2])
max_mean = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
max_share = float(sys.argv[4]) if len(sys.argv) > 4 else 0.001
max_block = float(sys.argv[5]) if len(sys.argv) > 5 else 0.25
reach = int(sys.argv[6]) if len(sys.argv) > 6 else 1
if a.shape != b.shape:
    print(f"sizes differ: {a.shape[1]}x{a.shape[0]} and {b.shape[1]}x{b.shape[0]}")
    sys.exit(1)
h, w, _ = a.shape
mean = np.abs(a - b).mean()
padded = np.pad(b, ((reach, reach), (reach, reach), (0, 0)), mode="edge")
nearest = np.full((h, w), 255, dtype=np.int16)
for dy in range(2 * reach + 1):
    for dx in range(2 * reach + 1):
        shifted = padded[dy:dy + h, dx:dx + w]
        nearest = np.minimum(nearest, np.abs(a - shifted).max(axis=2))
wrong = nearest > 32
share = wrong.mean()
n = 16
blocks = wrong[: h // n * n, : w // n * n].reshape(h // n, n, w // n, n).mean(axis=(1, 3))
block = blocks.max() if blocks.size else 0.0
where = np.unravel_index(blocks.argmax(), blocks.shape) if blocks.size else (0, 0)
print(f"mean {mean:.3f} (limit {max_mean}), wrong pixels {share * 100:.3f}% (limit {max_share * 100:.3f}%), "
      f"worst 16x16 block {block * 100:.0f}% at x={where[1] * n} y={where[0] * n} (limit {max_block * 100:.0f}%)")
sys.exit(0 if mean <= max_mean and share <= max_share and block <= max_block else 1)
