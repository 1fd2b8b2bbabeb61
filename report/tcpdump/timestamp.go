package tcpdump

import (
	"time"

	"github.com/pcapreport/pcapreport/analyze/source"
)

// timestamp appends the frame's time in the format -t ... -ttttt select,
// followed by a space (nothing at all for -t).
func (p *Printer) timestamp(f *source.Frame) {
	sec := f.Sec
	var frac int64
	width := 6
	switch {
	case p.opts.Nano && f.Nano:
		frac, width = int64(f.Frac), 9
	case p.opts.Nano:
		frac, width = int64(uint32(int32(f.Frac)*1000)), 9
	case f.Nano:
		// libpcap scales a signed 32-bit field and tcpdump prints it
		// unsigned: an out-of-range fraction wraps the same way here.
		frac = int64(uint32(int32(f.Frac) / 1000))
	default:
		frac = int64(f.Frac)
	}
	switch p.opts.TimeMode {
	case 1:
		return
	case 2:
		p.u(uint64(uint32(sec)))
		p.c('.')
		p.zpad(uint64(frac), width)
	case 3, 5:
		if p.count == 1 {
			p.firSec, p.firNs = sec, frac
		}
		refSec, refFrac := p.firSec, p.firNs
		if p.opts.TimeMode == 3 && p.count > 1 {
			refSec, refFrac = p.prevSec, p.prevNs
		}
		unit := int64(1000000)
		if width == 9 {
			unit = 1000000000
		}
		dSec, dFrac := sec-refSec, frac-refFrac
		if dFrac < 0 {
			dSec--
			dFrac += unit
		}
		if dSec < 0 {
			// A negative delta prints with a minus sign and its magnitude.
			p.c('-')
			dSec = -dSec
			if dFrac > 0 {
				dSec--
				dFrac = unit - dFrac
			}
		} else {
			p.c(' ')
		}
		p.clock(dSec%86400, dFrac, width)
		p.prevSec, p.prevNs = sec, frac
	case 0, 4:
		if sec < 0 {
			p.s("[Error converting time]")
			break
		}
		t := time.Unix(sec, 0).In(p.opts.Location)
		if p.opts.TimeMode == 4 {
			y, m, d := t.Date()
			p.zpad(uint64(y), 4)
			p.c('-')
			p.zpad(uint64(m), 2)
			p.c('-')
			p.zpad(uint64(d), 2)
			p.c(' ')
		}
		h, mi, s := t.Clock()
		p.clock(int64(h*3600+mi*60+s), frac, width)
	}
	p.c(' ')
}

// clock appends seconds-of-day as HH:MM:SS.frac.
func (p *Printer) clock(secs, frac int64, width int) {
	p.zpad(uint64(secs/3600), 2)
	p.c(':')
	p.zpad(uint64(secs/60%60), 2)
	p.c(':')
	p.zpad(uint64(secs%60), 2)
	p.c('.')
	p.zpad(uint64(frac), width)
}
