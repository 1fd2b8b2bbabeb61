// Command decodeloop is the yardstick for `pcapreport report`'s speed: the
// least a Go program must do to look at every packet of a capture — read
// each frame and decode its layers once with gopacket's
// DecodingLayerParser — and nothing else.
//
//	go run ./bench/decodeloop FILE
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/pcapreport/pcapreport/analyze/source"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: decodeloop FILE")
		os.Exit(2)
	}
	r, err := source.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var (
		eth   layers.Ethernet
		dot1q layers.Dot1Q
		ip4   layers.IPv4
		ip6   layers.IPv6
		tcp   layers.TCP
		udp   layers.UDP
		icmp4 layers.ICMPv4
		icmp6 layers.ICMPv6
		arp   layers.ARP
	)
	parser := gopacket.NewDecodingLayerParser(layers.LayerTypeEthernet, &eth, &dot1q, &ip4, &ip6, &tcp, &udp, &icmp4, &icmp6, &arp)
	parser.IgnoreUnsupported = true
	decoded := make([]gopacket.LayerType, 0, 8)
	counts := map[gopacket.LayerType]int{}
	packets := 0
	for {
		f, err := r.Next()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				fmt.Fprintln(os.Stderr, err)
			}
			break
		}
		packets++
		_ = parser.DecodeLayers(f.Data, &decoded)
		for _, lt := range decoded {
			counts[lt]++
		}
	}
	fmt.Printf("%d packets; tcp %d udp %d icmp %d icmp6 %d arp %d\n", packets,
		counts[layers.LayerTypeTCP], counts[layers.LayerTypeUDP], counts[layers.LayerTypeICMPv4], counts[layers.LayerTypeICMPv6], counts[layers.LayerTypeARP])
}
