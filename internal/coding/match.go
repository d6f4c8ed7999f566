package coding

import (
	"strings"
)

// sig is a 256-bit signature of the word prefixes present in a sentence
// or required by a pattern: a pattern whose signature is not covered by
// the sentence's cannot match, and is skipped without being tried.
type sig [4]uint64

func (s *sig) add(w string) {
	n := min(len(w), 3)
	h := uint32(2166136261)
	for i := 0; i < n; i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	h &= 255
	s[h>>6] |= 1 << (h & 63)
}

func (s *sig) covers(p *sig) bool {
	return p[0]&^s[0] == 0 && p[1]&^s[1] == 0 && p[2]&^s[2] == 0 && p[3]&^s[3] == 0
}

func (s *sig) meets(p *sig) bool {
	return p[0]&s[0] != 0 || p[1]&s[1] != 0 || p[2]&s[2] != 0 || p[3]&s[3] != 0
}

// mayMatch is the cheap test before trying a pattern.
func (s *sent) mayMatch(p *pattern) bool {
	if !s.sig.covers(&p.sig) {
		return false
	}
	for _, sy := range p.syns {
		if !s.sig.meets(&sy.sig) {
			return false
		}
	}
	return true
}

// wordMatches reports whether a pattern word matches a token Norm: exactly,
// with a regular inflection, or as a stem of five letters or more.
func wordMatches(pat string, exact bool, tok string) bool {
	if tok == pat {
		return true
	}
	np, nt := len(pat), len(tok)
	if exact || np < 2 {
		return false
	}
	if !strings.HasPrefix(tok, pat) {
		if np >= 3 && nt == np+2 && pat[np-1] == 'Y' && tok[:np-1] == pat[:np-1] {
			r := tok[np-1:]
			return r == "IES" || r == "IED"
		}
		if np >= 4 && pat[np-1] == 'E' && nt == np+2 && tok[:np-1] == pat[:np-1] && tok[np-1:] == "ING" {
			return true
		}
		return false
	}
	if np >= 5 {
		return true
	}
	switch tok[np:] {
	case "S", "ES", "ED", "D", "ING":
		return true
	}
	rest := tok[np:]
	return len(rest) >= 3 && rest[0] == pat[np-1] && (rest[1:] == "ED" || rest[1:] == "ING")
}

// matchResult is what a pattern match designates.
type matchResult struct {
	src, tgt, comp int // mention indexes, -1 when not designated
	end            int // token after the last post-verb element
	used           [8]int
	nused          int
}

// matchPattern tries p on the verb occupying tokens [vs, ve).
func (s *sent) matchPattern(p *pattern, vs, ve int, r *matchResult) bool {
	*r = matchResult{src: -1, tgt: -1, comp: -1, end: ve}
	// After the verb.
	pos := ve
	for k := p.verb + 1; k < len(p.elems); k++ {
		e := &p.elems[k]
		if e.adj {
			end := s.elemAt(e, pos, r)
			if end < 0 {
				return false
			}
			pos = end
			continue
		}
		found := false
		for q := pos; q < s.n; q++ {
			if end := s.elemAt(e, q, r); end >= 0 {
				pos, found = end, true
				break
			}
			if s.barrier[q] {
				break
			}
			if m := s.mentAt[q]; m >= 0 && r.tgt < 0 && !s.place[m] && p.targetAfter(k) && (e.kind == ekWord || e.kind == ekSyn) {
				// "visited Tokyo TO mediate between China and Japan": the
				// object right after the verb is the target, not an actor
				// further on.
				break
			}
		}
		if !found {
			return false
		}
	}
	r.end = pos
	// Before the verb, right to left.
	pos = vs
	for k := p.verb - 1; k >= 0; k-- {
		e := &p.elems[k]
		if p.elems[k+1].adj {
			start := s.elemEndingAt(e, pos, r)
			if start < 0 {
				return false
			}
			pos = start
			continue
		}
		found := false
		for q := pos; q > 0; q-- {
			if start := s.elemEndingAt(e, q, r); start >= 0 {
				pos, found = start, true
				break
			}
			if s.barrier[q-1] {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (r *matchResult) use(i int) {
	if r.nused < len(r.used) {
		r.used[r.nused] = i
		r.nused++
	}
}

// elemAt matches e starting at token q and returns the token after it, or -1.
func (s *sent) elemAt(e *elem, q int, r *matchResult) int {
	if q >= s.n {
		return -1
	}
	switch e.kind {
	case ekWord:
		if s.mentAt[q] < 0 && !s.hyphenTail(q) && (wordMatches(e.word, e.exact, s.toks[q].Norm) || (e.prefix || s.stems && !e.exact) && strings.HasPrefix(s.toks[q].Norm, e.word)) {
			r.use(q)
			return q + 1
		}
	case ekSyn:
		for _, ph := range e.syn.byFirst[s.toks[q].Norm] {
			if q+len(ph) <= s.n && s.phraseAt(ph, q) {
				for i := q; i < q+len(ph); i++ {
					r.use(i)
				}
				return q + len(ph)
			}
		}
	case ekSource, ekTarget, ekSkip, ekCompound:
		m := s.mentAt[q]
		if m < 0 || s.mStart[m] != q || s.isPlace(m) {
			return -1
		}
		g := s.group[m]
		end := s.mEnd[m]
		switch e.kind {
		case ekSource:
			r.src = int(m)
		case ekTarget:
			r.tgt = int(m)
		case ekCompound:
			if s.groupSize(g) < 2 {
				return -1
			}
			r.comp = int(g)
			end = s.groupEnd(g)
		case ekSkip:
			end = s.groupEnd(g)
		}
		return end
	}
	return -1
}

// elemEndingAt matches e ending at token end (exclusive) and returns its
// first token, or -1.
func (s *sent) elemEndingAt(e *elem, end int, r *matchResult) int {
	if end <= 0 {
		return -1
	}
	q := end - 1
	switch e.kind {
	case ekWord:
		if s.mentAt[q] < 0 && !s.hyphenTail(q) && (wordMatches(e.word, e.exact, s.toks[q].Norm) || (e.prefix || s.stems && !e.exact) && strings.HasPrefix(s.toks[q].Norm, e.word)) {
			return q
		}
	case ekSyn:
		for _, ph := range e.syn.byLast[s.toks[q].Norm] {
			if end-len(ph) >= 0 && s.phraseAt(ph, end-len(ph)) {
				return end - len(ph)
			}
		}
	case ekSource, ekTarget, ekSkip, ekCompound:
		m := s.mentAt[q]
		if m < 0 || s.mEnd[m] != end || s.isPlace(m) {
			return -1
		}
		g := s.group[m]
		start := s.mStart[m]
		switch e.kind {
		case ekSource:
			r.src = int(m)
		case ekTarget:
			r.tgt = int(m)
		case ekCompound:
			if s.groupSize(g) < 2 {
				return -1
			}
			r.comp = int(g)
			start = s.mStart[g]
		case ekSkip:
			start = s.mStart[g]
		}
		return start
	}
	return -1
}

// hyphenTail reports whether token q ends a hyphenated compound ("open-
// ENDED strike", "U.S.-LED talks"): a modifier, so no pattern word outside
// TABARI's rules, which read hyphens as blanks.
func (s *sent) hyphenTail(q int) bool {
	return !s.c.Options.TABARI && s.hyphenGlued(q)
}

// hyphenGlued reports whether token q is joined by a hyphen, with no
// blank on either side, to the word before it.
func (s *sent) hyphenGlued(q int) bool {
	if q < 2 || s.toks[q-1].Norm != "-" {
		return false
	}
	h := s.toks[q-1].Span
	return s.toks[q-2].Span.End == h.Start && h.End == s.toks[q].Span.Start
}

func (s *sent) phraseAt(ph []string, q int) bool {
	for i, w := range ph {
		if s.toks[q+i].Norm != w || s.mentAt[q+i] >= 0 {
			return false
		}
	}
	return true
}
