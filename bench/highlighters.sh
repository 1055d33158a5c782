#!/usr/bin/env bash
# Lines per second per thread of each highlighter gen could use, on the code blocks of a
# unique-code corpus (README "Performance" / "Highlighting"). Prints one Markdown table.
#
#   bash bench/highlighters.sh [PAGES (default 1000)] [RUNS (default 3)] [WORK (default /dev/shm/rolebook-hl)]
#
# Each harness under bench/highlighters/ is a cargo project of its own ([workspace] and
# Cargo.lock of its own), outside gen's build and CI: syntect (onig, then fancy-regex by
# feature) and tree-sitter-highlight in one; arborium and lumis each in theirs, since each
# links a tree-sitter of its own. Set SKIP_OTHERS=1 to leave those two out (lumis alone
# takes minutes to compile). Figures are the best of RUNS passes, in the thread's CPU time
# (the machine may be shared) and in wall time; the load average is printed around it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pages="${1:-1000}"
runs="${2:-3}"
work="${3:-/dev/shm/rolebook-hl}"
corpus="$work/unique-$pages"
if [ ! -d "$corpus/content/roles" ]; then
    python3 "$here/make_corpus.py" --pages "$pages" --out "$corpus" --flavor gen --unique-code --force >&2
fi
dir="$here/highlighters"
run() { # manifest, features..., then the binary's name
    local manifest="$1" bin="$2"
    shift 2
    cargo build --quiet --release --manifest-path "$manifest" "$@" >&2
    "$(dirname "$manifest")/target/release/$bin" "$corpus" "$runs" | grep '^| [^-h]'
}
echo "Corpus: $pages pages (unique code), best of $runs runs; $(nproc) cores; rustc $(rustc --version | cut -d' ' -f2)."
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| highlighter | language | lines | lines/s/thread (CPU) | lines/s (wall) | MB/s (CPU) | first use |"
echo "| --- | --- | ---: | ---: | ---: | ---: | --- |"
run "$dir/Cargo.toml" highlighters
run "$dir/Cargo.toml" highlighters --no-default-features --features fancy
if [ -z "${SKIP_OTHERS:-}" ]; then
    run "$dir/arborium/Cargo.toml" highlighters-arborium
    run "$dir/lumis/Cargo.toml" highlighters-lumis
fi
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
