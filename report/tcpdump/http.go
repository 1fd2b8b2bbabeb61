package tcpdump

// Printers for the line-oriented text protocols tcpdump decodes over TCP
// (its txtproto_print family): HTTP, RTSP, FTP, SMTP, WHOIS, and the SSH
// version banner.

// httpMethods are the request names tcpdump's HTTP printer recognizes
// (WebDAV included).
var httpMethods = []string{
	"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY",
	"BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH",
	"UNLOCK", "REPORT", "UPDATE", "NOTIFY", "BDELETE", "CONNECT", "OPTIONS",
	"CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "SUBSCRIBE", "PROPPATCH",
	"BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE",
	"UNSUBSCRIBE", "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL",
}

// rtspMethods are the request names of RTSP.
var rtspMethods = []string{
	"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY",
	"RECORD", "REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN",
}

// http prints an HTTP message (tcpdump's http_print).
func (p *Printer) http(b []byte, length int) {
	p.protocol = "http"
	p.txtproto(b, length, httpMethods, true)
}

// rtsp prints an RTSP message (tcpdump's rtsp_print).
func (p *Printer) rtsp(b []byte, length int) {
	p.protocol = "rtsp"
	p.txtproto(b, length, rtspMethods, true)
}

// ftp prints an FTP control message (tcpdump's ftp_print).
func (p *Printer) ftp(b []byte, length int) {
	p.protocol = "ftp"
	p.txtproto(b, length, nil, false)
}

// smtp prints an SMTP message (tcpdump's smtp_print).
func (p *Printer) smtp(b []byte, length int) {
	p.protocol = "smtp"
	p.txtproto(b, length, nil, false)
}

// ssh prints the version banner of an SSH connection, if the segment
// starts with one (tcpdump's ssh_print).
func (p *Printer) ssh(b []byte, length int) {
	p.protocol = "ssh"
	for i, ch := range []byte("SSH-") {
		if p.get8(b, i) != ch {
			return
		}
	}
	for idx := 4; idx < length; idx++ {
		c := p.get8(b, idx)
		switch {
		case c == '\n':
		case c == '\r':
			if idx+1 >= length || p.get8(b, idx+1) != '\n' {
				return
			}
		case c < 0x20 || c > 0x7e:
			return
		default:
			continue
		}
		p.s(": SSH: ")
		p.out = append(p.out, b[:idx]...)
		return
	}
}

// txtproto prints a text protocol message as tcpdump's txtproto_print
// does: the protocol name in capitals, then the first line, or with -v the
// length and every line. With methods given, only messages that start
// with a request name or carry a 3-digit response code (as the first
// token, or the second when respSecond is set) have their text printed.
func (p *Printer) txtproto(b []byte, length int, methods []string, respSecond bool) {
	show := true
	if methods != nil {
		show = false
		var tok [128]byte
		n, idx := txtToken(b, 0, length, tok[:])
		if idx != 0 {
			t := tok[:n]
			for _, m := range methods {
				if asciiEqualFold(t, m) {
					show = true
					break
				}
			}
			if respSecond {
				n, idx = txtToken(b, idx, length, tok[:])
				t = tok[:n]
			}
			if idx != 0 && len(t) == 3 && isDigit(t[0]) && isDigit(t[1]) && isDigit(t[2]) {
				show = true
			}
		}
	}
	for i := 0; i < len(p.protocol); i++ {
		c := p.protocol[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		p.c(c)
	}
	if !show {
		return
	}
	if p.opts.Verbose > 0 {
		p.s(", length: ")
		p.u(uint64(uint32(length)))
		for idx := 0; idx < length; {
			eol := p.txtLine("\n\t", b, idx, length)
			if eol == 0 {
				break
			}
			idx = eol
		}
		return
	}
	p.txtLine(": ", b, 0, length)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// asciiEqualFold compares a token with an upper-case name, ignoring the
// case of ASCII letters.
func asciiEqualFold(t []byte, name string) bool {
	if len(t) != len(name) {
		return false
	}
	for i := range t {
		c := t[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c != name[i] {
			return false
		}
	}
	return true
}

// txtToken reads the token starting at idx into tok (tcpdump's
// fetch_token): it returns the token's length and the index of the next
// token on the line, or a zero index when there is no usable token.
func txtToken(b []byte, idx, length int, tok []byte) (int, int) {
	n := 0
	for ; idx < length; idx++ {
		if idx >= len(b) {
			return 0, 0
		}
		c := b[idx]
		if c >= 0x80 {
			return 0, 0
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			break
		}
		if c < 0x20 || c > 0x7e {
			return 0, 0
		}
		// Room for the character and the terminating NUL of tcpdump's
		// 129-byte buffer.
		if n+2 > len(tok)+1 {
			return 0, 0
		}
		tok[n] = c
		n++
	}
	if n == 0 {
		return 0, 0
	}
	for ; idx < length; idx++ {
		if idx >= len(b) {
			break
		}
		c := b[idx]
		if c == '\r' || c == '\n' || c < 0x20 || c > 0x7e {
			break
		}
		if c != ' ' && c != '\t' {
			break
		}
	}
	return n, idx
}

// txtLine prints the line starting at idx after prefix and returns the
// index after its end, or 0 when there is no complete printable line
// (tcpdump's print_txt_line). A printable tail without a line end is
// still printed, followed by the truncation marker.
func (p *Printer) txtLine(prefix string, b []byte, idx, length int) int {
	start := idx
	for idx < length {
		c := p.get8(b, idx)
		switch {
		case c == '\n':
			p.s(prefix)
			p.out = append(p.out, b[start:idx]...)
			return idx + 1
		case c == '\r':
			if idx+1 >= length {
				return 0
			}
			if p.get8(b, idx+1) == '\n' {
				p.s(prefix)
				p.out = append(p.out, b[start:idx]...)
				return idx + 2
			}
			return 0
		case (c < 0x20 || c > 0x7e) && c != '\t':
			return 0
		}
		idx++
	}
	p.s(prefix)
	p.out = append(p.out, b[start:idx]...)
	p.trunc()
	return 0
}
