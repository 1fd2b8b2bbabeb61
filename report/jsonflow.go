package report

import (
	"strconv"
	"unicode/utf8"

	"github.com/pcapreport/pcapreport/analyze"
)

// appendFlowJSON appends one flow as json.MarshalIndent(f, prefix, "  ")
// would write it. Flows are most of a large report, and writing them
// without reflection keeps `report --format json` close to the text
// report's speed; TestFlowJSONMatchesEncodingJSON keeps the two identical.
func appendFlowJSON(b []byte, f *analyze.Flow, prefix string) []byte {
	in := prefix + "  "
	field := func(name string) {
		b = append(b, ",\n"...)
		b = append(b, in...)
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, "\": "...)
	}
	str := func(name, v string) {
		field(name)
		b = appendJSONString(b, v)
	}
	num := func(name string, v int64) {
		field(name)
		b = strconv.AppendInt(b, v, 10)
	}
	b = append(b, "{\n"...)
	b = append(b, in...)
	b = append(b, "\"proto\": "...)
	b = appendJSONString(b, f.Proto)
	str("src", addrText(f.Src.String()))
	num("sport", int64(f.Sport))
	str("dst", addrText(f.Dst.String()))
	num("dport", int64(f.Dport))
	str("state", f.State)
	str("state_text", f.StateText)
	str("history", f.History)
	num("packets", int64(f.Packets))
	num("bytes", f.Bytes)
	num("orig_packets", int64(f.OrigPackets))
	num("resp_packets", int64(f.RespPackets))
	num("orig_bytes", f.OrigBytes)
	num("resp_bytes", f.RespBytes)
	num("start_ns", f.Start)
	num("end_ns", f.End)
	for _, o := range []struct {
		name string
		v    int64
	}{{"handshake_ns", f.HandshakeNs}, {"rtt_ns", f.RTTNs}} {
		if o.v != 0 {
			num(o.name, o.v)
		}
	}
	if f.ClosedBy != "" {
		str("closed_by", f.ClosedBy)
	}
	for _, o := range []struct {
		name string
		v    int32
	}{{"retransmissions", f.Retransmissions}, {"dup_acks", f.DupAcks}, {"lost_segments", f.LostSegments},
		{"out_of_order", f.OutOfOrder}, {"zero_windows", f.ZeroWindows}, {"syn_retries", f.SynRetries}} {
		if o.v != 0 {
			num(o.name, int64(o.v))
		}
	}
	field("frames")
	if len(f.Frames) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, r := range f.Frames {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '\n')
			b = append(b, in...)
			b = append(b, "  "...)
			b = strconv.AppendInt(b, int64(r.Index), 10)
		}
		b = append(b, '\n')
		b = append(b, in...)
		b = append(b, ']')
	}
	b = append(b, '\n')
	b = append(b, prefix...)
	return append(b, '}')
}

// addrText is an address as netip.Addr's MarshalText writes it: "" for the
// zero value.
func addrText(s string) string {
	if s == "invalid IP" {
		return ""
	}
	return s
}

// appendJSONString appends s as encoding/json quotes it (HTML-safe).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
