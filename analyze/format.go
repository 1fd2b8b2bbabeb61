package analyze

import (
	"net/netip"
	"strconv"
)

// Formatting helpers every tracker uses in its messages.

// hostPort formats an endpoint: 192.0.2.10:80, [2001:db8::1]:80.
func hostPort(a netip.Addr, port uint16) string {
	return netip.AddrPortFrom(a, port).String()
}

// plural returns "n one" or "n many": "1 hop", "3 hops".
func plural(n int, one, many string) string {
	return strconv.Itoa(n) + " " + pluralWord(n, one, many)
}

// pluralWord returns one when n is 1, else many.
func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
