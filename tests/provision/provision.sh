# provision.sh — helpers for the provisioning tests (tests/provision/t5*.sh).
#
# A fresh Debian 12 system with systemd as PID 1: debootstrap once into a cached root under
# var/cache/provision/, then for each run an overlay on top of it booted with
# systemd-nspawn (sharing this machine's network, as a VM's port forwarding
# would), entered with nsenter, and torn down without leftovers.
#
# Sourced by tests/provision/t5*.sh after tests/lib.sh:
#   container_root_ready        the cached root exists (built on first use)
#   container_boot              overlay + boot; sets CONTAINER_PID (its init)
#   container_run CMD...        runs CMD inside, as root, in /
#   container_teardown          stops the container, unmounts, removes the overlay
#                               (keeping its console log in $CONTAINER_LOGS if set)
#   hdf_keys FILE               the dotted keys an HDF file sets (list items as #)
# As root only: debootstrap, overlayfs and nspawn need it.

CONTAINER_SUITE=bookworm
CONTAINER_CACHE=$ROOT/var/cache/provision
# What a Vagrant box of Debian 12 has before provisioning starts, plus what
# ansible_local installs in it: systemd, sudo, and Debian's ansible.
CONTAINER_INCLUDE=systemd,systemd-sysv,dbus,sudo,ca-certificates,procps
CONTAINER_EXTRA=ansible
# Raise when the recipe below changes in a way the inputs above do not show.
CONTAINER_RECIPE=2

container_log() { printf 'container: %s\n' "$*" >&2; }

# The Debian mirror apt on this machine is configured with (deb822 or one-line
# sources), and the one for security updates.
container_mirrors() {
	local urls
	urls=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
		/etc/apt/sources.list.d/*.sources 2>/dev/null |
		grep -v '^[[:space:]]*#' | grep -oE 'https?://[^[:space:]]+' | sed 's|/*$||')
	CONTAINER_MIRROR=$(grep -E '/debian$' <<<"$urls" | head -1)
	CONTAINER_SECURITY=$(grep -E '/debian-security$' <<<"$urls" | head -1)
	CONTAINER_MIRROR=${CONTAINER_MIRROR:-http://deb.debian.org/debian}
	CONTAINER_SECURITY=${CONTAINER_SECURITY:-http://deb.debian.org/debian-security}
}

# Builds the cached root if this recipe has none yet; sets CONTAINER_LOWER.
# Concurrent test runs wait for one another's build instead of doing it twice.
container_root_ready() {
	container_mirrors
	local key
	key=$(printf '%s\n' "$CONTAINER_RECIPE" "$CONTAINER_SUITE" "$CONTAINER_MIRROR" \
		"$CONTAINER_SECURITY" "$CONTAINER_INCLUDE" "$CONTAINER_EXTRA" | sha256sum | cut -c1-12)
	CONTAINER_LOWER=$CONTAINER_CACHE/$CONTAINER_SUITE-$key
	mkdir -p "$CONTAINER_CACHE/debs"
	(
		flock 9
		[ -d "$CONTAINER_LOWER" ] && exit 0
		container_build "$CONTAINER_LOWER" || exit 1
		# Older recipes' roots go, unless a run is using one right now.
		for old in "$CONTAINER_CACHE/$CONTAINER_SUITE"-*; do
			[ "$old" = "$CONTAINER_LOWER" ] && continue
			grep -qF "lowerdir=$old" /proc/mounts || rm -rf "$old"
		done
	) 9>"$CONTAINER_CACHE/lock"
}

container_build() { # final-dir
	local tmp=$CONTAINER_CACHE/build.$$ log=$CONTAINER_CACHE/build.log
	rm -rf "$tmp"
	container_log "building the cached Debian $CONTAINER_SUITE root from $CONTAINER_MIRROR (once per machine)"
	if ! debootstrap --variant=minbase --include="$CONTAINER_INCLUDE" \
		--cache-dir="$CONTAINER_CACHE/debs" "$CONTAINER_SUITE" "$tmp" "$CONTAINER_MIRROR" >"$log" 2>&1; then
		container_log "debootstrap failed; see $log"
		tail -5 "$log" >&2
		rm -rf "$tmp"
		return 1
	fi
	cat >"$tmp/etc/apt/sources.list" <<-EOF
		deb $CONTAINER_MIRROR $CONTAINER_SUITE main
		deb $CONTAINER_MIRROR $CONTAINER_SUITE-updates main
		deb $CONTAINER_SECURITY $CONTAINER_SUITE-security main
	EOF
	# The container shares this machine's network: a daemon started by its
	# package's scripts with Debian's defaults (nginx's default site on port 80)
	# would bind this machine's ports. The playbook starts every service itself.
	printf '#!/bin/sh\n# No daemon starts from package scripts in this container.\nexit 101\n' \
		>"$tmp/usr/sbin/policy-rc.d"
	chmod 755 "$tmp/usr/sbin/policy-rc.d"
	# Downloaded packages stay in the bind-mounted archive for the next run.
	echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' >"$tmp/etc/apt/apt.conf.d/10keep-debs"
	# What Debian's own container images do to install quickly: no fsync per
	# file (the root is thrown away anyway), no manuals or documentation.
	cat >"$tmp/etc/dpkg/dpkg.cfg.d/10container" <<-EOF
		force-unsafe-io
		path-exclude=/usr/share/man/*
		path-exclude=/usr/share/info/*
		path-exclude=/usr/share/doc/*
		path-include=/usr/share/doc/*/copyright
	EOF
	echo masakari-vm >"$tmp/etc/hostname"
	: >"$tmp/etc/machine-id"
	if ! systemd-nspawn --register=no --keep-unit --quiet -D "$tmp" \
		--bind="$CONTAINER_CACHE/debs:/var/cache/apt/archives" \
		/bin/sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends $CONTAINER_EXTRA" \
		>>"$log" 2>&1 </dev/null; then
		container_log "installing $CONTAINER_EXTRA in the root failed; see $log"
		tail -5 "$log" >&2
		rm -rf "$tmp"
		return 1
	fi
	mv "$tmp" "$1"
}

# Mounts a writable overlay over the cached root under a fresh directory in
# var/ and boots it; returns once systemd has finished starting up.
container_boot() {
	CONTAINER_DIR=$(mktemp -d "$ROOT/var/provision.XXXXXX")
	CONTAINER_NAME=masakari-$(basename "$CONTAINER_DIR" | tr -cd 'a-zA-Z0-9')
	mkdir -p "$CONTAINER_DIR"/{upper,work,root}
	mount -t overlay overlay \
		-o "lowerdir=$CONTAINER_LOWER,upperdir=$CONTAINER_DIR/upper,workdir=$CONTAINER_DIR/work" \
		"$CONTAINER_DIR/root" || return 1
	# systemd in the container names the host from /etc/hostname, over
	# nspawn's --hostname: each host of a cluster needs its own name.
	echo "${CONTAINER_HOSTNAME:-masakari-vm}" >"$CONTAINER_DIR/root/etc/hostname"
	# With CONTAINER_NETNS and CONTAINER_BRIDGE, the container gets a network of
	# its own (host0), plugged into that bridge inside that network namespace,
	# and its own overlay of the package archive (apt locks it while it runs).
	local wrap=() net=() debs=$CONTAINER_CACHE/debs
	if [ -n "${CONTAINER_NETNS:-}" ]; then
		# nsenter, not `ip netns exec`: that remounts /sys, without the cgroup tree.
		wrap=(nsenter --net="/run/netns/$CONTAINER_NETNS")
		net=(--network-bridge="$CONTAINER_BRIDGE")
		CONTAINER_NAME=${CONTAINER_HOSTNAME:-vm}-$(basename "$CONTAINER_DIR" | tr -cd 'a-zA-Z0-9' | tail -c 5)
		mkdir -p "$CONTAINER_DIR"/{debs,debs-upper,debs-work}
		mount -t overlay overlay -o "lowerdir=$debs,upperdir=$CONTAINER_DIR/debs-upper,workdir=$CONTAINER_DIR/debs-work" \
			"$CONTAINER_DIR/debs" || return 1
		debs=$CONTAINER_DIR/debs
	fi
	"${wrap[@]}" systemd-nspawn --register=no --keep-unit --boot -D "$CONTAINER_DIR/root" \
		--machine="$CONTAINER_NAME" --hostname="${CONTAINER_HOSTNAME:-masakari-vm}" "${net[@]}" \
		--bind="$debs:/var/cache/apt/archives" \
		</dev/null >"$CONTAINER_DIR/console.log" 2>&1 &
	CONTAINER_NSPAWN=$!
	# The container's init is the child of nspawn that runs systemd (nspawn
	# forks a short-lived helper first).
	local state= pid
	CONTAINER_PID=
	for _ in $(seq 600); do
		kill -0 "$CONTAINER_NSPAWN" 2>/dev/null || break
		for pid in $(ps -o pid= --ppid "$CONTAINER_NSPAWN" 2>/dev/null); do
			[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = systemd ] && CONTAINER_PID=$pid
		done
		if [ -n "$CONTAINER_PID" ]; then
			state=$(container_run systemctl is-system-running 2>/dev/null)
			case "$state" in running | degraded) return 0 ;; esac
		fi
		sleep 0.2
	done
	container_log "the container did not finish booting (systemd: ${CONTAINER_PID:-none}, state: ${state:-none});" \
		"see $CONTAINER_DIR/console.log"
	tail -5 "$CONTAINER_DIR/console.log" >&2
	return 1
}

container_run() {
	nsenter -t "$CONTAINER_PID" -m -u -i -n -p -C -r -w -- /usr/bin/env -i \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		HOME=/root LANG=C.UTF-8 "$@"
}

# Powers the container off (nspawn turns SIGTERM into an orderly shutdown),
# then unmounts and removes everything under its directory. Safe to call twice.
container_teardown() {
	[ -n "${CONTAINER_DIR:-}" ] || return 0
	if [ -n "${CONTAINER_NSPAWN:-}" ] && kill -0 "$CONTAINER_NSPAWN" 2>/dev/null; then
		kill -TERM "$CONTAINER_NSPAWN"
		for _ in $(seq 600); do
			kill -0 "$CONTAINER_NSPAWN" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$CONTAINER_NSPAWN" 2>/dev/null
		wait "$CONTAINER_NSPAWN" 2>/dev/null
	fi
	CONTAINER_NSPAWN=
	[ -n "${CONTAINER_LOGS:-}" ] && cp "$CONTAINER_DIR/console.log" \
		"$CONTAINER_LOGS/${CONTAINER_HOSTNAME:+$CONTAINER_HOSTNAME-}console.log" 2>/dev/null
	# Packages a container with its own archive downloaded join the shared one.
	[ -d "$CONTAINER_DIR/debs-upper" ] && find "$CONTAINER_DIR/debs-upper" -maxdepth 1 -name '*.deb' \
		-exec cp -n -t "$CONTAINER_CACHE/debs/" {} + 2>/dev/null
	local m
	while read -r m; do
		umount "$m" 2>/dev/null || umount -l "$m"
	done < <(awk -v d="$CONTAINER_DIR/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
	if [ -z "${keep:-}" ]; then
		rm -rf "$CONTAINER_DIR"
	else
		container_log "kept $CONTAINER_DIR"
	fi
	CONTAINER_DIR=
}

# HDF sections ("Name {" … "}") and assignments ("Key = value") to the
# dotted names a program reads; numbered list items count as one key.
hdf_keys() {
	awk '/^[[:space:]]*#/ || /^[[:space:]]*$/ { next }
		/\{[[:space:]]*$/ { sub(/[[:space:]]*\{[[:space:]]*$/, ""); gsub(/^[[:space:]]+/, ""); path[++n] = $0; next }
		/^[[:space:]]*\}/ { n--; next }
		/=/ { k = $0; sub(/[[:space:]]*=.*/, "", k); gsub(/^[[:space:]]+/, "", k)
			p = ""; for (i = 1; i <= n; i++) p = p path[i] "."
			print p k }' "$1" | sed -E 's/\.[0-9]+$/.#/' | sort -u
}
