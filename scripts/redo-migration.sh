#!/usr/bin/env bash
# Regenerates the newest migration of both providers from the current model, for a migration that has not landed
# yet (no database outside a developer's machine has applied it). Usage: scripts/redo-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/redo-migration.sh NAME}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations remove --force --project src/VnTrace.Server --context "${provider}VnTraceDbContext" >/dev/null
done
bash scripts/add-migration.sh "$name"
