#!/usr/bin/env bash
# Regenerates the SQLite model built ahead of time (ADR 0056) after any change to the EF Core model:
#   scripts/compile-model.sh
# MigrationsTests.TheSqliteModelBuiltAheadOfTimeIsTheModelOnModelCreatingBuilds fails until it has run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
out=src/PrivacyDesk.Data/CompiledModels/Sqlite
rm -rf "$out"
dotnet build src/PrivacyDesk.Migrations.Sqlite -c Release -nologo -clp:ErrorsOnly
dotnet ef dbcontext optimize --project src/PrivacyDesk.Data --startup-project src/PrivacyDesk.Migrations.Sqlite \
  --output-dir CompiledModels/Sqlite --namespace PrivacyDesk.Data.CompiledModels.Sqlite --configuration Release --no-build
# The generated assembly attribute would make EF Core pick this model for every provider; the app chooses it for SQLite
# only (DependencyInjection.UseProvider).
rm -f "$out/PrivacyDeskDbContextAssemblyAttributes.cs"
