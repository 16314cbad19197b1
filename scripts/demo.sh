#!/usr/bin/env bash
# Fulmar in one command (run as root): two throwaway network namespaces joined
# by a veth pair, Fulmar serving the sample config in one, a real
# `dhclient -6` asking for an address and a prefix in the other. Prints what
# the client got and the server's log, then removes everything it made.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
[[ $EUID -eq 0 ]] || { echo "demo: run as root (it creates network namespaces)" >&2; exit 1; }
command -v dhclient >/dev/null || { echo "demo: needs dhclient (apt-get install isc-dhcp-client)" >&2; exit 1; }

srv=fulmar-demo-srv
cli=fulmar-demo-cli
tmp=$(mktemp -d /tmp/fulmar-demo.XXXXXX)
server_pid=

cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [[ -f $tmp/dhclient.pid ]] && kill "$(cat "$tmp/dhclient.pid")" 2>/dev/null
  ip netns del "$srv" 2>/dev/null || true
  ip netns del "$cli" 2>/dev/null || true
  [[ -n ${KEEP:-} ]] || rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

for ns in $srv $cli; do
  ip netns add "$ns"
  # No duplicate address detection: link-local addresses are usable at once.
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
  ip -n "$ns" link set lo up
done
ip link add srv0 netns "$srv" type veth peer name cli0 netns "$cli"
ip -n "$srv" link set srv0 up
ip -n "$cli" link set cli0 up
ip -n "$srv" addr add 2001:db8:1::1/64 dev srv0
# Both ends need their link-local address before DHCPv6 can flow.
for end in "$srv srv0" "$cli cli0"; do
  set -- $end
  for _ in $(seq 50); do ip -n "$1" -6 addr show dev "$2" scope link | grep -q fe80 && break; sleep 0.1; done
done

# The sample config, with its data kept in the throwaway directory.
sed "s|\"/var/lib/fulmar\"|\"$tmp/data\"|" "$here/fulmar.sample.json" >"$tmp/fulmar.json"
ip netns exec "$srv" node "$here/bin/fulmar.js" serve --config "$tmp/fulmar.json" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do grep -q FULMAR_STARTED "$tmp/server.log" && break; sleep 0.1; done
grep -q FULMAR_STARTED "$tmp/server.log" || { cat "$tmp/server.log"; echo "demo: server did not start" >&2; exit 1; }

echo "== dhclient -6 -N -P (address and prefix) in namespace $cli"
ip netns exec "$cli" timeout 30 dhclient -6 -1 -N -P -v -sf /bin/true \
  -lf "$tmp/dhclient.leases" -pf "$tmp/dhclient.pid" cli0 >"$tmp/dhclient.log" 2>&1 || { cat "$tmp/dhclient.log"; echo "demo: dhclient got no lease" >&2; exit 1; }
grep -E "^(XMT|RCV|PRC):" "$tmp/dhclient.log" || cat "$tmp/dhclient.log"

echo
echo "== what the client got (from its lease file)"
grep -E "iaaddr|iaprefix" "$tmp/dhclient.leases" | sed 's/^ */  /; s/ {$//' | sort -u
echo
echo "== the server's log (one JSON line per transaction)"
cat "$tmp/server.log"
echo
echo "== the server's leases (fulmar leases)"
node "$here/bin/fulmar.js" leases --config "$tmp/fulmar.json"
