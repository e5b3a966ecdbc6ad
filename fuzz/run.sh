#!/usr/bin/env sh
# Run the newsclean fuzzer on one core, politely, for a fixed time.
#   fuzz/run.sh [text|html|auto] [seconds]          (default: text, 1800 s)
# Findings are written to fuzz/findings/<target>/ (crash-*, timeout-*, oom-*); the corpus grows in
# fuzz/corpus_<target>/ (git-ignored). Replay a finding: python fuzz/fuzz_clean.py --target text <file>
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
TARGET=${1:-text}
SECONDS_TOTAL=${2:-1800}
PY=${PYTHON:-python}
CORPUS="$HERE/corpus_$TARGET"
FINDINGS="$HERE/findings/$TARGET"
mkdir -p "$CORPUS" "$FINDINGS"
# Seed the corpus from the repository's sample pages and the hand-written seeds.
if [ -z "$(ls -A "$CORPUS")" ]; then
  cp "$HERE"/../seeds/*.txt "$CORPUS"/ 2>/dev/null || true
  cp "$HERE"/seeds/* "$CORPUS"/ 2>/dev/null || true
fi
exec nice -n 10 "$PY" "$HERE/fuzz_clean.py" --target "$TARGET" "$CORPUS" \
  -workers=1 -max_total_time="$SECONDS_TOTAL" -timeout=20 -rss_limit_mb=2048 -max_len=16384 \
  -artifact_prefix="$FINDINGS/" -print_final_stats=1
