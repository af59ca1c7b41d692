#!/usr/bin/env bash
# Refreshes docs/screenshots from the browser tests' last run (artifacts/screenshots), on purpose only:
# the tests never write tracked files. Run the tests first (bash scripts/test.sh), then this, then review `git diff --stat`.
set -euo pipefail
cd "$(dirname "$0")/.."
source="artifacts/screenshots"
if [ ! -d "$source" ] || [ -z "$(ls -A "$source" 2>/dev/null)" ]; then
  echo "No screenshots in $source: run bash scripts/test.sh first." >&2
  exit 1
fi
copied=0
for shot in "$source"/*.png; do
  cp "$shot" docs/screenshots/
  copied=$((copied + 1))
done
echo "Copied $copied screenshots into docs/screenshots; review them before committing."
