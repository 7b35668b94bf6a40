#!/usr/bin/env python3
"""Times SRGRN in PyTorch on the CPU, for comparison with the Java backends (JMH ModelBenchmarks).

The model is written here from SPEC.md section 3 (not imported from anywhere), with the same
parameter names, so SPEC's golden fixtures load into it: --check-fixtures verifies that this is
the identical model before any timing is trusted.

    # Debian: apt-get install python3-torch   (use /usr/bin/python3, Debian's interpreter)
    /usr/bin/python3 scripts/compare_torch.py --config compact --scale 4 --threads 2 \
        --check-fixtures ../shared/fixtures --jmh-json jmh-result.json

It times one forward pass of a 1x3x48x48 LR patch and one training step (forward, L1 loss,
backward, Adam) on a batch of 16 such patches with their HR targets -- the shapes of the JMH
ModelBenchmarks defaults -- and prints a Markdown table. With --jmh-json (JMH's -rf json output
of io.srgrn.bench.jmh.ModelBenchmarks) it adds one row per Java backend with the ratios
Java/Python (below 1: Java is faster).
"""

import argparse
import json
import math
import os
import platform
import statistics
import struct
import sys
import time

try:
    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError as e:  # pragma: no cover - depends on the machine
    sys.exit("compare_torch.py needs PyTorch and numpy (Debian: apt-get install python3-torch; "
             "run it with /usr/bin/python3): %s" % e)

PRESETS = {
    # SPEC.md section 1 (paper) and SrgrnConfig.compact.
    "paper": dict(G0=64, D=20, C=6, G=32, N=10, alpha=8),
    "compact": dict(G0=32, D=4, C=4, G=16, N=8, alpha=4),
}


def config_for(preset, scale):
    c = dict(PRESETS[preset])
    c.update(scale=scale, inChannels=3, outChannels=3, slope=0.2, nodeAggregation="MEAN", grum=True, grrb=True)
    return c


def upsample_factors(scale):
    return {2: [2], 3: [3], 4: [2, 2]}[scale]


class Rdb(nn.Module):
    def __init__(self, g0, c, g):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv2d(g0 + i * g, g, 3, padding=1) for i in range(c)])
        self.lff = nn.Conv2d(g0 + c * g, g0, 1)

    def forward(self, h):
        feats = [h]
        for conv in self.convs:
            feats.append(F.relu(conv(torch.cat(feats, 1))))
        return self.lff(torch.cat(feats, 1)) + h


class Reasoning(nn.Module):
    """Node aggregation, CLC and distribution weights (SPEC 3.1-3.3), shared by GRUM and GRRB."""

    def __init__(self, g0, n, slope, mean):
        super().__init__()
        self.n, self.mean = n, mean
        self.proj = nn.Conv2d(g0, n, 1)
        self.distribute = nn.Conv2d(g0, n, 1)
        self.clc = nn.Sequential(nn.Conv1d(n, n, 1), nn.LeakyReLU(slope), nn.Conv1d(n, n, 1))

    def nodes(self, x):
        b, c, h, w = x.shape
        p = self.proj(x).reshape(b, self.n, h * w)
        yw = torch.bmm(p, x.reshape(b, c, h * w).transpose(1, 2))  # B x N x C
        if self.mean:
            yw = yw / (h * w)
        return self.clc(yw)

    def pixel_weights(self, x):
        b, _, h, w = x.shape
        return torch.softmax(self.distribute(x).reshape(b, self.n, h * w), dim=1)


class Grum(Reasoning):
    def __init__(self, g0, n, alpha, r, slope, mean):
        super().__init__(g0, n, slope, mean)
        self.r = r
        self.expand = nn.Sequential(nn.Conv1d(g0, g0 // alpha, 1), nn.LeakyReLU(slope),
                                    nn.Conv1d(g0 // alpha, r * r * g0, 1))
        self.subpixel = nn.Conv2d(g0, r * r * g0, 3, padding=1)
        self.gamma = nn.Parameter(torch.zeros(1))
        self.fuse = nn.Conv2d(g0, g0, 3, padding=1)

    def forward(self, f):
        b, c, h, w = f.shape
        ync = self.expand(self.nodes(f).transpose(1, 2))               # B x r*r*C x N
        yrc = torch.bmm(ync, self.pixel_weights(f)).reshape(b, -1, h, w)
        ys = self.gamma * F.pixel_shuffle(yrc, self.r) + (1 - self.gamma) * F.pixel_shuffle(self.subpixel(f), self.r)
        return self.fuse(ys)


class Grrb(Reasoning):
    def __init__(self, g0, n, out_ch, slope, mean):
        super().__init__(g0, n, slope, mean)
        self.gamma = nn.Parameter(torch.zeros(1))
        self.tail = nn.Sequential(nn.Conv2d(g0, g0, 3, padding=1), nn.Conv2d(g0, out_ch, 3, padding=1))

    def forward(self, fs):
        b, c, h, w = fs.shape
        yrc = torch.bmm(self.nodes(fs).transpose(1, 2), self.pixel_weights(fs)).reshape(b, c, h, w)
        return self.tail(self.gamma * yrc + fs)


class Srgrn(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        g0, mean, slope = cfg["G0"], cfg["nodeAggregation"] == "MEAN", cfg["slope"]
        if not (cfg["grum"] and cfg["grrb"]):
            raise ValueError("this script implements the full model (grum and grrb on)")
        self.sfe1 = nn.Conv2d(cfg["inChannels"], g0, 3, padding=1)
        self.sfe2 = nn.Conv2d(g0, g0, 3, padding=1)
        self.rdbs = nn.ModuleList([Rdb(g0, cfg["C"], cfg["G"]) for _ in range(cfg["D"])])
        self.gff = nn.Sequential(nn.Conv2d(cfg["D"] * g0, g0, 1), nn.Conv2d(g0, g0, 3, padding=1))
        self.upsample = nn.ModuleList([Grum(g0, cfg["N"], cfg["alpha"], r, slope, mean)
                                       for r in upsample_factors(cfg["scale"])])
        self.grrb = Grrb(g0, cfg["N"], cfg["outChannels"], slope, mean)

    def forward(self, x):
        f1 = self.sfe1(x)
        h = self.sfe2(f1)
        outs = []
        for rdb in self.rdbs:
            h = rdb(h)
            outs.append(h)
        f = self.gff(torch.cat(outs, 1)) + f1
        for grum in self.upsample:
            f = grum(f)
        return self.grrb(f)


def read_safetensors(path):
    """Minimal safetensors reader (the format is an 8-byte header length, a JSON header, raw data)."""
    with open(path, "rb") as fh:
        data = fh.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    meta = header.pop("__metadata__", {})
    base = 8 + n
    dtypes = {"F32": np.float32, "F64": np.float64, "F16": np.float16}
    tensors = {}
    for name, info in header.items():
        start, end = info["data_offsets"]
        arr = np.frombuffer(data[base + start:base + end], dtype=dtypes[info["dtype"]]).reshape(info["shape"])
        tensors[name] = torch.from_numpy(arr.astype(np.float64))
    return tensors, meta


def check_fixtures(folder):
    """Forward output and input gradient of every golden case, in float64, against the stored values."""
    worst = 0.0
    names = sorted(f for f in os.listdir(folder) if f.endswith(".safetensors"))
    if not names:
        sys.exit("no .safetensors fixtures in %s" % folder)
    for name in names:
        tensors, meta = read_safetensors(os.path.join(folder, name))
        cfg = json.loads(meta["config"])
        model = Srgrn(cfg).double()
        state = {k: v for k, v in tensors.items() if k in model.state_dict()}
        missing = set(model.state_dict()) - set(state)
        if missing:
            sys.exit("%s: parameters missing for this model: %s" % (name, sorted(missing)[:5]))
        model.load_state_dict(state)
        x = tensors["input"].clone().requires_grad_(True)
        y = model(x)
        (y * tensors["upstream"]).sum().backward()
        for label, got, want in (("output", y.detach(), tensors["output"]), ("grad.input", x.grad, tensors["grad.input"])):
            rel = (torch.linalg.vector_norm(got - want) / torch.linalg.vector_norm(want)).item()
            worst = max(worst, rel)
            if not rel < 1e-5:
                sys.exit("%s: %s differs from the fixture (normwise relative error %.3e): not the SPEC model"
                         % (name, label, rel))
    print("fixtures: %d golden case(s) in %s reproduced (worst normwise relative error %.1e)"
          % (len(names), folder, worst), file=sys.stderr)


def median_ms(fn, warmup, repeats):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def time_model(cfg, patch, batch, threads, warmup, repeats, seed):
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    model = Srgrn(cfg)
    s = cfg["scale"]
    gen = torch.Generator().manual_seed(seed + 1)
    x = torch.rand(1, cfg["inChannels"], patch, patch, generator=gen)
    lr = torch.rand(batch, cfg["inChannels"], patch, patch, generator=gen)
    hr = torch.rand(batch, cfg["outChannels"], patch * s, patch * s, generator=gen)

    def forward():
        with torch.no_grad():
            model(x)

    opt = torch.optim.Adam(model.parameters(), lr=1e-4, betas=(0.9, 0.999), eps=1e-8)

    def train_step():
        opt.zero_grad(set_to_none=True)
        loss = (model(lr) - hr).abs().mean()
        loss.backward()
        opt.step()
        return loss.item()

    params = sum(p.numel() for p in model.parameters())
    return params, median_ms(forward, warmup, repeats), median_ms(train_step, warmup, repeats)


def jmh_rows(path, preset, scale, patch, batch):
    """(backend, threads, forward ms, train step ms) per backend from JMH's JSON results of ModelBenchmarks."""
    with open(path) as fh:
        results = json.load(fh)
    found = {}
    for r in results:
        if not r.get("benchmark", "").startswith("io.srgrn.bench.jmh.ModelBenchmarks"):
            continue
        p = r.get("params", {})
        if (p.get("preset") != preset or str(p.get("scale")) != str(scale) or str(p.get("patch", patch)) != str(patch)
                or p.get("device", "cpu") != "cpu"):
            continue
        if p.get("mode") == "trainStep" and str(p.get("batch", batch)) != str(batch):
            continue
        metric = r["primaryMetric"]
        unit = metric.get("scoreUnit", "ms/op")
        factor = {"ms/op": 1.0, "s/op": 1000.0, "us/op": 1e-3}.get(unit)
        if factor is None:
            sys.exit("%s: unexpected JMH unit %s (run ModelBenchmarks in AverageTime mode)" % (path, unit))
        key = (p.get("backend"), p.get("threads"))
        found.setdefault(key, {})[p.get("mode")] = metric["score"] * factor
    return [(k[0], k[1], v.get("forward"), v.get("trainStep")) for k, v in sorted(found.items())]


def fmt(v, digits=1):
    return "-" if v is None or (isinstance(v, float) and math.isnan(v)) else ("%.*f" % (digits, v))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", choices=sorted(PRESETS), default="compact")
    ap.add_argument("--scale", type=int, choices=(2, 3, 4), default=4)
    ap.add_argument("--patch", type=int, default=48, help="LR patch side (default 48)")
    ap.add_argument("--batch", type=int, default=16, help="training batch (default 16)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="torch intra-op threads (default: all cores)")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=5, help="timed runs; the median is reported")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--check-fixtures", metavar="DIR", help="first verify the model against SPEC's golden cases")
    ap.add_argument("--jmh-json", metavar="FILE", help="JMH JSON results of ModelBenchmarks: add Java rows and ratios")
    ap.add_argument("--header", action="store_true", help="print the table header too (default: only when adding Java rows)")
    a = ap.parse_args()
    if a.patch < 1 or a.batch < 1 or a.threads < 1 or a.repeats < 1 or a.warmup < 0:
        ap.error("--patch, --batch, --threads and --repeats must be >= 1, --warmup >= 0")

    if a.check_fixtures:
        check_fixtures(a.check_fixtures)
    cfg = config_for(a.config, a.scale)
    params, fwd, step = time_model(cfg, a.patch, a.batch, a.threads, a.warmup, a.repeats, a.seed)
    java = jmh_rows(a.jmh_json, a.config, a.scale, a.patch, a.batch) if a.jmh_json else []

    if a.header or java:
        print("| implementation | config | threads | forward 1x3x%dx%d (ms) | train step %dx3x%dx%d (ms) "
              "| forward Java/Python | train step Java/Python |" % (a.patch, a.patch, a.batch, a.patch, a.patch))
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    label = "PyTorch %s (Python %s, CPU)" % (torch.__version__, platform.python_version())
    print("| %s | %s x%d (%s parameters) | %d | %s | %s | - | - |"
          % (label, a.config, a.scale, format(params, ","), a.threads, fmt(fwd), fmt(step)))
    for backend, threads, jf, js in java:
        print("| %s (Java, JMH) | %s x%d | %s | %s | %s | %s | %s |"
              % (backend, a.config, a.scale, threads, fmt(jf), fmt(js),
                 fmt(jf / fwd if jf else None, 2), fmt(js / step if js else None, 2)))
    if a.jmh_json and not java:
        print("no ModelBenchmarks results for preset=%s scale=%d patch=%d in %s"
              % (a.config, a.scale, a.patch, a.jmh_json), file=sys.stderr)


if __name__ == "__main__":
    main()
