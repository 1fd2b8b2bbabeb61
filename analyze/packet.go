package analyze

import (
	"encoding/binary"
	"net/netip"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/pcapreport/pcapreport/analyze/source"
)

// Packet is one frame decoded once for all trackers. Its layer structs are
// reused from frame to frame (gopacket's DecodingLayerParser decodes in
// place, without allocating); its byte slices point into the frame and are
// valid only while the trackers handle it.
type Packet struct {
	// FrameFacts are reset for every frame; the layers are decoded in
	// place, so a frame costs no copy of them.
	FrameFacts
	Layers
}

// FrameFacts are what one frame says beyond its decoded layers.
type FrameFacts struct {
	Ref     FrameRef
	Time    int64 // Unix nanoseconds
	CapLen  int
	WireLen int

	// Link layer; HasEth is false for raw IP, loopback and cooked
	// captures (which still set EtherType where they carry one).
	HasEth    bool
	SrcMAC    [6]byte
	DstMAC    [6]byte
	EtherType uint16
	VLAN      int // outermost 802.1Q VLAN ID, -1 when untagged

	// Network layer: which of the decoded layers are valid.
	HasARP, HasIP4, HasIP6   bool
	HasTCP, HasUDP, HasICMP4 bool
	HasICMP6                 bool
	Src, Dst                 netip.Addr
	TTL                      uint8
	NetRaw                   []byte // network header and all after it, as captured
	Transport                []byte // transport header and payload, as captured, cut at the IP length
	TransportLen             int    // transport length from the IP header
	Fragment                 bool   // part of a fragmented datagram (not reassembled)
	LaterFragment            bool   // a fragment other than the first
}

// Layers are gopacket's decoding layers, reused from frame to frame; only
// those whose Has flag is set hold this frame's values.
type Layers struct {
	ARP     layers.ARP
	IP4     layers.IPv4
	IP6     layers.IPv6
	IP6Frag layers.IPv6Fragment
	TCP     layers.TCP
	UDP     layers.UDP
	ICMP4   layers.ICMPv4
	ICMP6   layers.ICMPv6
	decoded []gopacket.LayerType
}

// decoder holds one DecodingLayerParser per first layer, all sharing the
// Packet's layer structs.
type decoder struct {
	ip4, ip6, arp *gopacket.DecodingLayerParser
}

func newDecoder(p *Packet) *decoder {
	ls := []gopacket.DecodingLayer{&p.IP4, &p.IP6, &p.IP6Frag, &p.TCP, &p.UDP, &p.ICMP4, &p.ICMP6, &p.ARP}
	mk := func(first gopacket.LayerType) *gopacket.DecodingLayerParser {
		d := gopacket.NewDecodingLayerParser(first, ls...)
		d.IgnoreUnsupported = true
		return d
	}
	p.decoded = make([]gopacket.LayerType, 0, 8)
	return &decoder{ip4: mk(layers.LayerTypeIPv4), ip6: mk(layers.LayerTypeIPv6), arp: mk(layers.LayerTypeARP)}
}

// decode fills p from a frame. Link layers are taken apart by hand (a few
// fixed offsets); the rest by gopacket.
func (d *decoder) decode(p *Packet, f *source.Frame) {
	p.FrameFacts = FrameFacts{}
	p.decoded = p.decoded[:0]
	p.Ref = FrameRef{Index: f.Index, Offset: f.Offset}
	p.Time = f.Sec*1e9 + int64(f.Nanos())
	p.CapLen, p.WireLen = len(f.Data), f.OrigLen
	p.VLAN = -1
	b := f.Data
	var net []byte
	switch f.LinkType {
	case source.LinkEthernet:
		if len(b) < 14 {
			return
		}
		p.HasEth = true
		copy(p.DstMAC[:], b[0:6])
		copy(p.SrcMAC[:], b[6:12])
		t := binary.BigEndian.Uint16(b[12:14])
		off := 14
		for (t == 0x8100 || t == 0x88a8 || t == 0x9100) && len(b) >= off+4 {
			if p.VLAN < 0 {
				p.VLAN = int(binary.BigEndian.Uint16(b[off:]) & 0xfff)
			}
			t = binary.BigEndian.Uint16(b[off+2:])
			off += 4
		}
		p.EtherType, net = t, b[off:]
	case source.LinkLinuxSLL:
		if len(b) < 16 {
			return
		}
		p.EtherType, net = binary.BigEndian.Uint16(b[14:16]), b[16:]
	case source.LinkSLL2:
		if len(b) < 20 {
			return
		}
		p.EtherType, net = binary.BigEndian.Uint16(b[0:2]), b[20:]
	case source.LinkNull, source.LinkLoop:
		if len(b) < 4 {
			return
		}
		fam := binary.LittleEndian.Uint32(b)
		if f.LinkType == source.LinkLoop || fam&0xffff0000 != 0 {
			fam = binary.BigEndian.Uint32(b)
		}
		switch fam {
		case 2:
			p.EtherType = 0x0800
		case 10, 24, 28, 30:
			p.EtherType = 0x86dd
		}
		net = b[4:]
	case source.LinkRaw, source.LinkRawOld12, source.LinkRawOld14, source.LinkIPv4, source.LinkIPv6:
		if len(b) == 0 {
			return
		}
		switch b[0] >> 4 {
		case 4:
			p.EtherType = 0x0800
		case 6:
			p.EtherType = 0x86dd
		}
		net = b
	default:
		return
	}
	p.NetRaw = net
	var parser *gopacket.DecodingLayerParser
	switch p.EtherType {
	case 0x0800:
		parser = d.ip4
	case 0x86dd:
		parser = d.ip6
	case 0x0806:
		parser = d.arp
	default:
		return
	}
	// Errors leave the layers decoded so far; truncated packets are
	// normal in captures with a small snaplen.
	_ = parser.DecodeLayers(net, &p.decoded)
	for _, lt := range p.decoded {
		switch lt {
		case layers.LayerTypeARP:
			p.HasARP = true
		case layers.LayerTypeIPv4:
			p.HasIP4 = true
			p.Src, _ = netip.AddrFromSlice(p.IP4.SrcIP.To4())
			p.Dst, _ = netip.AddrFromSlice(p.IP4.DstIP.To4())
			p.TTL = p.IP4.TTL
			p.Fragment = p.IP4.Flags&layers.IPv4MoreFragments != 0 || p.IP4.FragOffset != 0
			p.LaterFragment = p.IP4.FragOffset != 0
			p.TransportLen = int(p.IP4.Length) - int(p.IP4.IHL)*4
			p.Transport = p.IP4.Payload
		case layers.LayerTypeIPv6:
			p.HasIP6 = true
			p.Src, _ = netip.AddrFromSlice(p.IP6.SrcIP.To16())
			p.Dst, _ = netip.AddrFromSlice(p.IP6.DstIP.To16())
			p.TTL = p.IP6.HopLimit
			p.TransportLen = int(p.IP6.Length)
			if p.IP6.HopByHop != nil {
				// gopacket decodes a hop-by-hop header as part of IPv6.
				p.TransportLen -= len(p.IP6.HopByHop.Contents)
			}
			p.Transport = p.IP6.Payload
		case layers.LayerTypeIPv6Fragment:
			p.Fragment = true
			p.LaterFragment = p.IP6Frag.FragmentOffset != 0
			p.TransportLen -= len(p.IP6Frag.Contents)
			p.Transport = p.IP6Frag.Payload
		case layers.LayerTypeTCP:
			p.HasTCP = !p.LaterFragment
		case layers.LayerTypeUDP:
			p.HasUDP = !p.LaterFragment
		case layers.LayerTypeICMPv4:
			p.HasICMP4 = !p.LaterFragment
		case layers.LayerTypeICMPv6:
			p.HasICMP6 = !p.LaterFragment
		}
	}
	if p.TransportLen >= 0 && len(p.Transport) > p.TransportLen {
		p.Transport = p.Transport[:p.TransportLen]
	}
}

// Payload returns the TCP or UDP payload as captured.
func (p *Packet) Payload() []byte {
	switch {
	case p.HasTCP:
		return p.TCP.Payload
	case p.HasUDP:
		return p.UDP.Payload
	}
	return nil
}

// WholeTransport reports whether the transport segment was captured whole
// (so its checksum can be verified).
func (p *Packet) WholeTransport() bool {
	return !p.Fragment && p.TransportLen >= 0 && len(p.Transport) == p.TransportLen
}
