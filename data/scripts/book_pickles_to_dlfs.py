#!/usr/bin/env python3
"""Convert the trained networks of the book's repository (oreilly-japan/deep-learning-from-scratch,
MIT, Koki Saitoh) from Python pickles to the kit's parameter files: what DLFS-Java ships under
data/models/book/, so the kit reads the book's weights without Python.

Usage (from the repository root; needs Debian's python3 and python3-numpy, for pickle.load):

    /usr/bin/python3 data/scripts/book_pickles_to_dlfs.py BOOK_DIR data/models/book

BOOK_DIR holds the book's three pickles (in the book's repository they are ch03/sample_weight.pkl,
ch07/params.pkl and ch08/deep_convnet_params.pkl); each becomes NAME.dlfs beside the others:

    sample_weight.pkl        ch3  neuralnet_mnist.py     -> ThreeLayerNet  (float32 in the pickle)
    params.pkl               ch7  train_convnet.py       -> SimpleConvNet  (float64)
    deep_convnet_params.pkl  ch8  deep_convnet.py        -> DeepConvNet    (float64)

Which net a pickle holds is read from its arrays (names and shapes), not from its file name, and
every shape is checked against the book's layer layout before anything is written; the
architecture line written is the one the kit's net of that layout reports (architecture() in
dlfs.nets.ThreeLayerNet, SimpleConvNet and DeepConvNet), so the file loads only into that net.

The output format is dlfs.nets.Checkpoint version 1 (big-endian, documented in its Javadoc):

    b"DLFSPARM", int32 version 1, UTF string architecture, int32 K,
    K x (UTF string name, int32 ndim, ndim x int32 shape, float64 values in C order),
    b"DLFSEND\\n"

Values are float64. sample_weight.pkl's float32 values are exactly representable in float64, so
nothing is rounded; its architecture line ends with "dtype=float32" and the Java loader checks
that every value really is a float32. The script writes each file, reads it back, checks that it
holds exactly the pickle's values, and prints the SHA-256 of every source and output file (the
ones recorded in data/models/book/README.md).
"""
import hashlib
import os
import pickle
import struct
import sys

import numpy as np

MAGIC = b"DLFSPARM"
END = b"DLFSEND\n"
VERSION = 1

# the book's input: MNIST images as (1, 28, 28)
C, H, W = 1, 28, 28
# ch8 deep_convnet.py: six 3x3 convolutions, stride 1, pads 1 1 1 2 1 1, a 2x2 max pool after
# every second one
DEEP_FILTERS = [16, 16, 32, 32, 64, 64]
DEEP_PADS = [1, 1, 1, 2, 1, 1]


def fail(path, why):
    sys.exit("%s: %s" % (path, why))


def fmt_shape(shape):
    """Python's tuple repr, as the kit's ShapeException.fmt writes shapes: (1, 28, 28), (10,)."""
    return "(%s,)" % shape[0] if len(shape) == 1 else "(" + ", ".join(str(d) for d in shape) + ")"


def out_size(path, what, size, filt, stride, pad):
    """(size + 2 pad - filt) / stride + 1, which must divide exactly (as dlfs.layers.Im2Col requires)."""
    n = size + 2 * pad - filt
    if n < 0 or n % stride:
        fail(path, "%s: (%d + 2*%d - %d) / %d is not a whole number" % (what, size, pad, filt, stride))
    return n // stride + 1


def expect(path, arrays, name, shape):
    got = arrays[name].shape
    if got != tuple(shape):
        fail(path, "%s has shape %s, the book's layout needs %s" % (name, fmt_shape(got), fmt_shape(shape)))


def expect_names(path, arrays, names, net):
    if set(arrays) != set(names):
        fail(path, "arrays %s are not the %s arrays %s" % (sorted(arrays), net, names))


def three_layer_net(path, a):
    """ch3: W1 (784, h1), b1, W2 (h1, h2), b2, W3 (h2, 10), b3; sigmoid hidden layers."""
    names = ["W1", "b1", "W2", "b2", "W3", "b3"]
    expect_names(path, a, names, "ThreeLayerNet")
    rows = a["W1"].shape[0]
    for k in (1, 2, 3):
        wk = a["W%d" % k]
        if wk.ndim != 2:
            fail(path, "W%d has shape %s, expected 2-D" % (k, fmt_shape(wk.shape)))
        if wk.shape[0] != rows:
            fail(path, "W%d has %d rows but the layer before gives %d values" % (k, wk.shape[0], rows))
        expect(path, a, "b%d" % k, (wk.shape[1],))
        rows = wk.shape[1]
    if a["W1"].shape[0] != C * H * W:
        fail(path, "W1 takes %d inputs, not MNIST's 784" % a["W1"].shape[0])
    dtypes = {str(v.dtype) for v in a.values()}
    if len(dtypes) != 1:
        fail(path, "mixed dtypes %s" % sorted(dtypes))
    arch = "ThreeLayerNet(input=%d, hidden=[%d, %d], output=%d, activation=sigmoid, dtype=%s)" % (
        a["W1"].shape[0], a["W2"].shape[0], a["W3"].shape[0], a["W3"].shape[1], dtypes.pop())
    return arch, names


def simple_conv_net(path, a):
    """ch7 simple_convnet.py: Conv (FN, 1, FS, FS) pad 0 stride 1 -> Relu -> Pool 2x2 -> Affine -> Relu -> Affine."""
    names = ["W1", "b1", "W2", "b2", "W3", "b3"]
    expect_names(path, a, names, "SimpleConvNet")
    fn, c, fh, fw = a["W1"].shape
    if c != C or fh != fw:
        fail(path, "W1 %s is not (FN, 1, FS, FS)" % fmt_shape(a["W1"].shape))
    pad, stride = 0, 1  # the book's conv_param defaults; W2's rows confirm them below
    conv = out_size(path, "conv", H, fh, stride, pad)
    pool = out_size(path, "pool", conv, 2, 2, 0)
    hidden, output = a["W2"].shape[1], a["W3"].shape[1]
    expect(path, a, "b1", (fn,))
    expect(path, a, "W2", (fn * pool * pool, hidden))
    expect(path, a, "b2", (hidden,))
    expect(path, a, "W3", (hidden, output))
    expect(path, a, "b3", (output,))
    arch = "SimpleConvNet(input=%s, filters=%dx%dx%d, pad=%d, stride=%d, hidden=%d, output=%d)" % (
        fmt_shape((C, H, W)), fn, fh, fw, pad, stride, hidden, output)
    return arch, names


def deep_conv_net(path, a):
    """ch8 deep_convnet.py: (conv relu conv relu pool) x 3, affine relu dropout, affine dropout."""
    names = []
    for k in range(1, 9):
        names += ["W%d" % k, "b%d" % k]
    expect_names(path, a, names, "DeepConvNet")
    channels, size = C, H
    for i, (fn, pad) in enumerate(zip(DEEP_FILTERS, DEEP_PADS)):
        k = i + 1
        expect(path, a, "W%d" % k, (fn, channels, 3, 3))
        expect(path, a, "b%d" % k, (fn,))
        size = out_size(path, "conv%d" % k, size, 3, 1, pad)
        if k % 2 == 0:
            size = out_size(path, "pool%d" % (k // 2), size, 2, 2, 0)
        channels = fn
    hidden, output = a["W7"].shape[1], a["W8"].shape[1]
    expect(path, a, "W7", (channels * size * size, hidden))
    expect(path, a, "b7", (hidden,))
    expect(path, a, "W8", (hidden, output))
    expect(path, a, "b8", (output,))
    arch = "DeepConvNet(input=%s, convs=[%s], hidden=%d, output=%d)" % (
        fmt_shape((C, H, W)), ", ".join(str(f) for f in DEEP_FILTERS), hidden, output)
    return arch, names


def read_pickle(path):
    with open(path, "rb") as f:
        d = pickle.load(f)
    if not isinstance(d, dict):
        fail(path, "expected a dict of numpy arrays, got %s" % type(d).__name__)
    for k, v in d.items():
        if not isinstance(k, str) or not isinstance(v, np.ndarray):
            fail(path, "entry %r is %s, expected a str -> numpy array" % (k, type(v).__name__))
        if v.dtype not in (np.float32, np.float64):
            fail(path, "%s has dtype %s, expected float32 or float64" % (k, v.dtype))
        if not np.all(np.isfinite(v)):
            fail(path, "%s holds NaN or infinite values" % k)
    return d


def layout(path, a):
    """Which of the kit's nets these arrays are, from their names and shapes."""
    if "W8" in a:
        return deep_conv_net(path, a)
    if "W1" in a and a["W1"].ndim == 4:
        return simple_conv_net(path, a)
    if "W1" in a and a["W1"].ndim == 2:
        return three_layer_net(path, a)
    fail(path, "arrays %s are none of the book's three nets" % sorted(a))


def utf(s):
    b = s.encode("ascii")  # the kit's lines are ASCII, where modified UTF-8 is plain bytes
    return struct.pack(">H", len(b)) + b


def write_dlfs(path, arch, names, arrays):
    out = [MAGIC, struct.pack(">i", VERSION), utf(arch), struct.pack(">i", len(names))]
    for name in names:
        a = arrays[name]
        out.append(utf(name))
        out.append(struct.pack(">i", a.ndim) + struct.pack(">%di" % a.ndim, *a.shape))
        out.append(np.ascontiguousarray(a, dtype=">f8").tobytes())  # C order, whatever the pickle's order
    out.append(END)
    with open(path, "wb") as f:
        f.write(b"".join(out))


def read_dlfs(path):
    """Reads a file written by write_dlfs: (architecture, {name: float64 array}); the numpy
    reference (book_numpy_reference.py) uses it too."""
    with open(path, "rb") as f:
        data = f.read()
    pos = 0

    def take(n):
        nonlocal pos
        if pos + n > len(data):
            fail(path, "truncated")
        pos += n
        return data[pos - n:pos]

    def string():
        (n,) = struct.unpack(">H", take(2))
        return take(n).decode("utf-8")

    if take(8) != MAGIC or struct.unpack(">i", take(4))[0] != VERSION:
        fail(path, "not a DLFSPARM version 1 file")
    arch = string()
    (k,) = struct.unpack(">i", take(4))
    arrays = {}
    for _ in range(k):
        name = string()
        (nd,) = struct.unpack(">i", take(4))
        shape = struct.unpack(">%di" % nd, take(4 * nd))
        arrays[name] = np.frombuffer(take(8 * int(np.prod(shape))), dtype=">f8").reshape(shape)
    if take(8) != END or pos != len(data):
        fail(path, "no end marker")
    return arch, arrays


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    book_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for name in ("sample_weight", "params", "deep_convnet_params"):
        src = os.path.join(book_dir, name + ".pkl")
        dst = os.path.join(out_dir, name + ".dlfs")
        arrays = read_pickle(src)
        arch, names = layout(src, arrays)
        write_dlfs(dst, arch, names, arrays)
        back_arch, back = read_dlfs(dst)
        if back_arch != arch or list(back) != names:
            fail(dst, "reads back as %r %s" % (back_arch, list(back)))
        for n in names:
            if not np.array_equal(back[n], arrays[n].astype(np.float64)):
                fail(dst, "%s does not read back exactly" % n)
        print("%s  %s" % (sha256(src), src))
        print("%s  %s" % (sha256(dst), dst))
        print("    %s: %s" % (arch, ", ".join("%s %s" % (n, fmt_shape(arrays[n].shape)) for n in names)))


if __name__ == "__main__":
    main()
