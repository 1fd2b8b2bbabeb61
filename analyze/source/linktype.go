package source

import "github.com/gopacket/gopacket/layers"

// ancillaryLinkType extracts the link type pcapgo stores per packet.
func ancillaryLinkType(v any, def uint32) uint32 {
	if lt, ok := v.(layers.LinkType); ok {
		return uint32(lt)
	}
	return def
}
