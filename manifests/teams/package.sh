#!/usr/bin/env bash
# Produces the Teams app package (manifest.json with the app id filled in, plus icons) for sideloading.
# Usage: manifests/teams/package.sh <bot-app-id-guid> [output.zip]
# Without arguments the app id comes from TEAMS_APP_ID or Teams__AppId (as in .env).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="${1:-${TEAMS_APP_ID:-${Teams__AppId:-}}}"
if [[ -z "$app_id" ]]; then
  echo "usage: $0 <bot-app-id-guid> [output.zip]  (or set TEAMS_APP_ID / Teams__AppId)" >&2
  exit 2
fi
if [[ $# -ge 2 ]]; then
  exec node "$here/package.js" --app-id "$app_id" --out "$2"
fi
exec node "$here/package.js" --app-id "$app_id"
