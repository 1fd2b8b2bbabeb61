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
// prints one it has no printer for: "UNSUPPORTED" and the frame in hex and
// ASCII, whatever the flags; the -x/-X dump then repeats the whole frame.
func (p *Printer) unknownLink(linkType uint32, b []byte) {
	p.s("UNSUPPORTED")
	p.hexDump(b, true)
}

// defaultPrint dumps bytes no printer decoded in hex and ASCII, as
// tcpdump's ND_DEFAULTPRINT does. Where tcpdump tests
// ndo_suppress_default_print first, callers test p.suppressDefault().
func (p *Printer) defaultPrint(b []byte) {
	p.hexDump(b, true)
}

// suppressDefault is tcpdump's ndo_suppress_default_print: set by -q and
// by -x/-X (whose dump follows anyway), not by -A.
func (p *Printer) suppressDefault() bool {
	if p.opts.Quiet {
		return true
	}
	switch p.opts.Hex {
	case HexPayload, HexFrame, HexASCIIPayload, HexASCIIFrame:
		return true
	}
	return false
}
