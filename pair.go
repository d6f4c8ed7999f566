package dyad

import "strings"

// ParsePair reads a pair of states written "A-B" ("usa-chn" too): two
// different three-letter codes. ok is false for anything else.
func ParsePair(s string) (pair [2]string, ok bool) {
	a, b, found := strings.Cut(strings.ToUpper(s), "-")
	if !found || a == b || !threeLetters(a) || !threeLetters(b) {
		return [2]string{}, false
	}
	return [2]string{a, b}, true
}

func threeLetters(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
