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
#
#   MARGINAL=1 bench/instructions.sh   # also the cost per byte of text (about 4 more minutes)
#
# The total mixes per-byte work with fixed costs (compiling the regexes, warming their lazy DFAs,
# reading the JSON input). With MARGINAL=1 the corpus also runs with the first 600 PolNeAR texts,
# and the pipeline's own instructions (callgrind's inclusive Ir of `extract_documents` and
# `link_batch`, the two halves of `extract_batch`, so no input reading) of the two runs give the marginal cost: their difference over the difference in bytes.
# It prints the compile cost of the first run too (inclusive Ir of Regex::new and RegexSet::new).
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

if [[ "${MARGINAL:-0}" == 1 ]]; then
    # Inclusive Ir of the first function whose name matches $2 in profile $1 (awk reads to the
    # end: an early exit would fail the pipe under pipefail).
    inclusive() {
        callgrind_annotate --inclusive=yes "$1" 2>/dev/null \
            | awk -v f="$2" '!done && index($0, f) {gsub(",", "", $1); print $1; done = 1}'
    }
    bytes_of() { sed -n 's/.*bytes=\([0-9]*\).*/\1/p' "$1"; }
    large="$out/callgrind.large"
    RUST_BACKTRACE=0 valgrind --tool=callgrind --callgrind-out-file="$large" \
        target/release/examples/corpus --jobs 1 --limit 600 seeds "$polnear" 2>>"$out/valgrind.log" >"$out/counts.large"
    pipeline() {
        echo $(( $(inclusive "$1" "newsclaims::pipeline::extract_documents [") + $(inclusive "$1" "::link_batch [") ))
    }
    small_ir=$(pipeline "$profile")
    large_ir=$(pipeline "$large")
    small_bytes=$(bytes_of "$out/counts")
    large_bytes=$(bytes_of "$out/counts.large")
    compile=$(( $(inclusive "$profile" "regex::regex::string::Regex::new") + $(inclusive "$profile" "regex::regexset::string::RegexSet::new") ))
    echo "pipeline (Ir): $small_ir on $small_bytes bytes, $large_ir on $large_bytes bytes"
    echo "regex compilation (Ir): $compile"
    awk -v a="$small_ir" -v b="$large_ir" -v x="$small_bytes" -v y="$large_bytes" \
        'BEGIN {printf "marginal: %.1f instructions per byte of text\n", (b - a) / (y - x)}'
fi
