"""
Loads the explainer's exported weights into plain PyTorch Base and DIN forward passes (the
equations of MODEL_SPEC.md, default settings: difference-and-product activation unit, PReLU, no
softmax) and prints their CTRs; with EXPECTED.json (from scripts/safetensors-check.ts) it checks
them against the engine's own. Usage: python3 scripts/safetensors_check.py FILE [EXPECTED.json]
"""
import json
import struct
import sys

import torch

try:  # the real library when installed (pip install safetensors)
    from safetensors import safe_open
    from safetensors.torch import load_file
except ImportError:  # else the format's spec, read by hand
    load_file = None


def read(path):
    if load_file is not None:
        with safe_open(path, "pt") as f:
            return load_file(path), f.metadata()
    raw = open(path, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    meta = header.pop("__metadata__", {})
    data = raw[8 + n :]
    weights = {
        name: torch.frombuffer(bytearray(data[e["data_offsets"][0] : e["data_offsets"][1]]), dtype=torch.float32).reshape(e["shape"])
        for name, e in header.items()
    }
    return weights, meta


def prelu(x, a):
    return torch.relu(x) - a * torch.relu(-x)


def mlp(w, prefix, x):
    i = 0
    while f"{prefix}.dense{i}.w" in w:
        x = prelu(x @ w[f"{prefix}.dense{i}.w"] + w[f"{prefix}.dense{i}.b"], w[f"{prefix}.prelu{i}"])
        i += 1
    return (x @ w[f"{prefix}.out.w"] + w[f"{prefix}.out.b"]).reshape(-1)


def vectors(w, model, rows):
    """Each good's vector: its item, category and shop rows of the one table, concatenated."""
    table = w[f"{model}.embeddings"]
    return table[torch.tensor(rows)].reshape(len(rows), -1)


def base_ctr(w, hist_rows, cand_rows):
    pooled = vectors(w, "base", hist_rows).sum(0, keepdim=True)
    v = vectors(w, "base", [cand_rows])
    return torch.sigmoid(mlp(w, "base.head", torch.cat([pooled, v], 1))).item()


def din_ctr(w, hist_rows, cand_rows):
    e = vectors(w, "din", hist_rows)
    v = vectors(w, "din", [cand_rows]).expand_as(e)
    weights = mlp(w, "din.att", torch.cat([e, v, e - v, e * v], 1))  # one w_j per purchase, unnormalised
    pooled = (weights[:, None] * e).sum(0, keepdim=True)
    return torch.sigmoid(mlp(w, "din.head", torch.cat([pooled, v[:1]], 1))).item(), weights.tolist()


def main():
    w, meta = read(sys.argv[1])
    rows = {name: r for name, *r in json.loads(meta["goods"])}
    expected = json.load(open(sys.argv[2])) if len(sys.argv) > 2 else None
    history = expected["history"] if expected else ["mouse", "T-shirt", "face wash"]
    candidate = expected["candidate"] if expected else "keyboard"
    hist_rows = [rows[g] for g in history]
    base = base_ctr(w, hist_rows, rows[candidate])
    din, din_w = din_ctr(w, hist_rows, rows[candidate])
    print(f"step {meta['step']}: {history} -> {candidate}: Base CTR {base:.6f}, DIN CTR {din:.6f}, DIN weights {[round(x, 6) for x in din_w]}")
    if expected:
        ok = abs(base - expected["base"]) < 1e-5 and abs(din - expected["din"]) < 1e-5
        ok = ok and all(abs(a - b) < 1e-5 for a, b in zip(din_w, expected["dinWeights"]))
        print("matches the engine" if ok else f"MISMATCH: engine says {expected}")
        sys.exit(0 if ok else 1)


main()
