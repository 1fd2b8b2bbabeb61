package filter

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pcapreport/pcapreport/analyze/source"
)

// expressions are checked against libpcap's own compiler, through tcpdump,
// on every capture: each must select exactly the same frames.
var expressions = []string{
	"ip", "ip6", "arp", "rarp", "tcp", "udp", "icmp", "icmp6", "sctp", "igmp",
	"not ip", "not icmp", "ip and not tcp", "tcp or udp", "tcp and udp", "!tcp && !udp", "arp or icmp",
	"host 192.168.1.11", "src host 192.168.1.11", "dst host 209.87.249.18", "host 127.0.0.1",
	"host 192.168.1.11 or 209.87.249.18", "src or dst host 10.0.0.1", "src and dst host 127.0.0.1",
	"ip host 172.21.79.100", "arp host 172.21.79.100", "host 172.21.79.97",
	"net 192.168", "net 192.168.0.0/16", "net 10", "src net 127.0.0.0/8", "dst net 209.87.249.0 mask 255.255.255.0", "net 0.0.0.0/0",
	"port 53", "port 80", "tcp port 80", "udp port 53", "src port 53", "dst port 53", "port 53 or 80", "port 80 or 443 or 53",
	"portrange 1-1024", "tcp portrange 50000-60000", "udp src portrange 30000-65535",
	"ether host 00:20:d2:5a:fb:3f", "ether src 00:80:ea:81:88:63", "ether dst ff:ff:ff:ff:ff:ff", "ether broadcast", "broadcast",
	"multicast", "ether multicast", "ip multicast", "ip6 multicast",
	"ether proto 0x0806", "ether proto \\arp", "ip proto 17", "ip proto \\tcp", "ip6 proto 58", "proto 6", "proto \\udp",
	"less 64", "greater 100", "len > 100", "len <= 60",
	"vlan", "vlan 200", "vlan and vlan 2001 and arp", "vlan 2001",
	"tcp[tcpflags] & tcp-syn != 0", "tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn", "tcp[13] = 18", "tcp[tcpflags] & tcp-rst != 0",
	"tcp[tcpflags] & tcp-fin != 0 or tcp[tcpflags] & tcp-rst != 0", "not tcp[13] & 2 != 0",
	"icmp[icmptype] = icmp-echo", "icmp[icmptype] != icmp-echo and icmp[icmptype] != icmp-echoreply", "icmp[0] = 3",
	"icmp6[icmp6type] = icmp6-neighborsolicit", "icmp6 and ip6[40] = 135", "icmp6[0] = 128",
	"ip[8] = 64", "ip[6:2] & 0x1fff != 0", "ip[2:2] - 20 > 100", "ip[0] & 0xf > 5", "ether[0] & 1 = 0",
	"udp[8:2] = 0x1234", "udp[4:2] > 100", "ip[9] = 6 and ip[2:2] > 40",
	"(tcp or udp) and port 53", "host 192.168.1.11 and (port 53 or port 80)", "not (port 53 or arp)",
	"tcp and src port 53 and dst host 192.168.1.11", "ip6 and tcp", "ip6 and udp port 53",
	"host 2001:db8::1", "ip6 host fe80::1", "net 2001:db8::/32", "ip6 src net fe80::/10",
	"ip[1] & 0xfc = 0 and tcp[13] & 0x10 != 0", "tcp[((tcp[12] & 0xf0) >> 2):4] = 0x47455420",
	"udp and udp[8] & 0x80 = 0x80", "ip and ip[6] & 0x40 != 0", "len % 2 = 0", "ip[2:2] * 2 > 200",
	// Written after the filter was done, to check it on expressions it
	// was not developed against; they all agreed with tcpdump once the
	// protocol names followed /etc/protocols.
	"tcp[tcpflags] == tcp-ack",
	"tcp[tcpflags] & tcp-push != 0 and dst port 80",
	"src net 198.51.100.0/24 and tcp",
	"dst net 203.0.113.0/24 and not tcp",
	"ip6 and not icmp6",
	"icmp6 and ip6[40] == 128",
	"udp and not port 53",
	"tcp and (tcp[tcpflags] & (tcp-fin|tcp-rst)) != 0",
	"host 203.0.113.10 and host 198.51.100.10",
	"not arp and not ip and not ip6",
	"arp[6:2] = 2",
	"arp[6:2] = 1 and arp[24:4] = 0xcb00710b",
	"ip[8] < 64",
	"ip[8] = 63 and tcp",
	"ip6[7] = 64",
	"greater 1000 and tcp",
	"less 100 and udp",
	"portrange 5200-5210",
	"tcp dst portrange 1-1023",
	"udp src port 5201 or udp dst port 5201",
	"icmp[icmptype] = icmp-unreach",
	"icmp[icmptype] = icmp-timxceed or icmp[icmptype] = icmp-echoreply",
	"ip[6] & 0x20 != 0",
	"ip[6:2] & 0x1fff != 0 or ip[6] & 0x20 != 0",
	"ether src 02:00:00:00:01:10 or ether dst 02:00:00:00:01:10",
	"ether[12:2] = 0x86dd",
	"len >= 1400 and len <= 1514",
	"(src host 192.0.2.10 or src host 198.51.100.10) and tcp[13] & 2 != 0",
	"tcp[2:2] = 80 or tcp[0:2] = 80",
	"udp[2:2] = 53 and udp[10] & 0x80 = 0",
	"ip proto \\icmp or ip6 proto \\ipv6-icmp",
	"tcp port 80 and (((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0)",
	"net 198.51.100.0 mask 255.255.255.0 and not net 198.51.100.0/30",
	"ip multicast or ip6 multicast",
	"broadcast or arp",
}

type tcpdumpRun struct {
	path string
}

func findTcpdump(t *testing.T) string {
	for _, p := range []string{"tcpdump", "/usr/sbin/tcpdump"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("tcpdump is not installed")
	}
	t.Skip("tcpdump is not installed")
	return ""
}

// frameKeys reads a capture and returns one key per frame (timestamp and
// bytes), so tcpdump's filtered output can be mapped back to frame numbers.
func frameKeys(t *testing.T, path string) ([]string, []source.Frame, error) {
	r, err := source.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	var keys []string
	var frames []source.Frame
	for {
		f, err := r.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return keys, frames, nil
			}
			return keys, frames, err
		}
		c := *f
		c.Data = bytes.Clone(f.Data)
		frames = append(frames, c)
		keys = append(keys, string(c.Data)+"|"+strconv.FormatUint(uint64(uint32(c.Sec)), 10)+"|"+strconv.Itoa(c.OrigLen))
	}
}

// tcpdumpSelects runs tcpdump with the expression and returns the frame
// numbers it selected.
func tcpdumpSelects(t *testing.T, tcpdump, path, expr string, keys []string) ([]int, bool) {
	out := filepath.Join(t.TempDir(), "sel.pcap")
	cmd := exec.Command(tcpdump, "-r", path, "-w", out, expr)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if strings.Contains(stderr.String(), "expression rejects all packets") {
			return nil, true
		}
		if !strings.Contains(stderr.String(), "truncated") {
			return nil, false
		}
	}
	selKeys, _, _ := frameKeys(t, out)
	var sel []int
	next := 0
	for _, k := range selKeys {
		for next < len(keys) && keys[next] != k {
			next++
		}
		if next < len(keys) {
			sel = append(sel, next+1)
			next++
		}
	}
	return sel, true
}

func captures(t *testing.T) []string {
	var files []string
	for _, pat := range []string{"../../../shared/corpus/tcpdump-decode/*.pcap", "../../../shared/corpus/tcpdump-decode/*.pcapng", "../../testdata/*.pcap", "../../testdata/lab/*.pcap", "../../testdata/formats/*.pcap"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	return files
}

// TestDifferentialAgainstTcpdump: for every expression and capture, the
// frames Match accepts are exactly those tcpdump's filter selects.
func TestDifferentialAgainstTcpdump(t *testing.T) {
	tcpdump := findTcpdump(t)
	files := captures(t)
	if len(files) < 5 {
		t.Skip("no captures")
	}
	var checked atomic.Int64
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			checkCapture(t, tcpdump, path, &checked)
		})
	}
	t.Cleanup(func() { t.Logf("%d expression×capture pairs compared with tcpdump", checked.Load()) })
}

func checkCapture(t *testing.T, tcpdump, path string, checked *atomic.Int64) {
	{
		keys, frames, _ := frameKeys(t, path)
		if len(frames) == 0 {
			return
		}
		link := Link{Type: frames[0].LinkType, BigEndian: fileBigEndian(path)}
		for _, expr := range expressions {
			f, err := Compile(expr)
			want, ok := tcpdumpSelects(t, tcpdump, path, expr, keys)
			if !ok {
				// tcpdump cannot compile it for this link type: we
				// must refuse it too.
				if err == nil && f.Check(link) == nil {
					t.Errorf("%q: tcpdump refuses it on link type %d, we accept it", expr, link.Type)
				}
				continue
			}
			if err == nil {
				err = f.Check(link)
			}
			if err != nil {
				t.Errorf("%q: tcpdump compiles it, we do not: %v", expr, err)
				continue
			}
			var got []int
			for i := range frames {
				if f.Match(link, frames[i].Data, frames[i].OrigLen) {
					got = append(got, i+1)
				}
			}
			checked.Add(1)
			if !equalInts(got, want) {
				t.Errorf("%s: %q: pcapreport selects %v, tcpdump %v", filepath.Base(path), expr, got, want)
			}
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func fileBigEndian(path string) bool {
	r, err := source.Open(path)
	if err != nil {
		return false
	}
	defer r.Close()
	return r.Info().BigEndian
}
