#!/usr/bin/env python3
"""The FAISS side of benchmarks/search-vs-faiss.sh.

  search_vs_faiss.py faiss TEMPLATES OUT.json       times IndexFlatIP.search at 1, 16, 64, 256 probes a call
  search_vs_faiss.py table TEMPLATES FAISS1.json JMH1.json [FAISS2.json JMH2.json ...]
                                                    prints both per round (FAISS.json may be -), comparisons
                                                    per second and the ratio; then each side's median

FAISS is timed as the JMH benchmark times the reference gallery: TEMPLATES unit float32 embeddings of
512 values, 20 candidates a probe, exact inner product; the median of five one-second rounds after a
warm-up.
"""
import json
import statistics
import sys
import time

PROBES = [1, 16, 64, 256]
DIMENSION = 512


def faiss_side(templates, out):
    import numpy as np
    import faiss
    rng = np.random.default_rng(7)
    distinct = rng.standard_normal((4096, DIMENSION), dtype=np.float32)
    distinct /= np.linalg.norm(distinct, axis=1, keepdims=True)
    index = faiss.IndexFlatIP(DIMENSION)
    for start in range(0, templates, 65536):
        n = min(65536, templates - start)
        index.add(distinct[np.arange(start, start + n) % 4096])
    result = {"faiss": faiss.__version__, "threads": faiss.omp_get_max_threads(), "comparisons_per_second": {}}
    for probes in PROBES:
        queries = rng.standard_normal((probes, DIMENSION), dtype=np.float32)
        queries /= np.linalg.norm(queries, axis=1, keepdims=True)
        index.search(queries, 20)
        rounds = []
        for _ in range(5):
            calls = 0
            start = time.perf_counter()
            while time.perf_counter() - start < 1.0 or calls < 2:
                index.search(queries, 20)
                calls += 1
            rounds.append((time.perf_counter() - start) / calls)
        result["comparisons_per_second"][str(probes)] = templates * probes / statistics.median(rounds)
        print(f"  FAISS IndexFlatIP, {probes} probes a call: {result['comparisons_per_second'][str(probes)]:.3g}"
              " comparisons/s", flush=True)
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


def read_rates(faiss_json, jmh_json, templates):
    """One round's comparisons per second by probes per call: (FAISS, Touchstone)."""
    faiss_rates = {}
    if faiss_json != "-":
        with open(faiss_json) as f:
            faiss_rates = {int(k): v for k, v in json.load(f)["comparisons_per_second"].items()}
    with open(jmh_json) as f:
        runs = json.load(f)
    touchstone = {}
    for run in runs:
        ms_per_call = run["primaryMetric"]["score"]
        touchstone[int(run["params"]["probes"])] = templates * int(run["params"]["probes"]) / (ms_per_call / 1000.0)
    return faiss_rates, touchstone


def print_table(title, touchstone, faiss_rates):
    print(title)
    print(f"{'probes':>7} {'touchstone/s':>14} {'faiss/s':>14} {'ratio':>7}")
    for probes in sorted(touchstone):
        t = touchstone[probes]
        f = faiss_rates.get(probes)
        print(f"{probes:>7} {t:>14.4g} {f if f is not None else float('nan'):>14.4g} "
              f"{(t / f if f else float('nan')):>6.2f}x")


def table(templates, files):
    """Each round's table, then (with more than one round) the median of each side and their ratio."""
    rounds = [read_rates(files[i], files[i + 1], templates) for i in range(0, len(files), 2)]
    for number, (faiss_rates, touchstone) in enumerate(rounds, 1):
        print_table(f"round {number}:", touchstone, faiss_rates)
    if len(rounds) > 1:
        median_touchstone = {p: statistics.median(r[1][p] for r in rounds) for p in rounds[0][1]}
        median_faiss = {p: statistics.median(r[0][p] for r in rounds) for p in rounds[0][0]}
        print_table(f"median of {len(rounds)} rounds (ratio of the medians):", median_touchstone, median_faiss)


if __name__ == "__main__":
    if sys.argv[1] == "faiss":
        faiss_side(int(float(sys.argv[2])), sys.argv[3])
    elif sys.argv[1] == "table":
        table(int(float(sys.argv[2])), sys.argv[3:])
    else:
        sys.exit("unknown command " + sys.argv[1])
