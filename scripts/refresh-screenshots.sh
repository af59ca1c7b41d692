#!/usr/bin/env bash
# Refreshes docs/screenshots on purpose; a test run never writes tracked files (it writes artifacts/screenshots).
# Builds, runs the browser tests that take documentation screenshots (those calling PageActions.ScreenshotAsync by name),
# then copies the chosen PNGs: the ones docs/screenshots already has, plus any named on the command line
#   bash scripts/refresh-screenshots.sh                 # refresh the existing pictures
#   bash scripts/refresh-screenshots.sh shell-en-narrow # ... and add artifacts/screenshots/shell-en-narrow.png
# Review the result with `git diff --stat docs/screenshots` and by looking at the pictures before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
source="artifacts/screenshots"
target="docs/screenshots"

# The test classes whose screenshots are meant for the documentation.
classes=$(grep -lE 'ScreenshotAsync\(\$?"' tests/PrivacyDesk.EndToEnd.Tests/*.cs | xargs -n1 basename | sed 's/\.cs$//' | sort -u)
if [ -z "$classes" ]; then
  echo "No browser test takes a documentation screenshot." >&2
  exit 1
fi
filter=$(printf 'FullyQualifiedName~PrivacyDesk.EndToEnd.Tests.%s|' $classes)
filter=${filter%|}

rm -rf "$source"
dotnet build tests/PrivacyDesk.EndToEnd.Tests -c Release -nologo -clp:ErrorsOnly
echo "Running the screenshot tests: $(echo $classes | tr '\n' ' ')"
dotnet test tests/PrivacyDesk.EndToEnd.Tests -c Release --no-build --filter "$filter"

copied=0; missing=()
chosen=()
for existing in "$target"/*.png; do
  [ -f "$existing" ] && chosen+=("$(basename "$existing" .png)")
done
chosen+=("$@")
for name in "${chosen[@]}"; do
  if [ -f "$source/$name.png" ]; then
    cp "$source/$name.png" "$target/$name.png"
    copied=$((copied + 1))
  else
    missing+=("$name")
  fi
done
echo "Copied $copied screenshots into $target; review them (git diff --stat $target) before committing."
if [ ${#missing[@]} -gt 0 ]; then
  echo "No fresh screenshot for: ${missing[*]} (renamed or removed test? delete the old file or fix the name)." >&2
  exit 1
fi
