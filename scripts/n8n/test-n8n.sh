#!/usr/bin/env bash
# npm run test:n8n — proves the packed package works inside the real n8n application.
#
# Builds and packs the package, installs n8n 2.x (on a Node 24 runtime from the npm registry) and the
# last n8n 1.x (on this machine's Node 20) into a cache outside the repository, installs the packed
# package into each n8n's community-node folder, imports credentials pointing at the Capillary sandbox
# and the example workflows, runs each with `n8n execute --id ... --rawOutput`, and checks the items
# on each output. The first run downloads several GB; later runs reuse the cache.
#
# Environment: N8N_VERSIONS="2.41.1 1.123.81" (default: $N8N_V2 $N8N_V1), CAPILLARY_N8N_CACHE,
# SKIP_BUILD=1 (pack dist/ as it is).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

started=$SECONDS
work="$(mktemp -d "${TMPDIR:-/tmp}/capillary-test-n8n.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$CACHE_DIR"

log "building and packing the package"
tgz="$(pack_package "$work")"
log "packed $(basename "$tgz")"

read -r -a versions <<<"${N8N_VERSIONS:-$N8N_V2 $N8N_V1}"
declare -A outcome
failed=0
for version in "${versions[@]}"; do
	log "=== n8n $version ==="
	if ! node="$(node_for_n8n "$version")" || ! dir="$(ensure_n8n "$version" "$node")"; then
		outcome[$version]="FAIL (install)"
		failed=1
		continue
	fi
	home="$dir/home"
	if ! install_package_into "$home" "$tgz"; then
		outcome[$version]="FAIL (package install)"
		failed=1
		continue
	fi
	log "n8n $version on Node $("$node" -v); package installed in $home/.n8n/nodes"
	results="$work/results-$version.json"
	if (cd "$REPO_ROOT" && npx --no-install tsx scripts/n8n/run-examples.ts \
		--version "$version" --node "$node" --dir "$dir" --home "$home" --results "$results"); then
		outcome[$version]="PASS"
	else
		outcome[$version]="FAIL"
		failed=1
	fi
	if [[ -f "$results" ]]; then cp "$results" "$CACHE_DIR/last-results-$version.json"; fi
done

echo
echo "test:n8n summary ($((SECONDS - started)) s)"
for version in "${versions[@]}"; do
	results="$work/results-$version.json"
	if [[ -f "$results" ]]; then
		node -e '
			const results = require(process.argv[1]);
			const passed = results.filter((r) => r.pass).length;
			console.log(`  n8n ${process.argv[2]}: ${passed} passed, ${results.length - passed} failed`);
			for (const r of results) console.log(`    ${r.pass ? "PASS" : "FAIL"}  ${r.key}`);
		' "$results" "$version"
	else
		echo "  n8n $version: ${outcome[$version]:-not run}"
	fi
done
total_pass=0
total_fail=0
for version in "${versions[@]}"; do
	results="$work/results-$version.json"
	if [[ -f "$results" ]]; then
		read -r p f < <(node -e 'const r = require(process.argv[1]); console.log(r.filter((x) => x.pass).length, r.filter((x) => !x.pass).length)' "$results")
	else
		p=0
		f=1
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
done
echo "test:n8n: $total_pass passed, $total_fail failed"
if [[ $failed -ne 0 || $total_fail -ne 0 ]]; then
	echo "test:n8n: FAIL"
	exit 1
fi
echo "test:n8n: PASS"
