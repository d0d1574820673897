#!/usr/bin/env python3
"""torg against Hugo on the same synthetic corpus: cold builds, alternating, medians and ratios.

    bench/run.py [--sizes 1000,5000,20000] [--runs 5] [--work /dev/shm/torg-bench]

For each size: a cold `torg build` (search index included); Hugo alone; Hugo followed by the
Pagefind CLI over its output, which is what a Hugo site needs for the same search (the npm package
at the version of torg's Pagefind crate, installed into the work folder); `torg check`; and a
`torg build --cache` after a one-file change, as a CI run after a merge does. Then, at the largest
size, `torg serve`: from saving a one-language text file to the reload being sent.

Works on tmpfs by default: on ext4, deleting and re-creating an output tree gets slower with each
repeat and would swamp the generators' own time. Needs `hugo` (Debian: apt-get install hugo) and
npm.
"""

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(cmd):
    """Runs one command; returns wall seconds, peak RSS in KiB and CPU seconds of that process tree."""
    with tempfile.TemporaryFile() as log:  # not a pipe: a long report would fill it and block
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            sys.exit(f"failed: {' '.join(map(str, cmd))}\n{log.read().decode(errors='replace')}")
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


def pipeline(first, second, out):
    """Two commands one after the other, the first into a removed output folder: wall and CPU
    summed, peak RSS the larger."""
    a, b = cold(first, out), run(second)
    return a[0] + b[0], max(a[1], b[1]), a[2] + b[2]


def pagefind_cli(work):
    """The Pagefind CLI from npm, at the version of the crate torg builds its index with."""
    lock = (REPO / "Cargo.lock").read_text()
    version = lock.split('name = "pagefind"\nversion = "', 1)[1].split('"', 1)[0]
    prefix = work / f"pagefind-{version}"
    exe = prefix / "node_modules/.bin/pagefind"
    if not exe.exists():
        subprocess.run(["npm", "install", "--prefix", prefix, "--no-audit", "--no-fund", "--loglevel=error",
                        f"pagefind@{version}"], check=True)
    return exe, version


def one_edit(source, i):
    """Changes one service title, as a merge that touches one file does."""
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace('title: "', f'title: "Merge{i} ', 1), encoding="utf-8")


def measure(size, runs, work, seed, torg, pagefind):
    corpus = work / str(size)
    subprocess.run([sys.executable, REPO / "bench/synth.py", str(size), corpus, "--seed", str(seed)], check=True)
    source = ["--content", corpus / "torg/content", "--themes", REPO / "themes", "--locales", REPO / "locales"]
    torg_cmd = [torg, "build", *source, "--out", corpus / "torg-out"]
    cached_cmd = [torg, "build", *source, "--out", corpus / "cached-out", "--cache", corpus / "cache"]
    check_cmd = [torg, "check", *source]
    hugo_cmd = ["hugo", "--quiet", "--source", corpus / "hugo", "--destination", corpus / "hugo-out"]
    pagefind_cmd = [pagefind, "--site", corpus / "hugo-out"]
    edited = corpus / "torg/content/kommune-001/services/tjeneste-7.nb.md"
    original = edited.read_text(encoding="utf-8")
    shutil.rmtree(corpus / "cache", ignore_errors=True)
    run(cached_cmd)  # fills the cache, as the first CI run after enabling it does
    results = {name: [] for name in ("torg", "hugo", "hugo+pagefind", "check", "cached", "floor")}
    try:
        for i in range(runs):
            order = [
                ("torg", lambda: cold(torg_cmd, corpus / "torg-out")),
                ("hugo", lambda: cold(hugo_cmd, corpus / "hugo-out")),
                ("hugo+pagefind", lambda: pipeline(hugo_cmd, pagefind_cmd, corpus / "hugo-out")),
            ]
            for name, measured in order if i % 2 == 0 else reversed(order):
                results[name].append(measured())
            results["check"].append(run(check_cmd))
            one_edit(edited, i)
            results["cached"].append(cold(cached_cmd, corpus / "cached-out"))
            edited.write_text(original, encoding="utf-8")
            run(cached_cmd)  # back to the original: the next edit again changes one portal
            results["floor"].append(floor(corpus / "torg/content", corpus / "torg-out", corpus / "floor-out"))
    finally:
        edited.write_text(original, encoding="utf-8")
    return results


def serve_edits(size, edits, work, torg):
    """Seconds from saving one language's text of a service to the reload `torg serve` sends when
    the rebuild is complete, search index included; read from its event stream as a browser does."""
    corpus = work / str(size)
    out = corpus / "serve-out"
    shutil.rmtree(out, ignore_errors=True)
    port = free_port()
    server = subprocess.Popen(
        [torg, "serve", "--content", corpus / "torg/content", "--out", out, "--port", str(port),
         "--themes", REPO / "themes", "--locales", REPO / "locales"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in server.stderr:
            if line.startswith("serving"):
                break
        stream = socket.create_connection(("127.0.0.1", port))
        stream.sendall(b"GET /__torg/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        events = stream.makefile("rb")
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
            while events.readline().strip() != b"event: reload":
                pass
            samples.append(time.perf_counter() - start)
            if marker not in page.read_text(encoding="utf-8"):
                sys.exit("torg serve sent a reload before the page was rebuilt")
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
    print(f"{'':14} {'wall s':>8} {'range':>15} {'peak MB':>8} {'KB/page':>8} {'CPU/wall':>8}")
    for name, samples in results.items():
        wall, rss = median(samples, 0), median(samples, 1)
        cpu = statistics.median(s[2] / s[0] for s in samples)
        low, high = min(s[0] for s in samples), max(s[0] for s in samples)
        print(f"{name:14} {wall:8.3f} {f'{low:.3f}–{high:.3f}':>15} {rss / 1024:8.1f} {rss / size:8.1f} {cpu:8.2f}")
    m = {name: median(samples, 0) for name, samples in results.items()}
    print(f"torg / hugo = {m['torg'] / m['hugo']:.2f}   torg / (hugo + pagefind) = {m['torg'] / m['hugo+pagefind']:.2f}   "
          f"torg / floor = {m['torg'] / m['floor']:.2f}")
    print(f"check / torg = {m['check'] / m['torg']:.2f}   cached one-file rebuild / torg = {m['cached'] / m['torg']:.3f}   "
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
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    args.work.mkdir(parents=True, exist_ok=True)
    pagefind, pagefind_version = pagefind_cli(args.work)
    print(f"torg {commit} (release) vs hugo {hugo_version} and Pagefind CLI {pagefind_version} "
          f"on {os.cpu_count()} cores, work folder {args.work}")
    for size in (int(s) for s in args.sizes.split(",")):
        report(size, measure(size, args.runs, args.work, args.seed, torg, pagefind))
    size = max(int(s) for s in args.sizes.split(","))
    edits = serve_edits(size, args.edits, args.work, torg)
    print(f"\ntorg serve, N = {size:,}: saving one language's text of a service → reload sent, index "
          f"included, median of {len(edits)} edits: {statistics.median(edits) * 1000:.0f} ms "
          f"(range {min(edits) * 1000:.0f}–{max(edits) * 1000:.0f} ms, including the 10 ms debounce)")


if __name__ == "__main__":
    main()
