#!/usr/bin/env bash
# Instruction count (callgrind's Ir) for one fixed corpus through the whole pipeline on one thread:
# the figure that stays put on a noisy, shared machine. Same code + same corpus => same count
# (to within a fraction of a percent), so compare it before and after a change.
#
#   bench/instructions.sh [SHARED_DIR]        # default $NEWSCLAIMS_SHARED, else ../shared
#   CALLGRIND_OUT=/tmp/cg.out bench/instructions.sh   # keep the profile, then:
#   callgrind_annotate --inclusive=yes /tmp/cg.out | head -40
#
# Corpus: the five seeds + the first 200 texts of SHARED/eval/polnear/dev.jsonl (about 0.78 MB),
# read at run time by examples/corpus.rs. Needs valgrind and cargo.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-${NEWSCLAIMS_SHARED:-../shared}}"
polnear="$shared/eval/polnear/dev.jsonl"
if [[ ! -f "$polnear" ]]; then
    echo "instructions: $polnear not found; pass the shared folder as the first argument" >&2
    exit 2
fi
command -v valgrind >/dev/null || { echo "instructions: valgrind is not installed" >&2; exit 2; }
cargo build --release --quiet --example corpus
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
profile="${CALLGRIND_OUT:-$out/callgrind.out}"
RUST_BACKTRACE=0 valgrind --tool=callgrind --callgrind-out-file="$profile" \
    target/release/examples/corpus --jobs 1 --limit 200 seeds "$polnear" 2>"$out/valgrind.log" | tee "$out/counts"
total=$(awk '/^summary:|^totals:/ {print $2; exit}' "$profile")
echo "instructions (Ir): $total"
