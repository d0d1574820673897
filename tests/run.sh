#!/usr/bin/env bash
# The whole test suite, as the README and CI run it. Installs every Debian package the suite relies
# on (so the result never depends on what else happens to be on the machine), the browser suite's
# npm packages from its lockfile and pyshacl and translate-toolkit from PyPI, then runs every Rust
# test binary — all of them, even after one fails — and ends with one summary line. Arguments go to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# What the tests use, and why (the README's "Browser tests" says the same):
#   chromium               the real browser of tests/browser.rs
#   nginx                  the real web server the built portals are served with
#   fonts-roboto-unhinted  Roboto, the Latin font of Android phones, first in the theme's font stack
#   fonts-noto-core        Noto Sans and Noto Naskh Arabic: Android's fonts for other Latin letters
#                          and for Arabic; without them Arabic falls back to whatever is installed
#   fonts-dejavu-core      a wide font the contact-wrapping test forces on pages, to prove
#                          addresses never break mid-word whatever the font
#   procps                 `kill`, with which tests/serve.rs stops `torg serve` as Ctrl-C would
#   default-jre-headless   Java for the Nu HTML Checker (npm vnu-jar), which validates every page
#   python3-jsonschema     a real JSON Schema validator (not torg's code) for docs/schema/ in tests/schema.rs
#   python3-yaml           reads the content files for it (tests/schema/validate.py)
#   python3-venv           virtual environments for pyshacl, the SHACL validator of tests/open_data.rs,
#                          and translate-toolkit, the translation tool of tests/translations.rs
#   make                   builds jemalloc, torg's allocator (tikv-jemalloc-sys runs its Makefile)
packages=(chromium nginx fonts-roboto-unhinted fonts-noto-core fonts-dejavu-core procps default-jre-headless
  python3-jsonschema python3-yaml python3-venv make)
# Node.js runs the browser suite: 18 or later, as Debian 12 has (playwright-core is held at 1.61,
# the last release that runs on it); one already installed is kept.
command -v node >/dev/null || packages+=(nodejs npm)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: the tests need ${missing[*]}; install them with" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "installing ${missing[*]} (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 18 ]; then
  echo "error: the browser suite needs Node.js 18 or later; this is $(node --version)" >&2
  exit 1
fi

# Reinstall the suite's packages when the lockfile is newer than the installed tree.
if [ ! tests/browser/node_modules/.package-lock.json -nt tests/browser/package-lock.json ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

# A Python package from PyPI, held at one version, in its own virtual environment of Debian's
# Python under target/ (where the tests look for it), installed once and again when the pin changes.
pip_venv() {
  local package=$1 version=$2 venv=$3
  if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('$package') != '$version')" 2>/dev/null; then
    echo "installing $package $version (PyPI) into $venv"
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$package==$version"
  fi
}
# pyshacl validates the open-data export against CPSV-AP's shapes (tests/open_data.rs).
pip_venv pyshacl 0.40.1 target/pyshacl-venv
# translate-toolkit, a real translation tool's library: its XLIFF 2 store reads the files `torg
# translations export` writes and writes the translations `import` reads back (tests/translations.rs).
pip_venv translate-toolkit 3.20.4 target/translate-venv

# Every test binary runs even when an earlier one fails; the summary lists what failed. A test that
# hangs is stopped after 60 minutes (the whole run takes about 25 on 2 cores), so CI ends with this
# summary naming the binary, instead of running into CI's own time limit with no result.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
timeout --kill-after=30s 60m cargo test --locked --no-fail-fast "$@" 2>&1 | tee "$log" || status=$?
awk -v status="$status" '
  /^     Running / { binary = $2; running = $2 }
  /^test result: / { running = "" }
  /^test .* \.\.\. FAILED$/ { failed_tests = failed_tests "\n  " binary ": " $2 }
  /^test result: / {
    for (i = 1; i <= NF; i++) {
      if ($(i + 1) ~ /^passed;?$/) passed += $i
      if ($(i + 1) ~ /^failed;?$/) failed += $i
      if ($(i + 1) ~ /^ignored;?$/) ignored += $i
    }
    binaries++
  }
  END {
    print ""
    printf "%d test binaries ran; %d ignored\n", binaries, ignored
    if (failed_tests != "") print "failed:" failed_tests
    if (status == 124 || status == 137) print "stopped after 60 minutes; still running: " running
    else if (status != 0 && failed == 0) print "cargo test failed before every test could run (see above)"
    printf "summary: %d passed, %d failed\n", passed, failed
  }' "$log"
exit "$status"
