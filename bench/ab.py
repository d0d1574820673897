#!/usr/bin/env python3
"""Two checkouts of torg on the same synthetic corpus: alternating cold builds, medians, ratio.

    bench/ab.py A B [--size 5000] [--runs 7] [--work /dev/shm/torg-ab]

A and B are checkouts of torg at two commits (e.g. `git worktree add`), each built with
`cargo build --release`; each runs with its own program, theme and interface texts. Prices one
feature against the build without it on this noisy machine: both run in turn, A first in odd
rounds and B first in even ones, and only the medians and their ratio are reported.
"""

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import REPO, cold  # noqa: E402  (bench/run.py: one timed cold build)


def build(checkout, corpus, out):
    """`torg build` of `checkout` (its release program, theme and interface texts) on the corpus."""
    return [checkout / "target/release/torg", "build", "--content", corpus / "torg/content",
            "--themes", checkout / "themes", "--locales", checkout / "locales", "--out", out,
            # Absolute addresses, which some outputs (canonical links, open data) need to be written.
            "--base-url", "https://portal.example.org/"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--size", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path("/dev/shm/torg-ab"))
    args = ap.parse_args()
    corpus = args.work / str(args.size)
    subprocess.run([sys.executable, REPO / "bench/synth.py", str(args.size), corpus, "--seed", str(args.seed)], check=True)
    checkouts = {"A": args.a.resolve(), "B": args.b.resolve()}
    walls = {name: [] for name in checkouts}
    for i in range(args.runs):
        for name in ("A", "B") if i % 2 == 0 else ("B", "A"):
            out = corpus / f"out-{name}"
            walls[name].append(cold(build(checkouts[name], corpus, out), out)[0])
    a, b = (statistics.median(walls[n]) for n in ("A", "B"))
    for name, path in checkouts.items():
        w = walls[name]
        print(f"{name} {path}: median {statistics.median(w):.2f} s (range {min(w):.2f}–{max(w):.2f}, {len(w)} cold builds)")
    print(f"N = {args.size:,}: B / A = {b / a:.3f} ({(b / a - 1) * 100:+.1f} %)")


if __name__ == "__main__":
    main()
