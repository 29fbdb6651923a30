#!/usr/bin/env bash
# npm run test:n8n — proves the packed package works inside the real n8n application.
#
# Builds and packs the package, installs n8n 2.x (on a Node 24 runtime from the npm registry) and the
# last n8n 1.x (on this machine's Node 20) into a cache outside the repository, installs the packed
# package into each n8n's community-node folder, imports credentials pointing at the Capillary sandbox
# and the example workflows, runs each with `n8n execute --id ... --rawOutput`, and checks the items
# on each output. The first run downloads several GB; later runs reuse the cache.
#
# Then the queue-mode run (queue-mode.ts) on n8n $N8N_V2: Redis and PostgreSQL from Debian's packages
# (installed if missing), started here on free loopback ports with their data in the temporary folder,
# n8n main with EXECUTIONS_MODE=queue and two `n8n worker` processes.
#
# Environment: N8N_VERSIONS="2.41.1 1.123.81" (default: $N8N_V2 $N8N_V1), CAPILLARY_N8N_CACHE,
# SKIP_BUILD=1 (pack dist/ as it is), QUEUE_MODE=0 (leave out the queue-mode run).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

started=$SECONDS
work="$(mktemp -d "${TMPDIR:-/tmp}/capillary-test-n8n.XXXXXX")"
queue="$work/queue"
redis_port=""
cleanup() {
	if [[ -n "$redis_port" ]]; then stop_redis "$queue/redis" "$redis_port"; fi
	stop_postgres "$queue/postgres"
	rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$CACHE_DIR"

log "building and packing the package"
tgz="$(pack_package "$work")"
log "packed $(basename "$tgz")"

read -r -a versions <<<"${N8N_VERSIONS:-$N8N_V2 $N8N_V1}"
runs=("${versions[@]}")
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

# Queue mode: n8n main and two workers on one PostgreSQL and one Redis.
if [[ "${QUEUE_MODE:-1}" != 0 ]]; then
	version="$N8N_V2"
	run="queue-$version"
	runs+=("$run")
	log "=== n8n $version in queue mode ==="
	if ! ensure_queue_services; then
		outcome[$run]="FAIL (Redis or PostgreSQL install)"
		failed=1
	elif ! node="$(node_for_n8n "$version")" || ! dir="$(ensure_n8n "$version" "$node")"; then
		outcome[$run]="FAIL (install)"
		failed=1
	elif ! install_package_into "$dir/home-queue" "$tgz"; then
		outcome[$run]="FAIL (package install)"
		failed=1
	else
		# PostgreSQL runs as its own user (when we are root), which must reach its folder.
		mkdir -p "$queue/logs"
		chmod 755 "$work" "$queue"
		redis_port="$(free_port)"
		start_redis "$queue/redis" "$redis_port"
		postgres_port="$(free_port)"
		start_postgres "$queue/postgres" "$postgres_port"
		log "Redis on 127.0.0.1:$redis_port, PostgreSQL on 127.0.0.1:$postgres_port (data in $queue)"
		results="$work/results-$run.json"
		if (cd "$REPO_ROOT" && npx --no-install tsx scripts/n8n/queue-mode.ts \
			--version "$version" --node "$node" --dir "$dir" --home "$dir/home-queue" \
			--redis-port "$redis_port" --postgres-port "$postgres_port" --logs "$queue/logs" --results "$results"); then
			outcome[$run]="PASS"
		else
			outcome[$run]="FAIL"
			failed=1
			log "n8n logs of the queue-mode run: $CACHE_DIR/last-queue-logs/"
		fi
		rm -rf "$CACHE_DIR/last-queue-logs" && cp -r "$queue/logs" "$CACHE_DIR/last-queue-logs"
		if [[ -f "$results" ]]; then cp "$results" "$CACHE_DIR/last-results-$run.json"; fi
		stop_redis "$queue/redis" "$redis_port"
		redis_port=""
		stop_postgres "$queue/postgres"
	fi
fi

echo
echo "test:n8n summary ($((SECONDS - started)) s)"
for version in "${runs[@]}"; do
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
for version in "${runs[@]}"; do
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
