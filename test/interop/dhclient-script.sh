#!/bin/sh
# dhclient -6's script for the interop tests, instead of Debian's
# /sbin/dhclient-script (which would rewrite the host's resolv.conf): it only
# records what dhclient passes and puts the IA_NA address on, or takes it off,
# the interface. Delegated prefixes are left alone, as Debian's script does.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
"$(dirname "$0")/record-env.sh"

case $reason in
  BOUND6 | RENEW6 | REBIND6 | REBOOT6)
    [ -n "$old_ip6_address" ] && [ "$old_ip6_address" != "$new_ip6_address" ] &&
      ip -6 addr del "$old_ip6_address/$old_ip6_prefixlen" dev "$interface"
    [ -n "$new_ip6_address" ] &&
      ip -6 addr replace "$new_ip6_address/$new_ip6_prefixlen" dev "$interface" \
        valid_lft "$new_max_life" preferred_lft "$new_preferred_life"
    ;;
  RELEASE6 | EXPIRE6 | STOP6)
    [ -n "$old_ip6_address" ] && ip -6 addr del "$old_ip6_address/$old_ip6_prefixlen" dev "$interface"
    ;;
esac
exit 0
