#!/usr/bin/python3
"""Writes the large inputs of docs/BENCHMARKS.md's memory section (Pillow and NumPy, from
/usr/bin/python3).

usage: scripts/make-large-images.py [--photos-only] OUT_FOLDER [FLICKR8K_IMAGES]
OUT/rgba-100mp.png: 10,000 x 10,000 RGBA, smooth colour fields with noise in the low bits and an
alpha ramp (about 170 MB). OUT/photos12/photoNN.jpg: 60 JPEGs of 4000 x 3000 (quality 92), the
first 60 Flickr8k photos enlarged with sensor-like noise (about 3 MB each). --photos-only skips
the PNG (the folder-throughput benchmark needs only the photos)."""
import glob
import os
import sys

import numpy as np
from PIL import Image

arguments = sys.argv[1:]
photos_only = "--photos-only" in arguments
if photos_only:
    arguments.remove("--photos-only")
out = arguments[0]
photos = arguments[1] if len(arguments) > 1 else os.path.join(os.path.dirname(__file__), "../../shared/data/flickr8k/Images")
os.makedirs(f"{out}/photos12", exist_ok=True)
rng = np.random.default_rng(1)

if not photos_only:
    size = 10000
    y, x = np.mgrid[0:size, 0:size].astype(np.float32)
    rgba = np.empty((size, size, 4), np.uint8)
    rgba[..., 0] = (x / size * 255).astype(np.uint8)
    rgba[..., 1] = (y / size * 255).astype(np.uint8)
    rgba[..., 2] = (128 + 60 * np.sin(x / 300) * np.cos(y / 200)).astype(np.uint8)
    rgba[..., 3] = np.clip((x + y) / (2 * size) * 300, 0, 255).astype(np.uint8)
    del x, y
    rgba[..., :3] += rng.integers(0, 8, size=(size, size, 3), dtype=np.uint8)
    Image.fromarray(rgba, "RGBA").save(f"{out}/rgba-100mp.png", compress_level=6)
    del rgba

rng = np.random.default_rng(2)
for i, name in enumerate(sorted(glob.glob(f"{photos}/*.jpg"))[:60]):
    image = Image.open(name).convert("RGB").resize((4000, 3000), Image.BICUBIC)
    noisy = np.asarray(image).astype(np.int16) + rng.normal(0, 6, (3000, 4000, 3)).astype(np.int16)
    Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).save(f"{out}/photos12/photo{i:02d}.jpg", quality=92)
