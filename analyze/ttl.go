package analyze

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// ttlTracker reads the IPv4 TTL / IPv6 hop limit of every packet:
//
//   - Each sender's initial TTL (the smallest of 32, 64, 128, 255 not below
//     the highest TTL it arrives with) and its distance to the capture
//     point in hops (initial − observed). Only packets to unicast
//     destinations count, and not neighbour discovery or MLD, whose hop
//     limits (255, 1) are fixed by the protocol. The result goes to
//     Analysis.Hosts.
//   - ttl-changed: the TTL of one direction (source, destination,
//     protocol) changes. The path from the sender to the capture point
//     changed length (route change, load balancing over unequal paths).
//     Packets with a TTL below 32 are left out: they are the deliberately
//     small TTLs of traceroute and `ping -t`, not the sender's default.
//   - ttl-expiring: a packet that still has to be routed arrives with TTL
//     ≤ 1. Multicast, broadcast and link-local destinations are exempt
//     (TTL 1 keeps them on the link on purpose), and so is a destination
//     whose own packets arrive here untouched (0 hops: it is on this
//     segment, so nothing routes the packet any more; single-hop eBGP
//     sends TTL 1 like that). TTL 0 is always reported.
//   - ttl-hops-vary: one sender reaches the capture point over different
//     hop counts for different destinations: its traffic takes paths of
//     different lengths, or several hosts share the address (NAT).
//
// Forward and return paths of one flow: from one capture point the
// lengths of the two paths of a flow cannot be compared. A packet from A
// tells the hops A → capture, one from B the hops B → capture; the rest of
// each path (capture → B, capture → A) is invisible, so different counts
// say where the capture point sits, not that routing is asymmetric.
// Comparing captures from both ends would prove it; one engine sees one
// capture. What one point can prove — the same sender arriving over
// different hop counts — is ttl-changed (one destination) and
// ttl-hops-vary (across destinations).
type ttlTracker struct {
	e *Engine

	dirIdx  map[ttlDirKey]uint32
	dirs    []ttlDir
	dirFree []uint32
	// dirsFull counts packets of directions not tracked because the table
	// was full.
	dirsFull  int
	lastSweep int64
	// The two directions seen last (a conversation alternates between
	// them), to spare most map lookups; cacheN says how many are valid.
	cacheKey [2]ttlDirKey
	cacheIdx [2]uint32
	cacheN   int
	cacheOld int // the one to replace next

	sendIdx map[[16]byte]uint32
	senders []ttlSender

	expIdx   map[ttlExpKey]uint32
	expiring []ttlExpiring
	expOther int
}

// Bounds on the tracker's memory.
const (
	ttlMaxDirs     = 256 << 10
	ttlMaxSenders  = 64 << 10
	ttlMaxExpiring = 4096
	ttlMaxHosts    = 64 << 10
	// ttlDeliberate: TTLs below it are taken as set on purpose
	// (traceroute, ping -t) rather than a sender's default.
	ttlDeliberate = 32
)

type ttlDirKey struct {
	src, dst [16]byte
	proto    uint8
}

type ttlDir struct {
	last   int64    // time of the direction's last packet
	prev   FrameRef // its last frame
	ttl    uint8
	warned bool
}

type ttlSender struct {
	addr   netip.Addr
	maxTTL uint8 // 0: no packet that tells the initial TTL
	// Distinct hop counts of its directions when first seen (≤ 3), how
	// many directions had each, and the first frame of each.
	nhops  uint8
	hops   [3]uint8
	hopsN  [3]int32
	hopsAt [3]FrameRef
	hopsTo [3]netip.Addr
	// The source MAC of its packets that arrive with their initial TTL
	// (sent on this segment); macN: 0 none seen, 1 one MAC, 2 several.
	mac  [6]byte
	macN uint8
}

// ttlExpKey: TTL 1 and TTL 0 of one pair are told apart.
type ttlExpKey struct {
	src, dst [16]byte
	zero     bool
}

type ttlExpiring struct {
	src, dst netip.Addr
	minTTL   uint8 // 0 or 1
	count    int
	first    string // the first packet, in words
	frames   Frames
}

func newTTLTracker(e *Engine) *ttlTracker {
	return &ttlTracker{e: e, dirIdx: map[ttlDirKey]uint32{}, sendIdx: map[[16]byte]uint32{}, expIdx: map[ttlExpKey]uint32{}}
}

// ttlInitial returns the initial TTL a packet arriving with ttl most
// likely left its sender with.
func ttlInitial(ttl uint8) int {
	switch {
	case ttl <= 32:
		return 32
	case ttl <= 64:
		return 64
	case ttl <= 128:
		return 128
	}
	return 255
}

func (t *ttlTracker) packet(p *Packet) {
	if !(p.HasIP4 || p.HasIP6) || !p.Src.IsValid() || !p.Dst.IsValid() {
		return
	}
	ttl := p.TTL
	special := ttlFixedByProtocol(p)
	group := p.Dst.IsMulticast() || p.Dst == netip.AddrFrom4([4]byte{255, 255, 255, 255}) || (p.HasEth && p.DstMAC[0]&1 != 0)
	if ttl <= 1 && !special && !group && !p.Dst.IsLinkLocalUnicast() {
		t.expire(p)
	}
	if ttl < ttlDeliberate || special || p.Src.IsUnspecified() {
		return
	}
	k := ttlDirKey{src: p.Src.As16(), dst: p.Dst.As16(), proto: ttlProto(p)}
	var i uint32
	ok := false
	switch {
	case t.cacheN > 0 && t.cacheKey[0] == k:
		i, ok = t.cacheIdx[0], true
	case t.cacheN > 1 && t.cacheKey[1] == k:
		i, ok = t.cacheIdx[1], true
	default:
		if i, ok = t.dirIdx[k]; ok {
			t.remember(k, i)
		}
	}
	if !ok {
		if p.Time-t.lastSweep > max(t.e.cfg.IdleTimeoutNs/2, 1e9) {
			t.sweep(p.Time)
		}
		if len(t.dirIdx) >= ttlMaxDirs {
			t.dirsFull++
			if !group {
				t.sender(p, k.src, false)
			}
			return
		}
		if n := len(t.dirFree); n > 0 {
			i = t.dirFree[n-1]
			t.dirFree = t.dirFree[:n-1]
		} else {
			i = uint32(len(t.dirs))
			t.dirs = append(t.dirs, ttlDir{})
		}
		t.dirIdx[k] = i
		t.remember(k, i)
		t.dirs[i] = ttlDir{last: p.Time, prev: p.Ref, ttl: ttl}
		if !group {
			t.sender(p, k.src, true)
		}
		return
	}
	d := &t.dirs[i]
	d.last = p.Time
	if d.ttl != ttl {
		if !d.warned {
			d.warned = true
			t.changed(p, d.prev, d.ttl)
		}
		d.ttl = ttl
		if !group {
			t.sender(p, k.src, false)
		}
	}
	d.prev = p.Ref
}

// ttlFixedByProtocol reports packets whose TTL the protocol fixes (IPv6
// neighbour discovery 255, MLD 1, IGMP 1): they say nothing of the
// sender's default.
func ttlFixedByProtocol(p *Packet) bool {
	if p.HasICMP6 {
		switch p.ICMP6.TypeCode.Type() {
		case 130, 131, 132, 133, 134, 135, 136, 137, 143:
			return true
		}
	}
	return p.HasIP4 && p.IP4.Protocol == 2 // IGMP
}

func ttlProto(p *Packet) uint8 {
	switch {
	case p.HasTCP:
		return 6
	case p.HasUDP:
		return 17
	case p.HasICMP4:
		return 1
	case p.HasICMP6:
		return 58
	case p.Src.Is4() && p.HasIP4:
		return uint8(p.IP4.Protocol)
	case p.HasIP6:
		return uint8(p.IP6.NextHeader)
	}
	return 0
}

// sender updates what a sender's packets tell about its initial TTL; a
// direction's first packet (newDir) also adds to its hop counts.
func (t *ttlTracker) sender(p *Packet, a [16]byte, newDir bool) {
	i, ok := t.sendIdx[a]
	if !ok {
		if len(t.senders) >= ttlMaxSenders {
			return
		}
		i = uint32(len(t.senders))
		t.sendIdx[a] = i
		t.senders = append(t.senders, ttlSender{addr: p.Src})
	}
	s := &t.senders[i]
	s.maxTTL = max(s.maxTTL, p.TTL)
	if p.HasEth && int(p.TTL) == ttlInitial(p.TTL) && p.SrcMAC[0]&1 == 0 && s.macN < 2 {
		// 0 hops: the frame's source MAC is the sender's own.
		switch {
		case s.macN == 0:
			s.mac, s.macN = p.SrcMAC, 1
		case s.mac != p.SrcMAC:
			s.macN = 2
		}
	}
	if !newDir {
		return
	}
	h := uint8(ttlInitial(p.TTL) - int(p.TTL))
	for j := range s.nhops {
		if s.hops[j] == h {
			s.hopsN[j]++
			return
		}
	}
	if int(s.nhops) < len(s.hops) {
		j := s.nhops
		s.hops[j], s.hopsN[j], s.hopsAt[j], s.hopsTo[j] = h, 1, p.Ref, p.Dst
		s.nhops++
	}
}

func (t *ttlTracker) remember(k ttlDirKey, i uint32) {
	j := t.cacheOld
	t.cacheKey[j], t.cacheIdx[j] = k, i
	t.cacheOld = 1 - j
	t.cacheN = min(t.cacheN+1, 2)
}

// sweep forgets directions idle for longer than the engine's timeout.
func (t *ttlTracker) sweep(now int64) {
	t.lastSweep = now
	t.cacheN, t.cacheOld = 0, 0
	idle := t.e.cfg.IdleTimeoutNs
	if idle <= 0 {
		return
	}
	for k, i := range t.dirIdx {
		if now-t.dirs[i].last > idle {
			delete(t.dirIdx, k)
			t.dirFree = append(t.dirFree, i)
		}
	}
}

func (t *ttlTracker) changed(p *Packet, prev FrameRef, old uint8) {
	word := "TTL"
	if p.Src.Is6() {
		word = "hop limit"
	}
	oi, ni := ttlInitial(old), ttlInitial(p.TTL)
	oh, nh := oi-int(old), ni-int(p.TTL)
	why := fmt.Sprintf("packets from %s now reach this capture point over %d %s instead of %d: the path changed (a route change, or load balancing over paths of different lengths)",
		p.Src, nh, pluralWord(nh, "hop", "hops"), oh)
	if oi != ni {
		why = fmt.Sprintf("that is initial %s %d instead of %d: another host now sends with this address (failover, NAT) or the sender changed its default", word, ni, oi)
	}
	t.e.deviate("ttl-changed", -1, Frames{prev, p.Ref}, fmt.Sprintf(
		"the %s of %s packets from %s to %s changed from %d (frame %d) to %d (frame %d): %s",
		word, ctProtoName(ttlProto(p)), p.Src, p.Dst, old, prev.Index, p.TTL, p.Ref.Index, why))
}

func ctProtoName(proto uint8) string {
	switch proto {
	case 1:
		return "ICMP"
	case 6:
		return "TCP"
	case 17:
		return "UDP"
	case 58:
		return "ICMPv6"
	}
	return fmt.Sprintf("protocol %d", proto)
}

// ctPacketText says what a packet is, for messages.
func ctPacketText(p *Packet) string {
	switch {
	case p.HasTCP:
		return fmt.Sprintf("TCP %s > %s", hostPort(p.Src, uint16(p.TCP.SrcPort)), hostPort(p.Dst, uint16(p.TCP.DstPort)))
	case p.HasUDP:
		return fmt.Sprintf("UDP %s > %s", hostPort(p.Src, uint16(p.UDP.SrcPort)), hostPort(p.Dst, uint16(p.UDP.DstPort)))
	case p.HasICMP4:
		return fmt.Sprintf("ICMP type %d code %d %s > %s", p.ICMP4.TypeCode.Type(), p.ICMP4.TypeCode.Code(), p.Src, p.Dst)
	case p.HasICMP6:
		return fmt.Sprintf("ICMPv6 type %d code %d %s > %s", p.ICMP6.TypeCode.Type(), p.ICMP6.TypeCode.Code(), p.Src, p.Dst)
	}
	return fmt.Sprintf("%s %s > %s", ctProtoName(ttlProto(p)), p.Src, p.Dst)
}

func (t *ttlTracker) expire(p *Packet) {
	k := ttlExpKey{src: p.Src.As16(), dst: p.Dst.As16(), zero: p.TTL == 0}
	i, ok := t.expIdx[k]
	if !ok {
		if len(t.expiring) >= ttlMaxExpiring {
			t.expOther++
			return
		}
		i = uint32(len(t.expiring))
		t.expIdx[k] = i
		t.expiring = append(t.expiring, ttlExpiring{src: p.Src, dst: p.Dst, minTTL: p.TTL, first: ctPacketText(p)})
	}
	x := &t.expiring[i]
	x.count++
	if len(x.frames) < 3 {
		x.frames = append(x.frames, p.Ref)
	}
}

// ttlFor returns what the capture tells of a host's initial TTL and its
// distance in hops from the capture point.
func (e *Engine) ttlFor(a netip.Addr) (initial, hops int, ok bool) {
	for _, tr := range e.tracked {
		if t, isTTL := tr.(*ttlTracker); isTTL {
			return t.lookup(a)
		}
	}
	return 0, 0, false
}

func (t *ttlTracker) lookup(a netip.Addr) (initial, hops int, ok bool) {
	i, found := t.sendIdx[a.Unmap().As16()]
	if !found {
		i, found = t.sendIdx[a.As16()]
	}
	if !found || t.senders[i].maxTTL == 0 {
		return 0, 0, false
	}
	m := t.senders[i].maxTTL
	initial = ttlInitial(m)
	return initial, initial - int(m), true
}

func (t *ttlTracker) finish() {
	t.finishExpiring()
	t.finishHopsVary()
	t.finishHosts()
}

func (t *ttlTracker) finishExpiring() {
	for _, x := range t.expiring {
		word := "TTL"
		if x.src.Is6() {
			word = "hop limit"
		}
		var why string
		_, dh, known := t.lookup(x.dst)
		switch {
		case x.minTTL == 0:
			why = fmt.Sprintf("a %s of 0: no router may forward it and no host should send it", word)
		case known && dh == 0:
			continue // the destination is on this segment: nothing routes it any more
		case known:
			why = fmt.Sprintf("%s 1, but %s is %d %s beyond this capture point (its own packets arrive after %d): the next router drops them and should answer with ICMP time exceeded",
				word, x.dst, dh, pluralWord(dh, "hop", "hops"), dh)
		default:
			why = fmt.Sprintf("%s 1 and %s is not a link-local or multicast address (it sent nothing in this capture, so it is taken to be beyond a router): the next router drops them and should answer with ICMP time exceeded",
				word, x.dst)
		}
		t.e.deviateCount("ttl-expiring", -1, x.frames, fmt.Sprintf("%d %s from %s to %s (first: %s, frame %d) arrived here with %s",
			x.count, pluralWord(x.count, "packet", "packets"), x.src, x.dst, x.first, x.frames[0].Index, why), x.count)
	}
	if t.expOther > 0 {
		t.e.deviateCount("ttl-expiring", -1, nil, fmt.Sprintf("%d more packets with TTL 1 or less between pairs of hosts beyond the first %d", t.expOther, ttlMaxExpiring), t.expOther)
	}
}

func (t *ttlTracker) finishHopsVary() {
	for i := range t.senders {
		s := &t.senders[i]
		if s.nhops < 2 {
			continue
		}
		var parts []string
		var frames Frames
		order := []int{0, 1, 2}[:s.nhops]
		slices.SortFunc(order, func(x, y int) int { return int(s.hops[x]) - int(s.hops[y]) })
		for _, j := range order {
			n := int(s.hopsN[j])
			parts = append(parts, fmt.Sprintf("%d %s to %d %s (first to %s, frame %d)", s.hops[j], pluralWord(int(s.hops[j]), "hop", "hops"),
				n, pluralWord(n, "destination", "destinations"), s.hopsTo[j], s.hopsAt[j].Index))
			frames = append(frames, s.hopsAt[j])
		}
		t.e.deviate("ttl-hops-vary", -1, frames, fmt.Sprintf(
			"packets from %s reach this capture point over different hop counts depending on the destination: %s. Its traffic takes paths of different lengths (policy routing, load balancing, a route change), or several hosts share this address (NAT)",
			s.addr, strings.Join(parts, "; ")))
	}
}

// finishHosts fills the TTL columns of the host table the ARP tracker
// built and adds the IP senders it does not list.
func (t *ttlTracker) finishHosts() {
	a := t.e.a
	listed := make(map[netip.Addr]bool, len(a.Hosts))
	for i := range a.Hosts {
		h := &a.Hosts[i]
		listed[h.IP.Unmap()] = true
		if init, hops, ok := t.lookup(h.IP); ok {
			h.InitialTTL, h.Hops = init, hops
			if h.MAC == "" && hops == 0 {
				h.MAC = t.macOf(h.IP)
			}
		} else if h.InitialTTL == 0 {
			h.Hops = -1
		}
	}
	var add []HostEntry
	for i := range t.senders {
		s := &t.senders[i]
		if s.maxTTL == 0 || listed[s.addr.Unmap()] || len(a.Hosts)+len(add) >= ttlMaxHosts {
			continue
		}
		init := ttlInitial(s.maxTTL)
		h := HostEntry{IP: s.addr, MAC: "", Source: "ttl", InitialTTL: init, Hops: init - int(s.maxTTL)}
		if h.Hops == 0 && s.macN == 1 {
			// On this segment: its frames carry its own MAC.
			h.MAC = aiMAC(s.mac)
		}
		add = append(add, h)
	}
	slices.SortFunc(add, func(x, y HostEntry) int { return x.IP.Compare(y.IP) })
	a.Hosts = append(a.Hosts, add...)
}

// macOf returns the MAC of a sender on the capture's segment, from the
// frames it sent with its initial TTL, or "" when none or several.
func (t *ttlTracker) macOf(a netip.Addr) string {
	i, found := t.sendIdx[a.Unmap().As16()]
	if !found {
		i, found = t.sendIdx[a.As16()]
	}
	if !found || t.senders[i].macN != 1 {
		return ""
	}
	return aiMAC(t.senders[i].mac)
}
