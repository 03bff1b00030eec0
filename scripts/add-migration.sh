#!/usr/bin/env bash
# Adds an EF Core migration for both providers (SQLite and PostgreSQL), each into its own folder.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/VnTrace.Server \
    --context "${provider}VnTraceDbContext" --output-dir "Platform/Data/Migrations/$provider"
done
