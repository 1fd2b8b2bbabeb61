package tcpdump

import "github.com/pcapreport/pcapreport/analyze/source"

// link prints the link-layer header of a frame and everything above it.
func (p *Printer) link(linkType uint32, b []byte, length int) {
	switch linkType {
	case source.LinkEthernet:
		p.protocol = "ether"
		p.llHdrLen = p.ether(b, length)
	case source.LinkLinuxSLL:
		p.llHdrLen = p.sll(b, length)
	case source.LinkSLL2:
		p.llHdrLen = p.sll2(b, length)
	case source.LinkNull, source.LinkLoop:
		p.llHdrLen = p.null(b, length, linkType)
	case source.LinkRaw, source.LinkRawOld12, source.LinkRawOld14:
		p.llHdrLen = p.raw(b, length)
	case source.LinkIPv4:
		p.llHdrLen = p.rawIPv4(b, length)
	case source.LinkIPv6:
		p.llHdrLen = p.rawIPv6(b, length)
	default:
		// tcpdump without a printer for the link type.
		p.unknownLink(linkType, b)
	}
}

// unknownLink prints a frame of a link type we do not decode, as tcpdump
// prints one it has no printer for.
func (p *Printer) unknownLink(linkType uint32, b []byte) {
	p.s("unsupported link type ")
	p.u(uint64(linkType))
	p.defaultPrint(b)
}

// defaultPrint dumps bytes no printer decoded, as tcpdump's
// ND_DEFAULTPRINT does; it prints nothing when a -x/-X/-A dump follows.
func (p *Printer) defaultPrint(b []byte) {
	if p.opts.Hex != HexNone {
		return
	}
	p.hexDump(b, false)
}
