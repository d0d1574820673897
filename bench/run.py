#!/usr/bin/env python3
"""torg against Hugo on the same synthetic corpus: cold builds, alternating, medians and ratios.

    bench/run.py [--sizes 1000,5000,20000] [--runs 5] [--work /dev/shm/torg-bench]

Works on tmpfs by default: on ext4, deleting and re-creating an output tree gets slower with each
repeat and would swamp the generators' own time. Needs `hugo` (Debian: apt-get install hugo).
"""

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(cmd):
    """Runs one command; returns wall seconds, peak RSS in KiB and CPU seconds of that process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    errors = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{errors}")
    return wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def cold(cmd, out):
    """A build into an output folder removed first."""
    shutil.rmtree(out, ignore_errors=True)
    return run(cmd)


def floor(inputs, built, copy):
    """Reading every input file and writing every output file, with cat and cp: the I/O floor."""
    shutil.rmtree(copy, ignore_errors=True)
    script = f'find "{inputs}" -type f -exec cat {{}} + > /dev/null && cp -r "{built}" "{copy}"'
    return run(["bash", "-c", script])


def measure(size, runs, work, seed, torg):
    corpus = work / str(size)
    subprocess.run([sys.executable, REPO / "bench/synth.py", str(size), corpus, "--seed", str(seed)], check=True)
    torg_cmd = [torg, "build", "--content", corpus / "torg/content", "--out", corpus / "torg-out",
                "--themes", REPO / "themes", "--locales", REPO / "locales"]
    hugo_cmd = ["hugo", "--quiet", "--source", corpus / "hugo", "--destination", corpus / "hugo-out"]
    results = {"torg": [], "hugo": [], "floor": []}
    for i in range(runs):
        order = [("torg", torg_cmd), ("hugo", hugo_cmd)]
        for name, cmd in order if i % 2 == 0 else reversed(order):
            results[name].append(cold(cmd, corpus / f"{name}-out"))
        results["floor"].append(floor(corpus / "torg/content", corpus / "torg-out", corpus / "floor-out"))
    return results


def serve_edits(size, edits, work, torg):
    """Seconds from saving one service file to its rebuilt page on disk, under `torg serve`."""
    corpus = work / str(size)
    out = corpus / "serve-out"
    shutil.rmtree(out, ignore_errors=True)
    server = subprocess.Popen(
        [torg, "serve", "--content", corpus / "torg/content", "--out", out, "--port", str(free_port()),
         "--themes", REPO / "themes", "--locales", REPO / "locales"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in server.stderr:
            if line.startswith("serving"):
                break
        source = corpus / "torg/content/kommune-001/services/tjeneste-7.nb.md"
        page = out / "kommune-001/nb/services/tjeneste-7/index.html"
        original = source.read_text(encoding="utf-8")
        samples = []
        for i in range(edits):
            marker = f"Edit{i}x"
            text = original.replace("title: \"", f"title: \"{marker} ", 1)
            time.sleep(0.3)  # let the previous rebuild settle
            start = time.perf_counter()
            source.write_text(text, encoding="utf-8")
            while marker not in page.read_text(encoding="utf-8"):
                if time.perf_counter() - start > 10:
                    sys.exit("torg serve did not rebuild the page within 10 s")
                time.sleep(0.0005)
            samples.append(time.perf_counter() - start)
        source.write_text(original, encoding="utf-8")
        return samples
    finally:
        server.send_signal(signal.SIGINT)
        server.wait()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def median(samples, field):
    return statistics.median(s[field] for s in samples)


def report(size, results):
    print(f"\nN = {size:,} content pages (median of {len(results['torg'])} alternating runs)")
    print(f"{'':6} {'wall s':>8} {'range':>15} {'peak MB':>8} {'KB/page':>8} {'CPU/wall':>8}")
    for name in ("torg", "hugo", "floor"):
        samples = results[name]
        wall, rss = median(samples, 0), median(samples, 1)
        cpu = statistics.median(s[2] / s[0] for s in samples)
        low, high = min(s[0] for s in samples), max(s[0] for s in samples)
        print(f"{name:6} {wall:8.3f} {f'{low:.3f}–{high:.3f}':>15} {rss / 1024:8.1f} {rss / size:8.1f} {cpu:8.2f}")
    torg, hugo, io = (median(results[n], 0) for n in ("torg", "hugo", "floor"))
    print(f"torg / hugo = {torg / hugo:.2f}   torg / floor = {torg / io:.2f}   "
          f"peak memory torg / hugo = {median(results['torg'], 1) / median(results['hugo'], 1):.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--edits", type=int, default=21, help="one-file edits under torg serve")
    ap.add_argument("--work", type=Path, default=Path("/dev/shm/torg-bench"))
    args = ap.parse_args()
    if shutil.which("hugo") is None:
        sys.exit("hugo is not installed (Debian: apt-get install hugo)")
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    torg = REPO / "target/release/torg"
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"torg (release) vs hugo {hugo_version} on {os.cpu_count()} cores, work folder {args.work}")
    for size in (int(s) for s in args.sizes.split(",")):
        report(size, measure(size, args.runs, args.work, args.seed, torg))
    size = max(int(s) for s in args.sizes.split(","))
    edits = serve_edits(size, args.edits, args.work, torg)
    print(f"\ntorg serve, N = {size:,}: saving one service file → its page rebuilt on disk, "
          f"median of {len(edits)} edits: {statistics.median(edits) * 1000:.0f} ms "
          f"(range {min(edits) * 1000:.0f}–{max(edits) * 1000:.0f} ms, including the 10 ms debounce)")


if __name__ == "__main__":
    main()
