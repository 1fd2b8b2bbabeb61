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
	case linkPPP:
		p.llHdrLen = p.pppLink(b, length)
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

// linkPPP is LINKTYPE_PPP.
const linkPPP = 9

// pppTypeName is tcpdump's ppptype2str table.
func pppTypeName(proto uint16) string {
	switch proto {
	case 0x0021:
		return "IP"
	case 0x0023:
		return "OSI"
	case 0x0025:
		return "NS"
	case 0x0027:
		return "DECNET"
	case 0x0029:
		return "APPLE"
	case 0x002b:
		return "IPX"
	case 0x002d:
		return "VJC IP"
	case 0x002f:
		return "VJNC IP"
	case 0x0031:
		return "BRPDU"
	case 0x0033:
		return "STII"
	case 0x0035:
		return "VINES"
	case 0x0281, 0x0283:
		return "MPLS"
	case 0x00fd:
		return "Compressed"
	case 0x003d:
		return "MLPPP"
	case 0x0057:
		return "IP6"
	case 0x0201:
		return "HELLO"
	case 0x0231:
		return "LUXCOM"
	case 0x0233:
		return "SNS"
	case 0x8021:
		return "IPCP"
	case 0x8023:
		return "OSICP"
	case 0x8025:
		return "NSCP"
	case 0x8027:
		return "DECNETCP"
	case 0x8029:
		return "APPLECP"
	case 0x802b:
		return "IPXCP"
	case 0x8033:
		return "STIICP"
	case 0x8035:
		return "VINESCP"
	case 0x8057:
		return "IP6CP"
	case 0x8281:
		return "MPLSCP"
	case 0xc021:
		return "LCP"
	case 0xc023:
		return "PAP"
	case 0xc025:
		return "LQM"
	case 0xc223:
		return "CHAP"
	case 0xc227:
		return "EAP"
	case 0xc027:
		return "SPAP"
	case 0xc123:
		return "Old-SPAP"
	case 0xc02b:
		return "BACP"
	case 0xc02d:
		return "BAP"
	case 0xc03d:
		return "MLPPP-CP"
	case 0x80fd:
		return "CCP"
	}
	return ""
}

// pppLink prints a LINKTYPE_PPP frame (tcpdump's ppp_if_print), with ppp.
// Other PPP protocols (LCP, IPCP, MPLS, OSI, ...) are not decoded here.
func (p *Printer) pppLink(b []byte, length int) int {
	p.protocol = "ppp"
	if len(b) < 4 {
		p.trunc()
		return len(b)
	}
	p.ppp(b, length)
	return 4
}

// ppp prints a PPP frame (tcpdump's ppp_print): the optional address and
// control fields, the (possibly compressed) protocol, and IPv4 or IPv6
// after it. PPP's own control protocols (LCP, IPCP, CCP, PAP, CHAP, ...)
// are printed only by name.
// VJ-uncompressed frames (0x002f) print as IPv4 and VJ-compressed ones
// (0x00fd) as "compressed PPP data", as tcpdump 4.99.3 prints them.
func (p *Printer) ppp(b []byte, length int) {
	p.protocol = "ppp"
	if length < 2 {
		p.trunc()
		return
	}
	olen := length
	switch p.get16(b, 0) {
	case 0x0003: // pppd "in"
		if p.opts.Ether {
			p.s("In  ")
		}
		b, length = b[2:], length-2
	case 0x0103: // pppd "out"
		if p.opts.Ether {
			p.s("Out ")
		}
		b, length = b[2:], length-2
	case 0xff03:
		b, length = b[2:], length-2
	}
	if length < 2 {
		p.trunc()
		return
	}
	var proto uint16
	if p.get8(b, 0)%2 == 1 {
		proto = uint16(b[0])
		b, length = b[1:], length-1
	} else {
		proto = p.get16(b, 0)
		b, length = b[2:], length-2
	}
	name := pppTypeName(proto)
	if p.opts.Ether {
		if name == "" {
			p.s("unknown")
		} else {
			p.s(name)
		}
		p.s(" (0x")
		p.hex(uint64(proto), 4)
		p.s("), length ")
		p.u(uint64(uint32(olen)))
		if name == "" {
			return
		}
		p.s(": ")
	}
	switch {
	case proto == 0x0021, proto == 0x0800, proto == 0x002f:
		p.ipv4(b, length)
	case proto == 0x0057, proto == 0x86dd:
		p.ipv6(b, length)
	case proto == 0x00fd:
		p.s("compressed PPP data")
	default:
		if name != "" {
			p.s(name)
		} else {
			p.s("unknown PPP protocol (0x")
			p.hex(uint64(proto), 4)
			p.c(')')
		}
		p.c(' ')
		p.unknownData(b, length, "\n\t")
	}
}
