#!/usr/bin/env python3
"""The score-file side of benchmarks/analyze-vs-sklearn.sh.

  analyze_vs_sklearn.py generate FILE LINES      writes a Bob 4-column score file (seeded, 2,000 subjects,
                                                 1% genuine comparisons)
  analyze_vs_sklearn.py reference FILE OUT.json  EER and FNMR at five FMRs with numpy + scikit-learn
  analyze_vs_sklearn.py compare REF.json METRICS.json
                                                 checks Touchstone's metrics.json against the reference

The reference is what a user would write instead of `touchstone analyze`: numpy.loadtxt, then
sklearn.metrics.roc_curve. Thresholds follow Touchstone's definition (docs: reference metrics): a
comparison matches when score >= T; FNMR at FMR f is FNMR at the smallest candidate threshold T whose
FMR(T) <= f; the EER is interpolated linearly between the two candidate thresholds where FMR - FNMR
first turns zero or negative, sweeping thresholds upwards.
"""
import json
import sys

SUBJECTS = 2000
FMR_TARGETS = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5]


def generate(path, lines):
    import numpy as np
    rng = np.random.default_rng(20261206)
    genuine = lines // 101
    impostor = lines - genuine
    chunk = 1_000_000
    with open(path, "w", encoding="ascii") as out:
        written = 0
        while written < lines:
            n = min(chunk, lines - written)
            index = np.arange(written, written + n)
            is_genuine = index < genuine
            claimed = index % SUBJECTS
            # An impostor's real subject is any other subject: offset 1 .. SUBJECTS - 1 from the claimed one.
            offset = rng.integers(1, SUBJECTS, size=n)
            real = np.where(is_genuine, claimed, (claimed + offset) % SUBJECTS)
            sample = rng.integers(0, 20, size=n)
            score = np.where(is_genuine, rng.normal(0.62, 0.12, size=n), rng.normal(0.05, 0.1, size=n))
            text = "".join(f"s{c:04d} s{r:04d} s{r:04d}_{s:02d} {v:.6f}\n"
                           for c, r, s, v in zip(claimed.tolist(), real.tolist(), sample.tolist(), score.tolist()))
            out.write(text)
            written += n


def reference(path, out):
    import numpy as np
    from sklearn.metrics import roc_curve
    data = np.loadtxt(path, dtype={"names": ("claimed", "real", "score"), "formats": ("U8", "U8", "f8")},
                      usecols=(0, 1, 3))
    genuine = data["claimed"] == data["real"]
    scores = data["score"]
    # roc_curve sweeps every distinct score downwards: fpr = #impostors >= t / Ni, tpr = #genuine >= t / Ng.
    fpr, tpr, thresholds = roc_curve(genuine, scores, drop_intermediate=False)
    fmr = fpr[::-1][:-1]            # ascending thresholds, without roc_curve's "reject all" point
    fnmr = 1.0 - tpr[::-1][:-1]
    t = thresholds[::-1][:-1]
    result = {"lines": int(len(scores)), "genuine": int(genuine.sum()), "impostor": int((~genuine).sum()),
              "fnmr_at_fmr": {}}
    for target in FMR_TARGETS:
        # The smallest threshold with FMR <= target (FMR falls as the threshold rises).
        i = int(np.argmax(fmr <= target))
        result["fnmr_at_fmr"][repr(target)] = {"threshold": float(t[i]), "fmr": float(fmr[i]),
                                               "fnmr": float(fnmr[i])}
    d = fmr - fnmr
    k = int(np.argmax(d <= 0))
    lam = d[k - 1] / (d[k - 1] - d[k])
    result["eer"] = float(fmr[k - 1] + lam * (fmr[k] - fmr[k - 1]))
    result["eer_threshold"] = float(t[k - 1] + lam * (t[k] - t[k - 1]))
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


def compare(reference_json, metrics_json):
    with open(reference_json) as f:
        ref = json.load(f)
    with open(metrics_json) as f:
        metrics = json.load(f)
    overall = metrics["verification"] if "verification" in metrics else metrics
    found = {}
    for point in find_points(overall):
        found[point["fmr_target"]] = point
    problems = []
    for target, expected in ref["fnmr_at_fmr"].items():
        point = found.get(float(target))
        if point is None:
            problems.append(f"no FMR target {target} in {metrics_json}")
            continue
        for key, actual in (("threshold", point["threshold"]), ("fmr", point["fmr"]), ("fnmr", point["fnmr"])):
            if not close(actual, expected[key]):
                problems.append(f"FMR {target}: {key} {actual} (Touchstone) vs {expected[key]} (scikit-learn)")
    eer = find_eer(overall)
    if eer is None or not close(eer, ref["eer"]):
        problems.append(f"EER {eer} (Touchstone) vs {ref['eer']} (scikit-learn)")
    for p in problems:
        print("  MISMATCH " + p)
    print(f"  numbers agree: EER {ref['eer']:.6g} and FNMR at {len(ref['fnmr_at_fmr'])} FMR targets"
          if not problems else f"  {len(problems)} numbers differ")
    return 0 if not problems else 1


def close(a, b):
    return a is not None and abs(a - b) <= 1e-12 + 1e-9 * abs(b)


def rate(value):
    return value["rate"] if isinstance(value, dict) else value


def find_points(node):
    """Every object in metrics.json with an fmr_target, fnmr and threshold (the overall ones come first)."""
    if isinstance(node, dict):
        if "fmr_target" in node and "fnmr" in node and "threshold" in node:
            yield {"fmr_target": node["fmr_target"], "threshold": node["threshold"], "fmr": rate(node["fmr"]),
                   "fnmr": rate(node["fnmr"])}
            return
        for key in node:
            yield from find_points(node[key])
    elif isinstance(node, list):
        for item in node:
            yield from find_points(item)


def find_eer(node):
    if isinstance(node, dict):
        if node.get("method") == "interpolated" and "eer" in node:
            return node["eer"]
        for value in node.values():
            found = find_eer(value)
            if found is not None:
                return found
    elif isinstance(node, list):
        for item in node:
            found = find_eer(item)
            if found is not None:
                return found
    return None


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "generate":
        generate(sys.argv[2], int(float(sys.argv[3])))
    elif command == "reference":
        reference(sys.argv[2], sys.argv[3])
    elif command == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        sys.exit("unknown command " + command)
