#!/usr/bin/env bash
# The measurements, run by .ci/run when ../shared is beside the clone. They report; the
# figures go into closing notes. A bench that crashes fails CI; a target missed does not.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
echo "== parse accuracy: shared corpus";  $PY bench/parse_accuracy.py ../shared/corpus
echo "== parse accuracy: seeds";          $PY bench/parse_accuracy.py ../shared/seeds
echo "== seeds: must fire / must not";    $PY bench/seeds_check.py
echo "== parse speed";                    $PY bench/parse_speed.py
echo "== parse + check speed";            $PY bench/check_speed.py
echo "== cold start: deadlines";          $PY bench/cold_start.py
echo "== cold start: review as Word";     $PY bench/letters_cold_start.py
