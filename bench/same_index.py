#!/usr/bin/env python3
"""Whether two built sites hold the same files, reading gzipped index files decompressed.

    bench/same_index.py A B

A change to how torg or its Pagefind fork compresses the index may change its bytes but must not
change what the index says: every file in A must be in B with the same bytes, or, for Pagefind's
gzipped files (`*.pf_*`, `*.pagefind`), the same bytes once decompressed. Exits 1 if not.
"""

import gzip
import os
import sys


def files(root):
    """Every file below root, by its path relative to root."""
    return {
        os.path.relpath(os.path.join(folder, name), root): os.path.join(folder, name)
        for folder, _, names in os.walk(root)
        for name in names
    }


def main():
    a, b = files(sys.argv[1]), files(sys.argv[2])
    differ, compressed = 0, [0, 0]
    for name in sorted(a.keys() | b.keys()):
        if name not in a or name not in b:
            print(f"only in {sys.argv[1] if name in a else sys.argv[2]}: {name}")
            differ += 1
            continue
        x, y = (open(path, "rb").read() for path in (a[name], b[name]))
        if x == y:
            continue
        if (".pf_" in name or name.endswith(".pagefind")) and gzip.decompress(x) == gzip.decompress(y):
            compressed[0] += len(x)
            compressed[1] += len(y)
            continue
        print(f"differs: {name}")
        differ += 1
    print(f"{len(a)} files, {differ} differ; recompressed index files: {compressed[0]:,} → {compressed[1]:,} bytes")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
