package filter

import (
	"fmt"
	"strings"
)

type tokKind int

const (
	tEOF  tokKind = iota
	tWord         // keyword, name, number, address
	tOp           // operator or punctuation
)

type token struct {
	kind tokKind
	text string
	col  int // 1-based column of the token's first character
}

func (t token) String() string {
	if t.kind == tEOF {
		return "end of expression"
	}
	return "'" + t.text + "'"
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func isHexOrColon(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.'
}

// lex splits an expression into tokens the way libpcap's scanner does for
// the grammar we accept: words are names, numbers and dotted addresses;
// a run of hex digits with two or more colons is a MAC or IPv6 address;
// a dash joins a word that starts with a letter (tcp-syn, icmp-echo) or
// the two numbers of a port range.
func lex(s string) ([]token, error) {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c == '\\':
			// "proto \tcp": a backslash makes a keyword a name.
			j := i + 1
			for j < len(s) && (isAlnum(s[j]) || s[j] == '-' || s[j] == '.') {
				j++
			}
			toks = append(toks, token{tWord, s[i+1 : j], i + 1})
			i = j
			continue
		}
		// An address with colons: MAC or IPv6.
		if isHexOrColon(c) && c != '.' {
			j := i
			for j < len(s) && isHexOrColon(s[j]) {
				j++
			}
			if strings.Count(s[i:j], ":") >= 2 && (j == len(s) || !isAlnum(s[j])) {
				toks = append(toks, token{tWord, s[i:j], i + 1})
				i = j
				continue
			}
		}
		if isAlnum(c) {
			j := i
			for j < len(s) && (isAlnum(s[j]) || s[j] == '.') {
				j++
			}
			letter := !(c >= '0' && c <= '9')
			afterPortrange := len(toks) > 0 && toks[len(toks)-1].text == "portrange"
			for j < len(s) && s[j] == '-' && j+1 < len(s) && isAlnum(s[j+1]) && (letter || afterPortrange) {
				j++
				for j < len(s) && (isAlnum(s[j]) || s[j] == '.') {
					j++
				}
			}
			toks = append(toks, token{tWord, s[i:j], i + 1})
			i = j
			continue
		}
		matched := false
		for _, op := range []string{"&&", "||", "!=", "==", "<=", ">=", "<<", ">>"} {
			if strings.HasPrefix(s[i:], op) {
				toks = append(toks, token{tOp, op, i + 1})
				i += 2
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		if strings.IndexByte("()[]:+-*/%&|^=<>!", c) < 0 {
			return nil, &Error{Col: i + 1, Msg: fmt.Sprintf("unexpected character %q", c)}
		}
		toks = append(toks, token{tOp, string(c), i + 1})
		i++
	}
	return append(toks, token{kind: tEOF, col: len(s) + 1}), nil
}
