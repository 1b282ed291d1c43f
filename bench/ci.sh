#!/usr/bin/env bash
# The measurements, run by .ci/run when ../shared is beside the clone. They report figures
# for closing notes; a missed target (or a bench that breaks) is printed, never fatal to CI.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
run() {
  local label=$1; shift
  echo "== $label"
  "$@" || echo "!! '$label' exited $? (target missed or bench broken: read the lines above)"
}
run "parse accuracy: shared corpus"  $PY bench/parse_accuracy.py ../shared/corpus
run "parse accuracy: seeds"          $PY bench/parse_accuracy.py ../shared/seeds
run "seeds: must fire / must not"    $PY bench/seeds_check.py
run "rules accuracy: corpus labels + seeds-lawyer" $PY bench/rules_accuracy.py
run "seeds: letters in every format"  $PY bench/seeds_letters.py ../shared/seeds
run "letter citations: seeds + corpus, every regime" $PY bench/letter_citations.py
run "judgement: lead, cap, outcome"  $PY bench/judgement_accuracy.py ../shared
run "parse speed"                    $PY bench/parse_speed.py
run "parse + check speed"            $PY bench/check_speed.py
run "cold start: deadlines, check, review as Word (warm and empty cache)" $PY bench/cold_start.py
run "scan: seeds + corpus, speed, 10,000 letters, HTML in Chromium" $PY bench/scan_bench.py
run "hostile inputs: worst per class" $PY bench/hostile_worst.py --limit 60
run "same letter, same findings in every format" $PY bench/format_parity.py
exit 0
