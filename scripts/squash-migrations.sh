#!/usr/bin/env bash
# Replaces each provider's migrations with ONE InitialCreate for the current model (ADR 0022, 0047):
#   scripts/squash-migrations.sh                 # SQLite, SQL Server and PostgreSQL
#   scripts/squash-migrations.sh PostgreSql      # only the named providers
# Only for a schema no deployed database has applied yet: a squash rewrites history.
set -euo pipefail
cd "$(dirname "$0")/.."
providers=("$@")
[ ${#providers[@]} -eq 0 ] && providers=(Sqlite SqlServer PostgreSql)
dotnet tool restore >/dev/null
for provider in "${providers[@]}"; do
  project="src/PrivacyDesk.Migrations.$provider"
  [ -d "$project" ] || { echo "No migrations project $project." >&2; exit 1; }
  rm -rf "$project/Migrations"
  dotnet ef migrations add InitialCreate --project "$project" --startup-project "$project" --output-dir Migrations --configuration Release
done
