package analyze

import (
	"fmt"
	"net/netip"
)

// IPv6 neighbour discovery is the ARP of IPv6: a neighbour solicitation
// (ICMPv6 135) asks for the link-layer address of its target, a
// neighbour advertisement (136) for that target answers it. The ARP
// tracker pairs them with its own machinery (arpPair, keyed with nd set):
// repeats are folded into one episode, episodes nobody answered become
// nd-unanswered (nd-unanswered-at-end near the capture's end), and
// Analysis.ARP gets an entry with Proto "nd".
//
// Solicitations to the solicited-node multicast address (resolution) and
// unicast ones (reachability confirmation) both count. Duplicate address
// detection probes (source ::) are no fault when unanswered; an
// advertisement defending the probed address is a duplicate address.
// Advertisements that answer no solicitation (announcements, or the
// solicitation came before the capture) are no fault.

// ndPair pairs one solicitation or advertisement for target; lla is the
// solicitation's source or the advertisement's target link-layer address
// option when hasLLA.
func (t *arpTracker) ndPair(p *Packet, vlan int32, typ uint8, target netip.Addr, lla [6]byte, hasLLA bool) {
	if !target.Is6() || target.IsMulticast() || target.IsUnspecified() || !p.Src.IsValid() {
		return
	}
	mac := lla
	if !hasLLA {
		mac = p.SrcMAC // zero when the link has no Ethernet header
	}
	switch typ {
	case 135:
		if p.Src.IsMulticast() {
			return
		}
		t.ndSolicit(p, vlan, target, mac)
	case 136:
		t.ndAdvert(p, vlan, target, mac)
	}
}

func (t *arpTracker) ndSolicit(p *Packet, vlan int32, target netip.Addr, mac [6]byte) {
	k := arpPairKey{vlan: vlan, who: target, tell: p.Src, nd: true}
	if t.pairs[k] == nil && len(t.pairs) < arpMaxPairs {
		if t.ndTells == nil {
			t.ndTells = map[arpIPKey][]netip.Addr{}
		}
		tk := arpIPKey{vlan, target}
		t.ndTells[tk] = append(t.ndTells[tk], p.Src)
	}
	t.ask(k, mac, p)
}

func (t *arpTracker) ndAdvert(p *Packet, vlan int32, target netip.Addr, mac [6]byte) {
	for _, tell := range t.ndTells[arpIPKey{vlan, target}] {
		k := arpPairKey{vlan: vlan, who: target, tell: tell, nd: true}
		pr := t.pairs[k]
		if pr == nil || pr.n == 0 || pr.answered {
			continue
		}
		if tell.IsUnspecified() && mac == pr.tellMAC {
			// The prober itself announcing the address after its
			// duplicate address detection succeeded.
			continue
		}
		pr.answered, pr.answeredAt, pr.mac = true, p.Time, mac
		if pr.nf < aiMaxEvidence {
			pr.nf++
		}
		pr.frames[pr.nf-1] = p.Ref
		t.open--
		t.record(k, pr)
		if tell.IsUnspecified() {
			t.e.deviate("arp-duplicate-ip", -1, pr.evidence(),
				fmt.Sprintf("%s probed whether %s is free (neighbour solicitation for duplicate address detection) and %s advertised that it already uses %s, %s after the probe",
					aiMAC(pr.tellMAC), target, aiMAC(mac), target, aiDur(p.Time-pr.first)))
		}
	}
}

// ndSolicited says who solicited whom how often.
func ndSolicited(k arpPairKey, n int) string {
	if k.tell.IsUnspecified() {
		return fmt.Sprintf("a duplicate address detection probe for %s was sent %s", k.who, aiTimes(n))
	}
	return fmt.Sprintf("%s solicited %s %s", k.tell, k.who, aiTimes(n))
}
