#!/usr/bin/env python3
"""Render 20 images of an MNIST-format IDX pair as a PNG grid and print their labels, to check
by eye that labels match pictures (standard library only).

    python3 data/scripts/render_idx_png.py data/digits-npm train 0 /tmp/train0.png
    python3 data/scripts/render_idx_png.py data/digits-npm t10k 1980 /tmp/test1980.png

Arguments: folder, prefix (train or t10k), index of the first image, output PNG. The grid is
2 rows of 10, in order, dark ink on white, 3x scaled.
"""
import gzip
import struct
import sys
import zlib


def read(path):
    with open(path, "rb") as f:
        b = f.read()
    return gzip.decompress(b) if b[:2] == b"\x1f\x8b" else b


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    folder, prefix, start, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    images = read("%s/%s-images-idx3-ubyte.gz" % (folder, prefix))
    labels = read("%s/%s-labels-idx1-ubyte.gz" % (folder, prefix))[8:]
    n, scale, cell = 20, 3, 30
    width, height = 10 * cell * scale, 2 * cell * scale
    pix = [[128] * width for _ in range(height)]
    for k in range(n):
        i = start + k
        r, c = divmod(k, 10)
        for y in range(28):
            for x in range(28):
                v = 255 - images[16 + i * 784 + y * 28 + x]
                for a in range(scale):
                    row = pix[(r * cell + 1 + y) * scale + a]
                    for b in range(scale):
                        row[(c * cell + 1 + x) * scale + b] = v
    print("labels of images %d..%d: %s" % (start, start + n - 1, [labels[start + k] for k in range(n)]))

    def chunk(tag, data):
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    raw = b"".join(b"\0" + bytes(row) for row in pix)
    with open(out, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n"
                + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    main()
