#!/usr/bin/env bash
# npm run screenshots — captures the node in the real n8n editor into docs/images/.
#
# Installs (or reuses, from the cache) n8n 2.x on a Node 24 runtime, the packed package, Debian's
# chromium (apt-get) and playwright-core (npm, into the cache: not a project dependency); then
# screenshots.ts starts the sandbox and n8n, creates the owner account through n8n's REST API, and
# drives headless Chromium. Environment: SHOTS=a.png,b.png (only these), SKIP_BUILD=1, CHROMIUM.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:-1.65.1}"

ensure_chromium() {
	local chromium="${CHROMIUM:-/usr/bin/chromium}"
	if [[ -x "$chromium" ]]; then return 0; fi
	log "installing Debian's chromium (apt-get)"
	logged "$CACHE_DIR/apt.log" bash -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium' ||
		die "could not install chromium; install it, or point CHROMIUM at a Chromium binary"
}

ensure_playwright() {
	ensure_cached_package playwright-core "$PLAYWRIGHT_VERSION" "$CACHE_DIR/playwright-$PLAYWRIGHT_VERSION"
}

started=$SECONDS
work="$(mktemp -d "${TMPDIR:-/tmp}/capillary-screenshots.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$CACHE_DIR"

ensure_chromium
playwright="$(ensure_playwright)"
node="$(node_for_n8n "$N8N_V2")"
dir="$(ensure_n8n "$N8N_V2" "$node")"
tgz="$(pack_package "$work")"
home="$dir/home-screenshots"
install_package_into "$home" "$tgz"
log "n8n $N8N_V2 on Node $("$node" -v); $(basename "$tgz") installed in $home/.n8n/nodes"

cd "$REPO_ROOT"
status=0
npx --no-install tsx scripts/n8n/screenshots.ts --version "$N8N_V2" --node "$node" --dir "$dir" --home "$home" \
	--playwright "$playwright" --out docs/images || status=$?
log "done in $((SECONDS - started)) s"
exit "$status"
