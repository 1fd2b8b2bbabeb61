// Package analyze turns a stream of frames into an Analysis: what happened
// in a capture (ARP exchanges, connections, ICMP events) and what deviated
// from a healthy network, with the frames that prove it.
//
// The Engine decodes each frame once and feeds the trackers, one file each
// (arp.go, ether.go, tcp.go, udp.go, icmp.go, checksum.go, ttl.go). Memory
// grows with the number of live flows, not with the capture: evidence is
// kept as frame numbers and file offsets, never as packet bytes.
package analyze

import (
	"encoding/json"
	"net/netip"
)

// FrameRef points at one frame of a capture: its 1-based number (as
// tcpdump's -# and Wireshark number frames) and its byte offset in the
// capture stream (-1 when the reader cannot tell).
type FrameRef struct {
	Index  int
	Offset int64
}

// Frames is a list of evidence frames; in JSON it is the list of their
// numbers.
type Frames []FrameRef

// MarshalJSON writes the frame numbers.
func (f Frames) MarshalJSON() ([]byte, error) {
	n := make([]int, len(f))
	for i, r := range f {
		n[i] = r.Index
	}
	return json.Marshal(n)
}

// Deviation is one thing that went wrong or is worth knowing, with its
// evidence.
type Deviation struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint"`
	Frames   Frames   `json:"frames"`
	// Flow is the index in Analysis.Flows of the flow concerned, or -1.
	Flow int `json:"flow"`
	// Count is how many times it happened when several occurrences were
	// folded into one deviation.
	Count int `json:"count,omitempty"`
	// Folded counts the deviations of this ID past Config.MaxPerID that
	// were folded into this one instead of being listed.
	Folded int `json:"folded,omitempty"`
}

// Capture holds the facts about the capture file itself.
type Capture struct {
	File        string   `json:"file"`
	Format      string   `json:"format"`
	Compression string   `json:"compression,omitempty"`
	Snaplen     uint32   `json:"snaplen"`
	LinkTypes   []uint32 `json:"link_types"`
	Packets     int      `json:"packets"`
	Bytes       int64    `json:"bytes"`
	// First and Last are Unix times in nanoseconds.
	First int64 `json:"first_ns"`
	Last  int64 `json:"last_ns"`
	// Sliced counts packets cut by the snaplen (captured < on the wire).
	Sliced int `json:"sliced"`
	// TimeBackwards counts packets older than the one before them.
	TimeBackwards int `json:"time_backwards"`
	// Filtered counts frames the filter expression left out.
	Filtered int `json:"filtered,omitempty"`
	// Truncated is set when the file ended in the middle of a record.
	Truncated bool   `json:"truncated"`
	ReadError string `json:"read_error,omitempty"`
	// Comments are pcapng comments of the file's packets, as frame:text.
	Comments []string `json:"comments,omitempty"`
}

// ARPExchange is one "who-has X tell Y" and what answered it.
type ARPExchange struct {
	WhoHas    netip.Addr `json:"who_has"`
	Tell      netip.Addr `json:"tell"`
	TellMAC   string     `json:"tell_mac"`
	Requests  int        `json:"requests"`
	Answered  bool       `json:"answered"`
	AnswerMAC string     `json:"answer_mac,omitempty"`
	// AnswerNs is the time from the first request to the reply.
	AnswerNs int64  `json:"answer_ns,omitempty"`
	Frames   Frames `json:"frames"`
	// Exchanges counts the times this pair asked and got the same answer
	// (ARP cache refreshes), folded into this entry; Requests counts
	// all their requests.
	Exchanges int `json:"exchanges,omitempty"`
	// Proto is "nd" for an IPv6 neighbour solicitation (WhoHas its
	// target, Tell its source, :: for duplicate address detection)
	// and its advertisement; empty for ARP.
	Proto string `json:"proto,omitempty"`
}

// HostEntry is an IP↔MAC binding the capture proves (from ARP, neighbour
// discovery, or frames with a known sender).
type HostEntry struct {
	IP     netip.Addr `json:"ip"`
	MAC    string     `json:"mac"`
	Source string     `json:"source"` // "arp", "nd"
	// TTLHops is the sender's distance from the capture point in hops,
	// from its initial TTL, or -1 when unknown.
	InitialTTL int `json:"initial_ttl,omitempty"`
	Hops       int `json:"hops"`
}

// Flow is one conversation: a TCP connection (one incarnation of a
// 5-tuple), a UDP flow or an ICMP exchange, seen from its originator.
type Flow struct {
	Proto string     `json:"proto"` // "tcp", "udp", "icmp", "icmp6"
	Src   netip.Addr `json:"src"`
	Sport uint16     `json:"sport"`
	Dst   netip.Addr `json:"dst"`
	Dport uint16     `json:"dport"`
	// State is Zeek's conn_state (S0, S1, SF, REJ, ...); StateText says it
	// in words.
	State     string `json:"state"`
	StateText string `json:"state_text"`
	// History is Zeek's history string (ShADadFf...).
	History string `json:"history"`
	Packets int32  `json:"packets"`
	Bytes   int64  `json:"bytes"`
	// OrigPackets/RespPackets and OrigBytes/RespBytes split the counts
	// by direction; bytes are payload bytes.
	OrigPackets int32 `json:"orig_packets"`
	RespPackets int32 `json:"resp_packets"`
	OrigBytes   int64 `json:"orig_bytes"`
	RespBytes   int64 `json:"resp_bytes"`
	// Start and End are Unix times in nanoseconds.
	Start int64 `json:"start_ns"`
	End   int64 `json:"end_ns"`
	// HandshakeNs is SYN to ACK of the SYN/ACK, when seen; RTTNs the
	// SYN to SYN/ACK time.
	HandshakeNs int64 `json:"handshake_ns,omitempty"`
	RTTNs       int64 `json:"rtt_ns,omitempty"`
	// ClosedBy says who ended the connection and how ("orig FIN",
	// "resp RST", "open" ...).
	ClosedBy string `json:"closed_by,omitempty"`
	// Retransmissions etc. count per-connection TCP events.
	Retransmissions int32 `json:"retransmissions,omitempty"`
	DupAcks         int32 `json:"dup_acks,omitempty"`
	LostSegments    int32 `json:"lost_segments,omitempty"`
	OutOfOrder      int32 `json:"out_of_order,omitempty"`
	ZeroWindows     int32 `json:"zero_windows,omitempty"`
	SynRetries      int32 `json:"syn_retries,omitempty"`
	// Frames are the flow's first frames (at most a few), for evidence.
	Frames Frames `json:"frames"`
}

// ICMPEvent is one ICMP/ICMPv6 message of interest: an error linked to
// the flow whose header it quotes, or an echo exchange.
type ICMPEvent struct {
	Proto string `json:"proto"` // "icmp" or "icmp6"
	// From is the router or host that sent the message.
	From netip.Addr `json:"from"`
	To   netip.Addr `json:"to"`
	Type uint8      `json:"type"`
	Code uint8      `json:"code"`
	// Text names it: "port unreachable", "fragmentation needed (mtu 1400)".
	Text string `json:"text"`
	// Quoted is the flow the error quotes, as "proto src:sport > dst:dport".
	Quoted string `json:"quoted,omitempty"`
	// Flow is the index of the quoted flow in Analysis.Flows, or -1.
	Flow   int    `json:"flow"`
	MTU    int    `json:"mtu,omitempty"`
	Frames Frames `json:"frames"`
	// Count is how many such messages (same sender, type, code and
	// quoted flow) were folded into this event.
	Count int `json:"count,omitempty"`
	// For echo exchanges (one event per requester/target pair): the
	// requests and replies seen and the round-trip times.
	Requests int   `json:"requests,omitempty"`
	Replies  int   `json:"replies,omitempty"`
	RTTMinNs int64 `json:"rtt_min_ns,omitempty"`
	RTTAvgNs int64 `json:"rtt_avg_ns,omitempty"`
	RTTMaxNs int64 `json:"rtt_max_ns,omitempty"`
}

// Analysis is everything the engine learnt from one capture.
type Analysis struct {
	Capture    Capture       `json:"capture"`
	Hosts      []HostEntry   `json:"hosts"`
	ARP        []ARPExchange `json:"arp"`
	Flows      FlowList      `json:"flows"`
	ICMP       []ICMPEvent   `json:"icmp"`
	Deviations []Deviation   `json:"deviations"`
	// FlowsDropped counts flows not tracked because the flow table was
	// full (Config.MaxFlows).
	FlowsDropped int `json:"flows_dropped,omitempty"`
}

// Worst returns the highest severity among the deviations, and false when
// there are none.
func (a *Analysis) Worst() (Severity, bool) {
	if len(a.Deviations) == 0 {
		return Note, false
	}
	worst := Note
	for _, d := range a.Deviations {
		worst = max(worst, d.Severity)
	}
	return worst, true
}
