"""HessianScope's spec JSON and .npz weights as a torch.nn network, and MNIST as HessianScope reads it.

The network follows ArchitectureSpec.stages(): valid stride-1 convolutions, a ReLU after every
conv except the last (unless reluAfterLastConv), a pool replacing the nonlinearity after conv
`pool.at`, flatten in (c, h, w) order, then fc layers with ReLU between them. Parameter names
and shapes are PyTorch's (conv{l}.weight [Cout, Cin, k, k], fc{j}.weight [out, in]), so the
.npz written by HessianScope loads as a state_dict.
"""
import gzip
import json
import os
import struct

import numpy as np
import torch
from torch import nn


class SpecNet(nn.Module):
    def __init__(self, spec):
        super().__init__()
        inp = spec["input"]
        c, h, w = inp["channels"], inp["height"], inp["width"]
        pool = spec.get("pool")
        convs = spec["conv"]
        self.stages = []
        for l, layer in enumerate(convs, start=1):
            k = layer["kernel"]
            conv = nn.Conv2d(c, layer["channels"], k)
            setattr(self, "conv%d" % l, conv)
            self.stages.append(conv)
            c, h, w = layer["channels"], h - k + 1, w - k + 1
            if pool is not None and pool["at"] == l:
                s = pool["size"]
                self.stages.append(nn.MaxPool2d(s) if pool["type"] == "max" else nn.AvgPool2d(s))
                h, w = h // s, w // s
            elif l < len(convs) or spec.get("reluAfterLastConv", False):
                self.stages.append(nn.ReLU())
        self.stages.append(nn.Flatten())
        widths = list((spec.get("head") or {}).get("hidden", [])) + [spec["classes"]]
        features = c * h * w
        for j, width in enumerate(widths, start=1):
            fc = nn.Linear(features, width)
            setattr(self, "fc%d" % j, fc)
            self.stages.append(fc)
            if j < len(widths):
                self.stages.append(nn.ReLU())
            features = width

    def forward(self, x):
        for stage in self.stages:
            x = stage(x)
        return x


def load_net(folder, dtype):
    with open(os.path.join(folder, "spec.json")) as f:
        spec = json.load(f)
    # Cast before loading: load_state_dict copies into the existing (float32) tensors.
    net = SpecNet(spec).to(dtype)
    weights = np.load(os.path.join(folder, "weights.npz"))
    state = {name: torch.from_numpy(np.array(weights[name], dtype=np.float64)) for name in weights.files}
    net.load_state_dict(state, strict=True)
    return net, spec


def _idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">i", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "i" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def mnist_train(data_dir):
    """Normalised images (N, 1, 28, 28) float64, (x/255 − 0.5)/0.5 as HessianScope computes it, and int64 labels."""
    root = os.path.join(data_dir, "mnist")
    images = _idx(os.path.join(root, "train-images-idx3-ubyte.gz"))
    labels = _idx(os.path.join(root, "train-labels-idx1-ubyte.gz"))
    x = (images.astype(np.float64) / 255.0 - 0.5) / 0.5
    return torch.from_numpy(x.reshape(-1, 1, 28, 28)), torch.from_numpy(labels.astype(np.int64))


def peak_rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0
