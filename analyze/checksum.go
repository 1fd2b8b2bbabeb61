package analyze

import (
	"fmt"
	"github.com/pcapreport/pcapreport/analyze/inetsum"
	"net/netip"
	"slices"
	"strings"
)

// checksumTracker verifies the IPv4 header, TCP, UDP, ICMP and ICMPv6
// checksums of every packet captured whole, summing the raw bytes itself
// (no allocation, 8 bytes a step).
//
// A wrong TCP or UDP checksum whose field holds the pseudo-header sum is
// transmit checksum offload: Linux hands such a packet (CHECKSUM_PARTIAL)
// to the driver with the folded, not complemented, sum of the
// pseudo-header in the checksum field, and the NIC completes it; taps see
// the packet before that. These are folded into one checksum-offload note
// per sender. Every other wrong checksum is corruption: checksum-bad, one
// deviation a packet (the engine caps them by ID).
type checksumTracker struct {
	e       *Engine
	offload map[netip.Addr]int // sender -> index in offl
	offl    []ctOffloadSender
	// offloadOther counts offloaded packets of senders past ctMaxOffloadSenders.
	offloadOther int
}

// ctMaxOffloadSenders bounds the per-sender offload summaries.
const ctMaxOffloadSenders = 4096

type ctOffloadSender struct {
	src     netip.Addr
	count   int
	byLayer [numCkLayers]int
	// first example: layer, field value, correct value.
	exLayer          ckLayer
	exField, exRight uint16
	frames           Frames
}

type ckLayer uint8

const (
	ckIPv4 ckLayer = iota
	ckTCP
	ckUDP
	ckICMP
	ckICMP6
	numCkLayers
)

func (l ckLayer) String() string {
	return [...]string{"IPv4 header", "TCP", "UDP", "ICMP", "ICMPv6"}[l]
}

func newChecksumTracker(e *Engine) *checksumTracker {
	return &checksumTracker{e: e, offload: map[netip.Addr]int{}}
}

func (t *checksumTracker) packet(p *Packet) {
	if p.HasIP4 {
		h := p.IP4.Contents
		if len(h) >= 20 && len(h) == int(h[0]&0x0f)*4 {
			if s := inetsum.Fold(inetsum.Add(0, h)); s != 0xffff {
				field := uint16(h[10])<<8 | uint16(h[11])
				right := ^inetsum.OnesSub(s, field)
				// Windows' IPv4 header checksum offload leaves 0 in the
				// field on the sender's own capture.
				t.bad(p, ckIPv4, field, right, field == 0)
			}
		}
	}
	if !(p.HasTCP || p.HasUDP || p.HasICMP4 || p.HasICMP6) || !p.WholeTransport() {
		return
	}
	b := p.Transport
	var layer ckLayer
	var proto uint16
	var off int // checksum field offset in b
	switch {
	case p.HasTCP:
		layer, proto, off = ckTCP, 6, 16
	case p.HasUDP:
		layer, proto, off = ckUDP, 17, 6
		if len(b) >= 8 && b[6] == 0 && b[7] == 0 && p.Src.Is4() {
			return // no checksum: allowed over IPv4
		}
	case p.HasICMP4:
		layer, off = ckICMP, 2
	case p.HasICMP6:
		layer, proto, off = ckICMP6, 58, 2
	}
	if len(b) < off+2 {
		return
	}
	var ps uint64 // pseudo-header sum, little-endian domain
	if layer != ckICMP {
		ps = t.pseudo(p, proto, len(b))
		if ps == 0 {
			return
		}
	}
	s := inetsum.Fold(inetsum.Add(ps, b))
	if s == 0xffff {
		return
	}
	field := uint16(b[off])<<8 | uint16(b[off+1])
	right := ^inetsum.OnesSub(s, field)
	if layer == ckUDP && right == 0 {
		right = 0xffff // a computed 0 is sent as all ones
	}
	offload := false
	if layer == ckTCP || layer == ckUDP {
		// The partial sum with the segment's length (Linux
		// CHECKSUM_PARTIAL), with length 0 (drivers that want it so for
		// TSO), and the complements of both.
		part := inetsum.Fold(ps)
		part0 := inetsum.Fold(t.pseudo(p, proto, 0))
		offload = field == part || field == ^part || field == part0 || field == ^part0
	}
	t.bad(p, layer, field, right, offload)
}

// pseudo returns the one's-complement sum of the IPv4 or IPv6 pseudo-header
// in the little-endian domain of inetsum.Add, or 0 when the addresses are not
// at hand.
func (t *checksumTracker) pseudo(p *Packet, proto uint16, length int) uint64 {
	var s uint64
	switch {
	case p.Src.Is4() && p.HasIP4:
		s = inetsum.Add(0, p.IP4.SrcIP)
		s = inetsum.Add(s, p.IP4.DstIP)
	case p.Src.Is6() && p.HasIP6:
		s = inetsum.Add(0, p.IP6.SrcIP)
		s = inetsum.Add(s, p.IP6.DstIP)
	default:
		return 0
	}
	s = inetsum.AddWord(s, proto)
	s = inetsum.AddWord(inetsum.AddWord(s, uint16(length)), uint16(length>>16))
	return s
}

func (t *checksumTracker) bad(p *Packet, layer ckLayer, field, right uint16, offload bool) {
	if offload {
		i, ok := t.offload[p.Src]
		if !ok {
			if len(t.offl) >= ctMaxOffloadSenders {
				t.offloadOther++
				return
			}
			i = len(t.offl)
			t.offload[p.Src] = i
			t.offl = append(t.offl, ctOffloadSender{src: p.Src, exLayer: layer, exField: field, exRight: right})
		}
		o := &t.offl[i]
		o.count++
		o.byLayer[layer]++
		if len(o.frames) < 3 {
			o.frames = append(o.frames, p.Ref)
		}
		return
	}
	t.e.deviate("checksum-bad", -1, Frames{p.Ref}, fmt.Sprintf(
		"%s checksum 0x%04x should be 0x%04x in frame %d, %s: the packet was changed after its checksum was computed, and its receiver will drop it",
		layer, field, right, p.Ref.Index, ctDescribe(p, layer)))
}

// ctDescribe names a packet's endpoints for a message.
func ctDescribe(p *Packet, layer ckLayer) string {
	switch {
	case layer == ckTCP && p.HasTCP:
		return fmt.Sprintf("the TCP segment from %s to %s", hostPort(p.Src, uint16(p.TCP.SrcPort)), hostPort(p.Dst, uint16(p.TCP.DstPort)))
	case layer == ckUDP && p.HasUDP:
		return fmt.Sprintf("the UDP datagram from %s to %s", hostPort(p.Src, uint16(p.UDP.SrcPort)), hostPort(p.Dst, uint16(p.UDP.DstPort)))
	case layer == ckICMP && p.HasICMP4:
		return fmt.Sprintf("the ICMP message (type %d code %d) from %s to %s", p.ICMP4.TypeCode.Type(), p.ICMP4.TypeCode.Code(), p.Src, p.Dst)
	case layer == ckICMP6 && p.HasICMP6:
		return fmt.Sprintf("the ICMPv6 message (type %d code %d) from %s to %s", p.ICMP6.TypeCode.Type(), p.ICMP6.TypeCode.Code(), p.Src, p.Dst)
	}
	return fmt.Sprintf("the packet from %s to %s", p.Src, p.Dst)
}

func (t *checksumTracker) finish() {
	for i := range t.offl {
		o := &t.offl[i]
		var parts []string
		for l := ckLayer(0); l < numCkLayers; l++ {
			if n := o.byLayer[l]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", l, n))
			}
		}
		what := "checksum field holds only the pseudo-header sum"
		switch {
		case o.byLayer[ckIPv4] == o.count:
			what = "IPv4 header checksum field holds 0"
		case o.byLayer[ckIPv4] > 0:
			what = "checksum field holds only the pseudo-header sum (or 0, in the IPv4 header)"
		}
		msg := fmt.Sprintf("%s sent %d %s (%s) whose %s (frame %d: %s checksum 0x%04x, the full checksum would be 0x%04x): transmit checksum offload, the NIC fills the checksum in after the capture point. "+
			"On a physical wire only %s's own capture shows this; veth pairs, bridges and VM links carry the unfinished checksum onward, so there it can appear at every capture point",
			o.src, o.count, pluralWord(o.count, "packet", "packets"), strings.Join(parts, ", "), what,
			o.frames[0].Index, o.exLayer, o.exField, o.exRight, o.src)
		t.e.deviateCount("checksum-offload", -1, slices.Clone(o.frames), msg, o.count)
	}
	if t.offloadOther > 0 {
		t.e.deviateCount("checksum-offload", -1, nil, fmt.Sprintf(
			"%d more packets from senders beyond the first %d show checksum offload (checksum field holding only the pseudo-header sum)", t.offloadOther, ctMaxOffloadSenders), t.offloadOther)
	}
}
