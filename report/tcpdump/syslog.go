package tcpdump

// syslogFacilities are tcpdump's syslog facility names.
var syslogFacilities = [24]string{
	"kernel", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
	"uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "cron",
	"local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
}

// syslogSeverities are tcpdump's syslog severity names.
var syslogSeverities = [8]string{
	"emergency", "alert", "critical", "error", "warning", "notice", "info", "debug",
}

// syslog prints a BSD syslog message (tcpdump's syslog_print).
func (p *Printer) syslog(b []byte, length int) {
	p.protocol = "syslog"
	if p.get8(b, 0) != '<' {
		p.s(" (invalid)")
		return
	}
	off := 1
	pri := 0
	for off <= 3 {
		c := p.get8(b, off)
		if c < '0' || c > '9' {
			break
		}
		pri = pri*10 + int(c-'0')
		off++
	}
	if p.get8(b, off) != '>' {
		p.s(" (invalid)")
		return
	}
	off++
	pri &= 0xffff
	facility := (pri & 0x3f8) >> 3
	severity := pri & 7
	if p.opts.Verbose < 1 {
		p.s("SYSLOG ")
		p.syslogFacility(facility)
		p.c('.')
		p.s(syslogSeverities[severity])
		p.s(", length: ")
		p.u(uint64(length))
		return
	}
	p.s("SYSLOG, length: ")
	p.u(uint64(length))
	p.s("\n\tFacility ")
	p.syslogFacility(facility)
	p.s(" (")
	p.u(uint64(facility))
	p.s("), Severity ")
	p.s(syslogSeverities[severity])
	p.s(" (")
	p.u(uint64(severity))
	p.s(")\n\tMsg: ")
	for ; off < length; off++ {
		p.printChar(p.get8(b, off))
	}
	if p.opts.Verbose > 1 {
		p.unknownData(b, length, "\n\t")
	}
}

// syslogFacility appends a facility name, or "unknown (N)".
func (p *Printer) syslogFacility(f int) {
	if f < len(syslogFacilities) {
		p.s(syslogFacilities[f])
		return
	}
	p.s("unknown (")
	p.u(uint64(f))
	p.c(')')
}
