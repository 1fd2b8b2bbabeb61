// Package rules is where the expectations file lives: what should happen on
// the wire ("192.0.2.10 ARPs for its gateway and gets an answer; it
// completes a handshake to 198.51.100.20:80"), loaded strictly with
// line:column errors and evaluated against an analyze.Analysis into
// verdicts. It is the subject of the next issue; nothing here is in use yet.
package rules
