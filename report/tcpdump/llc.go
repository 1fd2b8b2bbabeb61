package tcpdump

import (
	"encoding/binary"
	"strconv"
)

// IEEE 802.2 LLC, SNAP and the spanning tree BPDUs they carry, as
// tcpdump's print-llc.c and print-stp.c print them.

// llcSAPName is tcpdump's llc_values table.
func llcSAPName(sap uint8) string {
	switch sap {
	case 0x00:
		return "Null"
	case 0xff:
		return "Global"
	case 0x02:
		return "802.1B I"
	case 0x03:
		return "802.1B G"
	case 0x06:
		return "IP"
	case 0x04:
		return "SNA"
	case 0x0e:
		return "ProWay NM"
	case 0x42:
		return "STP"
	case 0x4e:
		return "RS511"
	case 0x7e:
		return "ISO8208"
	case 0x8e:
		return "ProWay"
	case 0xaa:
		return "SNAP"
	case 0xe0:
		return "IPX"
	case 0xf0:
		return "NetBeui"
	case 0xfe:
		return "OSI"
	}
	return ""
}

// llcCmdName is tcpdump's llc_cmd_values table (U-frame commands).
func llcCmdName(cmd uint16) string {
	switch cmd {
	case 0x03:
		return "ui"
	case 0xe3:
		return "test"
	case 0xaf:
		return "xid"
	case 0x63:
		return "ua"
	case 0x43:
		return "disc"
	case 0x0f:
		return "dm"
	case 0x6f:
		return "sabme"
	case 0x87:
		return "frmr"
	}
	return ""
}

// llcFlagName is tcpdump's llc_flag_values table.
func llcFlagName(v uint16) string {
	switch v {
	case 0:
		return "Command"
	case 0x01:
		return "Response"
	case 0x10, 0x100:
		return "Poll"
	case 0x11, 0x101:
		return "Final"
	}
	return "?"
}

// llcSAP appends a SAP name or, when it has none, prefix and the SAP in hex.
func (p *Printer) llcSAP(sap uint8, unknownPrefix string) {
	if name := llcSAPName(sap); name != "" {
		p.s(name)
		return
	}
	p.s(unknownPrefix)
	p.hex(uint64(sap), 2)
}

// llcSAPOr appends a SAP name or, when it has none, unknown.
func (p *Printer) llcSAPOr(sap uint8, unknown string) {
	if name := llcSAPName(sap); name != "" {
		p.s(name)
		return
	}
	p.s(unknown)
}

// llcTrunc is tcpdump's explicit truncation report in llc_print: the
// marker, then the bytes it could not decode.
func (p *Printer) llcTrunc(b []byte, ret int) int {
	p.trunc()
	p.defaultPrint(b)
	return ret
}

// llc prints an 802.2 LLC header and what follows, as tcpdump's llc_print,
// and returns the length of the LLC (and SNAP) header; the length is
// negative when the payload was not decoded, so that the caller dumps it.
// src and dst are the MAC addresses of the frame, nil when the link layer
// has none.
func (p *Printer) llc(b []byte, length int, src, dst []byte) int {
	p.protocol = "llc"
	caplen := len(b)
	if caplen < 3 {
		return p.llcTrunc(b, caplen)
	}
	if length < 3 {
		return p.llcTrunc(b, length)
	}
	dsapField, ssapField := b[0], b[1]
	control := uint16(b[2])
	isU := control&3 == 3
	hdrlen := 3
	if !isU {
		if caplen < 4 {
			return p.llcTrunc(b, caplen)
		}
		if length < 4 {
			return p.llcTrunc(b, length)
		}
		control = binary.LittleEndian.Uint16(b[2:])
		hdrlen = 4
	}
	if ssapField == 0xff && dsapField == 0xff {
		// Novell "raw" 802.3: IPX right after the length field.
		if p.opts.Ether {
			p.s("IPX 802.3: ")
		}
		p.llcIPX(b, length)
		return 0
	}
	dsap := dsapField &^ 1
	ssap := ssapField &^ 1
	if p.opts.Ether {
		p.s("LLC, dsap ")
		p.llcSAPOr(dsap, "Unknown")
		p.s(" (0x")
		p.hex(uint64(dsap), 2)
		p.s(") ")
		if dsapField&1 != 0 {
			p.s("Group")
		} else {
			p.s("Individual")
		}
		p.s(", ssap ")
		p.llcSAPOr(ssap, "Unknown")
		p.s(" (0x")
		p.hex(uint64(ssap), 2)
		p.s(") ")
		if ssapField&1 != 0 {
			p.s("Response")
		} else {
			p.s("Command")
		}
		p.s(", ctrl 0x")
		if isU {
			p.hex(uint64(control), 2)
		} else {
			p.hex(uint64(control), 4)
		}
		p.s(": ")
	}
	pl := b[hdrlen:]
	plen := length - hdrlen
	switch {
	case ssap == 0xaa && dsap == 0xaa && control == 0x03:
		if !p.snap(pl, plen, src, dst, 2) {
			return -(hdrlen + 5)
		}
		return hdrlen + 5
	case ssap == 0x42 && dsap == 0x42 && control == 0x03:
		p.stp(pl, plen)
		return hdrlen
	case ssap == 0x06 && dsap == 0x06 && control == 0x03:
		p.ipv4(pl, plen)
		return hdrlen
	case ssap == 0xe0 && dsap == 0xe0 && control == 0x03:
		if p.opts.Ether {
			p.s("IPX 802.2: ")
		}
		p.llcIPX(pl, plen)
		return hdrlen
	}
	if !p.opts.Ether {
		if ssap == dsap {
			if src != nil && dst != nil {
				p.mac(src)
				p.s(" > ")
				p.mac(dst)
				p.c(' ')
			}
			p.llcSAP(dsap, "Unknown DSAP 0x")
			p.c(' ')
		} else {
			if src != nil && dst != nil {
				p.mac(src)
				p.c(' ')
			}
			p.llcSAP(ssap, "Unknown SSAP 0x")
			p.s(" > ")
			if src != nil && dst != nil {
				p.mac(dst)
				p.c(' ')
			}
			p.llcSAP(dsap, "Unknown DSAP 0x")
			p.c(' ')
		}
	}
	flags := uint16(ssapField & 1)
	if isU {
		p.s("Unnumbered, ")
		if name := llcCmdName(control & 0xef); name != "" {
			p.s(name)
		} else {
			p.hex(uint64(control&0xef), 2)
		}
		p.s(", Flags [")
		p.s(llcFlagName(flags | control&0x10))
		p.s("], length ")
		p.u(uint64(length))
		if control&^0x10 == 0xaf {
			// XID: print the format identifier's two bytes.
			caplen -= hdrlen
			if plen == 0 {
				return hdrlen
			}
			if caplen < 1 {
				p.trunc()
				return hdrlen
			}
			if pl[0] == 0x81 {
				if caplen < 3 || plen < 3 {
					p.trunc()
					p.defaultPrint(pl)
				} else {
					p.s(": ")
					p.hex(uint64(pl[1]), 2)
					p.c(' ')
					p.hex(uint64(pl[2]), 2)
				}
				return hdrlen
			}
		}
	} else if control&1 == 1 {
		p.s("Supervisory, ")
		switch (control >> 2) & 3 {
		case 0:
			p.s("Receiver Ready")
		case 1:
			p.s("Receiver not Ready")
		case 2:
			p.s("Reject")
		default:
			p.c('?')
		}
		p.s(", rcv seq ")
		p.u(uint64((control >> 9) & 0x7f))
		p.s(", Flags [")
		p.s(llcFlagName(flags | control&0x100))
		p.s("], length ")
		p.u(uint64(length))
		return hdrlen
	} else {
		p.s("Information, send seq ")
		p.u(uint64((control >> 1) & 0x7f))
		p.s(", rcv seq ")
		p.u(uint64((control >> 9) & 0x7f))
		p.s(", Flags [")
		p.s(llcFlagName(flags | control&0x100))
		p.s("], length ")
		p.u(uint64(length))
	}
	return -hdrlen
}

// llcIPX prints what we know of an IPX packet: tcpdump's ipx_print starts
// with the addresses of a 30-byte header we do not decode further.
func (p *Printer) llcIPX(b []byte, length int) {
	p.protocol = "ipx"
	if !p.opts.Ether {
		p.s("IPX ")
	}
	p.check(b, 0, 30)
	p.defaultPrint(b)
}

// ouiName is tcpdump's oui_values table.
func ouiName(oui uint32) string {
	switch oui {
	case 0x000000:
		return "Ethernet"
	case 0x00000c:
		return "Cisco"
	case 0x000081:
		return "Nortel Networks SONMP"
	case 0x0000f8:
		return "Cisco bridged"
	case 0x0080c2:
		return "Ethernet bridged"
	case 0x00a03e:
		return "ATM Forum"
	case 0x00e02f:
		return "DOCSIS Spanning Tree"
	case 0x080007:
		return "Appletalk"
	case 0x009069:
		return "Juniper"
	case 0x080009:
		return "Hewlett-Packard"
	case 0x00120f:
		return "IEEE 802.3 Private"
	case 0x0012bb:
		return "ANSI/TIA"
	case 0x001b21:
		return "DCBX"
	case 0x002320:
		return "Nicira Networks"
	case 0x5c16c7:
		return "Big Switch Networks"
	case 0xb0d2f5:
		return "Vello Systems"
	case 0x002481:
		return "HP"
	case 0x0004ea:
		return "HP-Labs"
	case 0x748771:
		return "Infoblox Inc"
	case 0xa42305:
		return "Open Networking Lab"
	case 0x00049f:
		return "Freescale"
	case 0x0015ad:
		return "Netronome"
	case 0x001018:
		return "Broadcom"
	case 0x00e004:
		return "PMC-Sierra"
	case 0x00005e:
		return "IANA"
	}
	return ""
}

// snapPIDName names a SNAP protocol ID in the table its OUI selects.
func snapPIDName(oui uint32, pid uint16) string {
	switch oui {
	case 0x000000, 0x0000f8, 0x080007:
		return etherTypes[uint32(pid)]
	case 0x00000c:
		switch pid {
		case 0x2000:
			return "CDP"
		case 0x2003:
			return "VTP"
		case 0x2004:
			return "DTP"
		case 0x0111:
			return "UDLD"
		case 0x010b:
			return "PVST"
		case 0x010c:
			return "VLAN Bridge"
		}
	case 0x0080c2:
		switch pid {
		case 0x0001:
			return "Ethernet + FCS"
		case 0x0007:
			return "Ethernet w/o FCS"
		case 0x0002:
			return "802.4 + FCS"
		case 0x0008:
			return "802.4 w/o FCS"
		case 0x0003:
			return "Token Ring + FCS"
		case 0x0009:
			return "Token Ring w/o FCS"
		case 0x0004:
			return "FDDI + FCS"
		case 0x000a:
			return "FDDI w/o FCS"
		case 0x0005:
			return "802.6 + FCS"
		case 0x000b:
			return "802.6 w/o FCS"
		case 0x000e:
			return "BPDU"
		}
	}
	return ""
}

// snapHeader appends "oui NAME (0xOOOOOO), ethertype|pid NAME (0xPPPP)".
func (p *Printer) snapHeader(oui uint32, pid uint16) {
	p.s("oui ")
	if name := ouiName(oui); name != "" {
		p.s(name)
	} else {
		p.s("Unknown")
	}
	p.s(" (0x")
	p.hex(uint64(oui), 6)
	p.s("), ")
	if oui == 0 {
		p.s("ethertype ")
	} else {
		p.s("pid ")
	}
	if name := snapPIDName(oui, pid); name != "" {
		p.s(name)
	} else {
		p.s("Unknown")
	}
	p.s(" (0x")
	p.hex(uint64(pid), 4)
	p.c(')')
}

// snap prints a SNAP header and its payload, as tcpdump's snap_print, and
// reports whether it decoded the payload.
func (p *Printer) snap(b []byte, length int, src, dst []byte, bridgePad int) bool {
	p.protocol = "snap"
	if len(b) < 5 || length < 5 {
		p.trunc()
		return true
	}
	oui := uint32(b[0])<<16 | uint32(b[1])<<8 | uint32(b[2])
	pid := binary.BigEndian.Uint16(b[3:])
	if p.opts.Ether {
		p.snapHeader(oui, pid)
		p.s(", length ")
		p.u(uint64(length - 5))
		p.s(": ")
	}
	pl := b[5:]
	plen := length - 5
	switch oui {
	case 0x000000, 0x0000f8:
		if p.etherType(pid, pl, plen) {
			return true
		}
	case 0x080007:
		if pid == 0x809b && p.etherType(pid, pl, plen) {
			return true
		}
	case 0x00000c:
		switch pid {
		case 0x010b, 0x010c:
			p.stp(pl, plen)
			return true
		}
	case 0x0080c2:
		switch pid {
		case 0x0001, 0x0007:
			p.check(pl, 0, bridgePad)
			p.ether(pl[bridgePad:], plen-bridgePad)
			return true
		case 0x000e:
			p.stp(pl, plen)
			return true
		}
	}
	if !p.opts.Ether {
		if src != nil && dst != nil {
			p.mac(src)
			p.s(" > ")
			p.mac(dst)
			p.c(' ')
		}
		if oui == 0 {
			p.s("SNAP, ethertype ")
			if name, ok := etherTypes[uint32(pid)]; ok {
				p.s(name)
			} else {
				p.s("Unknown")
			}
			p.s(" (0x")
			p.hex(uint64(pid), 4)
			p.s("), length ")
		} else {
			p.s("SNAP, ")
			p.snapHeader(oui, pid)
			p.s(", length ")
		}
		p.u(uint64(plen))
		p.s(": ")
	}
	return false
}

// STP BPDU field offsets and lengths.
const (
	stpConfigLen     = 35 // a configuration BPDU without the v1 length
	stpRSTPLen       = 36
	stpMSTPMinLen    = 102
	stpV3LenOff      = 36
	stpMSTIOff       = 102
	stpMSTILen       = 16
	stpMCIDConfigLen = 64
	stpSPBMinLen     = 87
)

// stpFlagNames are the BPDU flags, in tcpdump's stp_bpdu_flag_values order.
var stpFlagNames = [...]bitName{
	{0x01, "Topology change"}, {0x02, "Proposal"}, {0x10, "Learn"},
	{0x20, "Forward"}, {0x40, "Agreement"}, {0x80, "Topology change ACK"},
}

// stpFlags appends the names of the BPDU flags set in f, or "none".
func (p *Printer) stpFlags(f uint8) { p.bitNames(uint32(f), stpFlagNames[:]) }

func stpPortRole(f uint8) string {
	switch (f & 0x0c) >> 2 {
	case 1:
		return "Alternate"
	case 2:
		return "Root"
	case 3:
		return "Designated"
	}
	return "Unknown"
}

// stpBridgeID appends an 8-byte bridge ID as "pppp.aa:bb:cc:dd:ee:ff".
func (p *Printer) stpBridgeID(b []byte, off int) {
	p.check(b, off, 8)
	p.hex(uint64(b[off]), 2)
	p.hex(uint64(b[off+1]), 2)
	p.c('.')
	p.mac(b[off+2 : off+8])
}

// stpTime appends a BPDU timer (1/256 s units) as "%.2fs".
func (p *Printer) stpTime(b []byte, off int) {
	v := p.get16(b, off)
	p.out = strconv.AppendFloat(p.out, float64(float32(v)/256), 'f', 2, 64)
	p.c('s')
}

func (p *Printer) stpTimers(b []byte) {
	p.s("\n\tmessage-age ")
	p.stpTime(b, 27)
	p.s(", max-age ")
	p.stpTime(b, 29)
	p.s(", hello-time ")
	p.stpTime(b, 31)
	p.s(", forwarding-delay ")
	p.stpTime(b, 33)
}

// stpName appends a NUL-padded name of at most n bytes, non-printable
// characters escaped as tcpdump's nd_printjnp does.
func (p *Printer) stpName(b []byte, off, n int) {
	for i := 0; i < n; i++ {
		c := p.get8(b, off+i)
		if c == 0 {
			break
		}
		p.printChar(c)
	}
}

func (p *Printer) stpConfig(b []byte, length int) {
	flags := p.get8(b, 4)
	p.s(", Flags [")
	p.stpFlags(flags)
	p.s("], bridge-id ")
	p.stpBridgeID(b, 17)
	p.c('.')
	p.hex(uint64(p.get16(b, 25)), 4)
	p.s(", length ")
	p.u(uint64(length))
	if p.opts.Verbose == 0 {
		return
	}
	p.stpTimers(b)
	p.s("\n\troot-id ")
	p.stpBridgeID(b, 5)
	p.s(", root-pathcost ")
	p.u(uint64(p.get32(b, 13)))
	if p.get8(b, 2) == 2 {
		p.s(", port-role ")
		p.s(stpPortRole(flags))
	}
}

func (p *Printer) stpMSTP(b []byte, length int) {
	flags := p.get8(b, 4)
	p.s(", CIST Flags [")
	p.stpFlags(flags)
	p.s("], length ")
	p.u(uint64(length))
	if p.opts.Verbose == 0 {
		return
	}
	p.s("\n\tport-role ")
	p.s(stpPortRole(flags))
	p.s(", CIST root-id ")
	p.stpBridgeID(b, 5)
	p.s(", CIST ext-pathcost ")
	p.u(uint64(p.get32(b, 13)))
	p.s("\n\tCIST regional-root-id ")
	p.stpBridgeID(b, 17)
	p.s(", CIST port-id ")
	p.hex(uint64(p.get16(b, 25)), 4)
	p.c(',')
	p.stpTimers(b)
	p.s("\n\tv3len ")
	p.u(uint64(p.get16(b, stpV3LenOff)))
	p.s(", MCID Name ")
	p.stpName(b, 39, 32)
	p.s(", rev ")
	p.u(uint64(p.get16(b, 71)))
	p.s(",\n\t\tdigest ")
	for i := 0; i < 4; i++ {
		p.hex(uint64(p.get32(b, 73+4*i)), 8)
	}
	p.s(", CIST int-root-pathcost ")
	p.u(uint64(p.get32(b, 89)))
	p.s(",\n\tCIST bridge-id ")
	p.stpBridgeID(b, 93)
	p.s(", CIST remaining-hops ")
	p.u(uint64(p.get8(b, 101)))
	v3len := int(p.get16(b, stpV3LenOff))
	if v3len <= stpMCIDConfigLen {
		return
	}
	for n, off := v3len-stpMCIDConfigLen, stpMSTIOff; n >= stpMSTILen; n, off = n-stpMSTILen, off+stpMSTILen {
		msti := p.get16(b, off+1) & 0x0fff
		mflags := p.get8(b, off)
		p.s("\n\tMSTI ")
		p.u(uint64(msti))
		p.s(", Flags [")
		p.stpFlags(mflags)
		p.s("], port-role ")
		p.s(stpPortRole(mflags))
		p.s("\n\t\tMSTI regional-root-id ")
		p.stpBridgeID(b, off+1)
		p.s(", pathcost ")
		p.u(uint64(p.get32(b, off+9)))
		p.s("\n\t\tMSTI bridge-prio ")
		p.u(uint64(p.get8(b, off+13) >> 4))
		p.s(", port-prio ")
		p.u(uint64(p.get8(b, off+14) >> 4))
		p.s(", hops ")
		p.u(uint64(p.get8(b, off+15)))
	}
}

func (p *Printer) stpSPB(b []byte, off int) {
	if p.opts.Verbose == 0 {
		return
	}
	p.s("\n\tv4len ")
	p.u(uint64(p.get16(b, off)))
	p.s(", AUXMCID Name ")
	p.stpName(b, off+3, 32)
	p.s(", Rev ")
	p.u(uint64(p.get16(b, off+35)))
	p.s(",\n\t\tdigest ")
	for i := 0; i < 4; i++ {
		p.hex(uint64(p.get32(b, off+37+4*i)), 8)
	}
	agr := p.get8(b, off+53)
	fmtID := p.get8(b, off+55)
	con := p.get8(b, off+56)
	p.s("\n\tAgreement num ")
	p.u(uint64(agr >> 6))
	p.s(", Discarded Agreement num ")
	p.u(uint64(agr >> 4 & 3))
	p.s(", Agreement valid-flag ")
	p.u(uint64(agr >> 3 & 1))
	p.s(",\n\tRestricted role-flag: ")
	p.u(uint64(agr >> 2 & 1))
	p.s(", Format id ")
	p.u(uint64(fmtID >> 4))
	p.s(" cap ")
	p.u(uint64(fmtID))
	p.s(", Convention id ")
	p.u(uint64(con >> 4))
	p.s(" cap ")
	p.u(uint64(con))
	p.s(",\n\tEdge count ")
	p.u(uint64(p.get16(b, off+57)))
	p.s(", Agreement digest ")
	for i := 0; i < 5; i++ {
		p.hex(uint64(p.get32(b, off+67+4*i)), 8)
	}
}

// stp prints an 802.1D/w/s/aq BPDU, as tcpdump's stp_print.
func (p *Printer) stp(b []byte, length int) {
	p.protocol = "stp"
	if length < 4 {
		p.s(" (invalid)")
		return
	}
	if p.get16(b, 0) != 0 {
		p.s("unknown STP version, length ")
		p.u(uint64(length))
		return
	}
	version := p.get8(b, 2)
	p.s("STP ")
	switch version {
	case 0:
		p.s("802.1d")
	case 2:
		p.s("802.1w")
	case 3:
		p.s("802.1s")
	case 4:
		p.s("802.1aq")
	default:
		p.s("Unknown STP protocol (0x")
		p.hex(uint64(version), 2)
		p.c(')')
		return
	}
	bpduType := p.get8(b, 3)
	p.s(", ")
	switch bpduType {
	case 0x00:
		p.s("Config")
	case 0x02:
		p.s("Rapid STP")
	case 0x80:
		p.s("Topology Change")
	default:
		p.s("Unknown BPDU Type (0x")
		p.hex(uint64(bpduType), 2)
		p.c(')')
	}
	switch bpduType {
	case 0x00:
		if length < stpConfigLen {
			p.s(" (invalid)")
			return
		}
		p.stpConfig(b, length)
	case 0x02:
		switch version {
		case 2:
			if length < stpRSTPLen {
				p.s(" (invalid)")
				return
			}
			p.stpConfig(b, length)
		case 3, 4:
			if length < stpMSTPMinLen {
				p.s(" (invalid)")
				return
			}
			if p.get8(b, 35) != 0 {
				p.s(" (invalid)")
				return
			}
			mstpLen := int(p.get16(b, stpV3LenOff)) + 2
			if length < stpRSTPLen+mstpLen {
				p.s(" (invalid)")
				return
			}
			p.stpMSTP(b, length)
			if version == 4 {
				spbLen := int(p.get16(b, stpV3LenOff+mstpLen)) + 2
				if length < stpRSTPLen+mstpLen+spbLen || spbLen < stpSPBMinLen {
					p.s(" (invalid)")
					return
				}
				p.stpSPB(b, stpRSTPLen+mstpLen)
			}
		}
	}
}
