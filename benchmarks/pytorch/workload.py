#!/usr/bin/python3
"""One benchmark workload in PyTorch/NumPy, the twin of `hessianscope bench workload NAME`.

Loads the shared inputs (spec.json, weights.npz, v.npy, start.npy, ... written by
`hessianscope bench workload prepare`) and MNIST, runs a small untimed warm-up, then the
workload once, timed. Prints `time_s=... peak_rss_kb=...` and saves the numbers to compare
to --out (.npy).

  train     one epoch of Adam (lr 1e-3, batch 64) in float32, PyTorch's usual precision,
            on the first --train-samples in HessianScope's shuffle (train-order.npy)
  losses    per-sample cross-entropy of all 60,000 training samples, float64, batches of 100
  hvp       H v over the first 1,000 samples, float64, double backprop, batches of 100 summed
  lanczos   top 5 eigenvalues of that H by 40 Lanczos steps with full reorthogonalisation
            from start.npy; each batch's gradient graph is built once and reused, as PyHessian does
  ggnnorm   ||H_O,i|| = lambda_max(A^1/2 J J^T A^1/2) for the first 10,000 samples, all
            parameters and weights only; J by K backward passes per sample
  lossdiff  mean |dL_k| and mean dL_k^2 over 500 orderings of 60,000 losses, NumPy; timed with
            its own orderings (rng.permutation), checked on HessianScope's (orderings.npy)
  surface   L and accuracy on a 25 x 25 plane over [-1, 1]^2 of HessianScope's directions
            (surface-directions.npy), first 1,000 samples, the way Li et al.'s loss-landscape does it
            (net_plotter.set_weights, evaluation.eval_loss: batches of 128 under no_grad, mean batch loss
            times its size); --variant strong in float64, plain in float32 (their usual precision)
"""
import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hsnet  # noqa: E402

HVP_SAMPLES = 1000
LANCZOS_STEPS = 40
LANCZOS_TOP = 5
GGN_SAMPLES = 10_000
# Samples per functorch.vmap(jacrev) call: 100 Jacobians of P doubles each fit in memory comfortably.
GGN_CHUNK = 100
BATCH = 64
# Mini-batch of the float64 passes. PyTorch's float64 convolution (slow_conv2d) slows down badly on big
# batches here (1,000 samples in one batch: ~20x slower than in batches of 100 for the forward), so the
# twin uses batches of 100 and sums, as PyHessian does with its data loader.
EVAL_BATCH = 100
# The surface row, as in loss-landscape's plot_surface.py: --batch_size 128, --xmin -1 --xmax 1 --xnum 25 (same for y).
SURFACE_GRID = 25
SURFACE_RANGE = 1.0
SURFACE_BATCH = 128


def flat(tensors):
    return torch.cat([t.reshape(-1) for t in tensors])


def unflat(vector, params):
    out, at = [], 0
    for p in params:
        out.append(vector[at:at + p.numel()].view_as(p))
        at += p.numel()
    return out


def train(args, x, y):
    order = torch.from_numpy(np.load(os.path.join(args.dir, "train-order.npy"))[0].astype(np.int64))
    xs = x[order].float()
    ys = y[order]
    strong = args.variant == "strong"
    if strong:
        # channels_last is the memory format PyTorch recommends for convolutions on the CPU.
        xs = xs.contiguous(memory_format=torch.channels_last)

    def make():
        net = hsnet.load_net(args.dir, torch.float32)[0]
        return net.to(memory_format=torch.channels_last) if strong else net

    def epoch(net, n):
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        loss_sum = torch.zeros((), dtype=torch.float32) if strong else 0.0
        for start in range(0, n, BATCH):
            xb, yb = xs[start:start + BATCH], ys[start:start + BATCH]
            loss = F.cross_entropy(net(xb), yb)
            if strong:
                opt.zero_grad(set_to_none=True)
            else:
                opt.zero_grad()
            loss.backward()
            opt.step()
            if strong:
                # No .item() per batch: it would synchronise on every step; the sum stays a tensor.
                loss_sum += loss.detach() * len(yb)
            else:
                loss_sum += loss.item() * len(yb)
        return float(loss_sum) / n

    warm = min(640, len(order))
    if strong:
        # One or two threads, whichever is faster here: timed on a warm-up epoch each, untimed.
        best = None
        for threads in sorted({1, args.threads}):
            torch.set_num_threads(threads)
            epoch(make(), warm)
            t0 = time.perf_counter()
            epoch(make(), warm)
            took = time.perf_counter() - t0
            if best is None or took < best[0]:
                best = (took, threads)
        torch.set_num_threads(best[1])
        sys.stderr.write("train: %d thread(s) chosen\n" % best[1])
    else:
        epoch(make(), warm)
    net = make()
    t0 = time.perf_counter()
    mean_loss = epoch(net, len(order))
    seconds = time.perf_counter() - t0
    return seconds, np.array([mean_loss, len(order) / seconds])


def losses(args, x, y):
    net, _ = hsnet.load_net(args.dir, torch.float64)

    def run(n):
        out = torch.empty(n, dtype=torch.float64)
        with torch.no_grad():
            for start in range(0, n, EVAL_BATCH):
                end = start + EVAL_BATCH
                out[start:end] = F.cross_entropy(net(x[start:end]), y[start:end], reduction="none")
        return out

    run(min(4000, len(y)))
    t0 = time.perf_counter()
    out = run(len(y))
    return time.perf_counter() - t0, out.numpy()


def hvp(args, x, y):
    net, _ = hsnet.load_net(args.dir, torch.float64)
    params = list(net.parameters())
    v = unflat(torch.from_numpy(np.load(os.path.join(args.dir, "v.npy"))), params)
    xs, ys = x[:HVP_SAMPLES], y[:HVP_SAMPLES]

    def product():
        hv = None
        for start in range(0, len(ys), EVAL_BATCH):
            end = start + EVAL_BATCH
            batch_sum = F.cross_entropy(net(xs[start:end]), ys[start:end], reduction="sum")
            grads = torch.autograd.grad(batch_sum, params, create_graph=True)
            dot = sum((g * u).sum() for g, u in zip(grads, v))
            part = flat(torch.autograd.grad(dot, params))
            hv = part if hv is None else hv + part
        return hv / len(ys)

    product()
    t0 = time.perf_counter()
    hv = product()
    return time.perf_counter() - t0, hv.numpy()


def lanczos(args, x, y):
    net, _ = hsnet.load_net(args.dir, torch.float64)
    params = list(net.parameters())
    xs, ys = x[:HVP_SAMPLES], y[:HVP_SAMPLES]
    start = torch.from_numpy(np.load(os.path.join(args.dir, "start.npy")))

    def run(steps):
        # The gradient graph of every batch is built once and kept; each step is one double backward per batch.
        def batch_grads(first):
            end = first + EVAL_BATCH
            batch_sum = F.cross_entropy(net(xs[first:end]), ys[first:end], reduction="sum")
            return torch.autograd.grad(batch_sum, params, create_graph=True)

        kept = args.variant == "strong"
        graphs = [batch_grads(first) for first in range(0, len(ys), EVAL_BATCH)] if kept else None

        def apply(q):
            directions = unflat(q, params)
            w = None
            for b, first in enumerate(range(0, len(ys), EVAL_BATCH)):
                grads = graphs[b] if kept else batch_grads(first)
                part = flat(torch.autograd.grad(grads, params, grad_outputs=directions, retain_graph=kept))
                w = part if w is None else w + part
            return w / len(ys)

        basis, alpha, beta = [], [], []
        q = start / torch.linalg.norm(start)
        previous = None
        for m in range(steps):
            basis.append(q)
            w = apply(q)
            alpha.append(torch.dot(q, w).item())
            w = w - alpha[m] * q
            if previous is not None:
                w = w - beta[m - 1] * previous
            for _ in range(2):  # full reorthogonalisation, modified Gram-Schmidt, twice
                for b in basis:
                    w = w - torch.dot(b, w) * b
            beta.append(torch.linalg.norm(w).item())
            previous = q
            q = w / beta[m]
        t = np.diag(alpha) + np.diag(beta[:-1], 1) + np.diag(beta[:-1], -1)
        return np.linalg.eigvalsh(t)[::-1][:LANCZOS_TOP].copy()

    run(1)
    t0 = time.perf_counter()
    top = run(LANCZOS_STEPS)
    return time.perf_counter() - t0, top


def ggnnorm(args, x, y):
    net, spec = hsnet.load_net(args.dir, torch.float64)
    params = list(net.parameters())
    names = [name for name, _ in net.named_parameters()]
    weights = torch.cat([torch.full((p.numel(),), name.endswith(".weight")) for name, p in zip(names, params)])
    k = spec["classes"]
    others = torch.ones(k, k, dtype=torch.float64) - torch.eye(k, dtype=torch.float64)

    def top_eigenvalue(sqrt_a, gram):
        m = sqrt_a @ gram @ sqrt_a
        return torch.linalg.eigvalsh((m + m.T) / 2)[-1].item()

    def run(n):
        out = np.empty((2, n))
        for i in range(n):
            z = net(x[i:i + 1])[0]
            jac = torch.stack([flat(torch.autograd.grad(z[c], params, retain_graph=True)) for c in range(k)])
            p = torch.softmax(z.detach(), 0)
            # p_i (1 - p_i) with 1 - p_i summed from the other classes, as HessianScope does.
            a = -torch.outer(p, p)
            a.diagonal().copy_(p * (others @ p))
            d, vecs = torch.linalg.eigh(a)
            sqrt_a = vecs @ torch.diag(d.clamp(min=0).sqrt()) @ vecs.T
            jw = jac[:, weights]
            out[0, i] = top_eigenvalue(sqrt_a, jac @ jac.T)
            out[1, i] = top_eigenvalue(sqrt_a, jw @ jw.T)
        return out.reshape(-1)

    def run_vmap(n):
        # The strongest per-sample Jacobian PyTorch 1.13 offers: functorch.vmap(jacrev) over a chunk.
        from functorch import jacrev, make_functional, vmap
        fnet, fparams = make_functional(net)

        def logits(ps, xi):
            return fnet(ps, xi.unsqueeze(0))[0]

        out = np.empty((2, n))
        for first in range(0, n, GGN_CHUNK):
            end = min(n, first + GGN_CHUNK)
            jacs = vmap(jacrev(logits), in_dims=(None, 0))(fparams, x[first:end])
            jac = torch.cat([j.reshape(end - first, k, -1) for j in jacs], dim=2)
            with torch.no_grad():
                z = vmap(lambda xi: logits(fparams, xi))(x[first:end])
                p = torch.softmax(z, 1)
                a = -p.unsqueeze(2) * p.unsqueeze(1)
                a.diagonal(dim1=1, dim2=2).copy_(p * (p @ others))
                d, vecs = torch.linalg.eigh(a)
                sqrt_a = vecs @ torch.diag_embed(d.clamp(min=0).sqrt()) @ vecs.transpose(1, 2)
                for row, j in enumerate((jac, jac[:, :, weights])):
                    m = sqrt_a @ (j @ j.transpose(1, 2)) @ sqrt_a
                    out[row, first:end] = torch.linalg.eigvalsh((m + m.transpose(1, 2)) / 2)[:, -1].numpy()
        return out.reshape(-1)

    chosen = run_vmap if args.variant == "strong" else run
    chosen(min(200, len(y)))
    t0 = time.perf_counter()
    norms = chosen(min(GGN_SAMPLES, len(y)))
    return time.perf_counter() - t0, norms


def lossdiff(args):
    losses = np.load(os.path.join(args.dir, "lossdiff-losses.npy"))
    n = losses.shape[0]
    k = np.arange(1, n, dtype=np.float64)

    def run(s, orderings):
        sum_abs = np.zeros(n - 1)
        sum_sq = np.zeros(n - 1)
        for start in range(0, s, 25):
            x = losses[orderings(start, min(s, start + 25))]
            running_mean = np.cumsum(x, axis=1)[:, :-1] / k
            d = np.abs(x[:, 1:] - running_mean)
            sum_abs += d.sum(axis=0)
            sum_sq += (d * d).sum(axis=0)
        return np.concatenate([sum_abs / s / (k + 1), sum_sq / s / (k + 1) ** 2])

    # Timed as a NumPy user would run it, drawing its own orderings; the numbers compared with
    # HessianScope's come from an untimed pass over HessianScope's very orderings (orderings.npy).
    rng = np.random.default_rng(0)

    def own(a, b):
        return np.stack([rng.permutation(n) for _ in range(a, b)])

    def run_threads(s, orderings):
        # Blocks of 25 orderings shared among --threads workers; NumPy releases the GIL in its kernels.
        from concurrent.futures import ThreadPoolExecutor
        starts = list(range(0, s, 25))

        def part(start):
            x = losses[orderings(start, min(s, start + 25))]
            running_mean = np.cumsum(x, axis=1)[:, :-1] / k
            d = np.abs(x[:, 1:] - running_mean)
            return d.sum(axis=0), (d * d).sum(axis=0)

        with ThreadPoolExecutor(max_workers=args.threads) as pool:
            parts = list(pool.map(part, starts))
        sum_abs = np.sum([a for a, _ in parts], axis=0)
        sum_sq = np.sum([b for _, b in parts], axis=0)
        return np.concatenate([sum_abs / s / (k + 1), sum_sq / s / (k + 1) ** 2])

    strong = args.variant == "strong"
    chosen = run_threads if strong else run
    shared = np.load(os.path.join(args.dir, "orderings.npy"), mmap_mode="r")
    def own_per_ordering(a, b):
        # One Generator per ordering, so that threads share none and the timed work still draws its orderings.
        return np.stack([np.random.default_rng([0, i]).permutation(n) for i in range(a, b)])

    timed = own_per_ordering if strong else own
    chosen(50, timed)
    t0 = time.perf_counter()
    chosen(shared.shape[0], timed)
    seconds = time.perf_counter() - t0
    return seconds, chosen(shared.shape[0], lambda a, b: shared[a:b])


def surface(args, x, y):
    # float64 is the exact twin of HessianScope; float32 is what loss-landscape runs (its nets and torch.Tensor(d) are float32).
    dtype = torch.float64 if args.variant == "strong" else torch.float32
    net, _ = hsnet.load_net(args.dir, dtype)
    net.eval()
    params = list(net.parameters())
    weights = [p.data.clone() for p in params]  # net_plotter.get_weights
    both = np.load(os.path.join(args.dir, "surface-directions.npy"))
    dx = [d.to(dtype) for d in unflat(torch.from_numpy(both[0]), params)]
    dy = [d.to(dtype) for d in unflat(torch.from_numpy(both[1]), params)]
    xs = x.to(dtype)
    half = (SURFACE_GRID - 1) // 2
    # Surface.coordinates: range * (i - half) / half, the same doubles as HessianScope's grid.
    coordinates = [SURFACE_RANGE * (i - half) / half for i in range(SURFACE_GRID)]
    criterion = torch.nn.CrossEntropyLoss()

    def eval_loss():  # evaluation.eval_loss, CrossEntropyLoss branch
        correct, total_loss, total = 0, 0, 0
        with torch.no_grad():
            for start in range(0, len(y), SURFACE_BATCH):
                inputs, targets = xs[start:start + SURFACE_BATCH], y[start:start + SURFACE_BATCH]
                batch_size = inputs.size(0)
                total += batch_size
                outputs = net(inputs)
                loss = criterion(outputs, targets)
                total_loss += loss.item() * batch_size
                _, predicted = torch.max(outputs.data, 1)
                correct += predicted.eq(targets).sum().item()
        return total_loss / total, correct / total

    def run(points):
        out = np.empty((2, len(points), len(points)))
        for i, a in enumerate(points):
            for j, b in enumerate(points):
                # net_plotter.set_weights(net, weights, directions, step): p.data = w + (d0*a + d1*b)
                for p, w, d0, d1 in zip(params, weights, dx, dy):
                    p.data = w + (d0 * a + d1 * b)
                out[0, i, j], out[1, i, j] = eval_loss()
        return out

    run([-SURFACE_RANGE, 0.0, SURFACE_RANGE])  # warm-up, as HessianScope's 3 x 3
    t0 = time.perf_counter()
    out = run(coordinates)
    return time.perf_counter() - t0, out.reshape(-1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", choices=["train", "losses", "hvp", "lanczos", "ggnnorm", "lossdiff", "surface"])
    parser.add_argument("--dir", required=True, help="folder written by `hessianscope bench workload prepare`")
    parser.add_argument("--data-dir", default="../shared/datasets", help="folder holding mnist/*.gz")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--out", required=True)
    parser.add_argument("--variant", choices=["strong", "plain"], default="strong",
                        help="strong: the fastest PyTorch/NumPy a user would write (channels_last training with set_to_none "
                             "and no .item() per batch, vmap(jacrev), kept-graph Lanczos, threaded NumPy); plain: the "
                             "straightforward code of the first comparison")
    parser.add_argument("--samples", type=int, default=None,
                        help="samples of losses (default 60000), hvp, lanczos and surface (1000) or ggnnorm (10000)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.name == "lossdiff":
        seconds, result = lossdiff(args)
    else:
        x, y = hsnet.mnist_train(args.data_dir)
        if args.samples is not None:
            x, y = x[:args.samples], y[:args.samples]
        seconds, result = globals()[args.name](args, x, y)
    np.save(args.out, np.asarray(result, dtype=np.float64).reshape(-1))
    print("workload=%s side=pytorch threads=%d time_s=%.6f peak_rss_kb=%d" % (
        args.name, torch.get_num_threads(), seconds, hsnet.peak_rss_kb()))


if __name__ == "__main__":
    main()
