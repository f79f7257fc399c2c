#!/usr/bin/env python3
"""How a confidence threshold fitted on half of a split holds on the other half.

usage: confidence-halves.py PER_CAPTION.jsonl [--ratio 0.4] [--splits 300]

PER_CAPTION.jsonl is what `snaption-cli eval --per-caption` writes. Each split fits a threshold on a
random half the way ConfidenceCalibrator does (both measures; the most captions marked unsure while
their mean CIDEr-D is at most RATIO x the confident ones'; at least 20 per group, at most half
unsure) and reports the other half's unsure share and ratio (docs/BENCHMARKS.md, "Confidence")."""
import argparse
import json
import random
import statistics

MEASURES = ("score", "lowest_word_log_probability")


def fit_measure(rows, key, ratio, min_group=20, max_share=0.5):
    rows = sorted(rows, key=lambda r: r[key])
    n = len(rows)
    total = sum(r["cider_d"] for r in rows)
    prefix, threshold, share = 0.0, None, 0.0
    for k in range(1, int(max_share * n) + 1):
        prefix += rows[k - 1]["cider_d"]
        if k < min_group or n - k < min_group or not rows[k - 1][key] < rows[k][key]:
            continue
        if prefix / k <= ratio * (total - prefix) / (n - k):
            threshold, share = (rows[k - 1][key] + rows[k][key]) / 2, k / n
    return threshold, share


def fit(rows, ratio):
    fits = {key: fit_measure(rows, key, ratio) for key in MEASURES}
    # The mean log probability ("score") wins a tie.
    key = MEASURES[1] if fits[MEASURES[1]][1] > fits[MEASURES[0]][1] else MEASURES[0]
    return key, fits[key][0]


def check(rows, key, threshold):
    unsure = [r["cider_d"] for r in rows if r[key] < threshold]
    confident = [r["cider_d"] for r in rows if r[key] >= threshold]
    if not unsure or not confident:
        return len(unsure) / len(rows), None
    return len(unsure) / len(rows), (sum(unsure) / len(unsure)) / (sum(confident) / len(confident))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("per_caption")
    parser.add_argument("--ratio", type=float, default=0.4)
    parser.add_argument("--splits", type=int, default=300)
    args = parser.parse_args()
    rows = [json.loads(line) for line in open(args.per_caption, encoding="utf-8") if line.strip()]
    generator = random.Random(1)
    shares, ratios, chosen = [], [], []
    for _ in range(args.splits):
        order = list(range(len(rows)))
        generator.shuffle(order)
        half = len(rows) // 2
        fitted = [rows[i] for i in order[:half]]
        held_out = [rows[i] for i in order[half:]]
        key, threshold = fit(fitted, args.ratio)
        chosen.append(key)
        share, ratio = check(held_out, key, threshold) if threshold is not None else (0.0, None)
        shares.append(share)
        if ratio is not None:
            ratios.append(ratio)
    above = sum(1 for r in ratios if r > 0.5)
    print(f"{len(rows)} captions, {args.splits} random halves, fitted at ratio {args.ratio}:")
    print(f"  held-out unsure share: median {statistics.median(shares):.3f}")
    if ratios:
        print(f"  held-out ratio: median {statistics.median(ratios):.2f}, above 0.5 in {above} of {len(ratios)} splits with a threshold")
    print(f"  lowest word's probability chosen in {chosen.count(MEASURES[1])} of {args.splits}")


if __name__ == "__main__":
    main()
