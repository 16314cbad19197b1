#!/bin/sh
# Client hook (dhcpcd's `script`, and called by dhclient-script.sh): appends
# one record per call to $INTEROP_LOG — "@ REASON", the environment, a blank line.
{ echo "@ ${reason:-?}"; env | sort; echo; } >>"${INTEROP_LOG:?INTEROP_LOG not set}"
