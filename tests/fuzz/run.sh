#!/usr/bin/env bash
# Fuzz `convert` for SECONDS_TOTAL seconds (default 1200), restarting libFuzzer after each finding
# so that one crash does not end the run. Findings: $WORK/crash-*, $WORK/timeout-*; logs: $WORK/log-*.
# Usage: tests/fuzz/run.sh [SECONDS_TOTAL] [WORK]      (from the repository root; needs `pip install atheris`)
set -uo pipefail
cd "$(dirname "$0")/../.."
TOTAL=${1:-1200}
WORK=${2:-/tmp/prconvert-fuzz}
PYTHON=${PYTHON:-python}  # MAX_LEN=4096 for many small, fast inputs
mkdir -p "$WORK/corpus"
start=$(date +%s)
round=0
while :; do
    left=$(( TOTAL - ($(date +%s) - start) ))
    [ "$left" -le 5 ] && break
    round=$((round + 1))
    "$PYTHON" tests/fuzz/fuzz_convert.py "$WORK/corpus" tests/fuzz/seeds tests/fuzz/regressions examples tests/variants \
        -max_total_time="$left" -timeout=10 -rss_limit_mb=4096 -max_len="${MAX_LEN:-65536}" \
        -artifact_prefix="$WORK/" -print_final_stats=1 >"$WORK/log-$round.txt" 2>&1
    echo "round $round ended with status $? after $(( $(date +%s) - start ))s" >>"$WORK/rounds.txt"
done
echo "total $(( $(date +%s) - start ))s in $round rounds" >>"$WORK/rounds.txt"
