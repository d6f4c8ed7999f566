package actors

import (
	"slices"
	"strings"

	"github.com/dyad-dev/dyad"
)

// hitKind says what a dictionary phrase stands for.
type hitKind uint8

const (
	hitPhoenix   hitKind = iota // idx: Dictionary.phoenix
	hitAgent                    // idx: Dictionary.agents
	hitPerson                   // idx: Dictionary.persons (full name or alias)
	hitSurname                  // idx: Dictionary.persons
	hitTitle                    // idx: Dictionary.offices
	hitHonorific                // idx unused: "Mr.", "Secretary"
	hitActor                    // idx: Dictionary.actors
	hitBoth                     // "the two sides"
)

// A hit is one meaning of a phrase. order is the load order, so that among
// entries of one kind at one node the earlier file (or, for dyad files, the
// later file) can be preferred.
type hit struct {
	kind  hitKind
	short bool // single word of three letters or fewer: not matched in lower case
	// lone: a one-word Phoenix phrase, not matched in lower case outside
	// TABARI projects (see Dictionary.build)
	lone  bool
	idx   int32
	order int32
}

// maxSmall is the number of children a node keeps in slices before it
// switches to a map: most nodes have one or two children, and a short
// linear scan is cheaper than a map for them.
const maxSmall = 8

// A node is a trie node keyed by token Norms.
type node struct {
	edges []edge
	m     map[string]*node
	hits  []hit
	stems *stemSet // phrases whose last word is a prefix (Loader.Stems); rare, so kept out of line
}

// An edge leads from a node to its child for one word.
type edge struct {
	key string
	kid *node
}

// A nodeSlab hands out nodes from chunks, so that building a trie of a
// hundred thousand nodes does not make a hundred thousand allocations.
type nodeSlab struct {
	free []node
}

func (s *nodeSlab) new() *node {
	if len(s.free) == 0 {
		s.free = make([]node, 4096)
	}
	n := &s.free[0]
	s.free = s.free[1:]
	return n
}

// A stem is a phrase whose last word matches any word it prefixes.
type stem struct {
	prefix string
	hits   []hit
}

// A stemSet is the stems of a node, in the order they were added, indexed
// by prefix: TABARI dictionaries put hundreds of one-word stems on the
// root, and every token of a sentence is tried against them.
type stemSet struct {
	list []stem
	idx  map[string]int // prefix -> its index in list
	// trie holds the prefixes byte by byte (trie[0] is the empty prefix),
	// so that the stems prefixing a word are found in one walk over its
	// bytes instead of a map look-up per prefix length.
	trie []stemNode
}

// A stemNode is one byte-trie node of a stemSet: its children are kids,
// the child for byte b at kids[b-lo] (0: none; the root is never a
// child), and stem is the index in list plus one of the prefix ending
// here (0: none).
type stemNode struct {
	kids []int32
	stem int32
	lo   byte
}

// linearStems is the most stems a set tries one by one; larger sets walk
// the word down their byte trie.
const linearStems = 8

func (s *stemSet) add(prefix string, h hit) {
	if i, ok := s.idx[prefix]; ok {
		s.list[i].hits = append(s.list[i].hits, h)
		return
	}
	if s.idx == nil {
		s.idx = map[string]int{}
		s.trie = []stemNode{{}}
	}
	s.idx[prefix] = len(s.list)
	s.list = append(s.list, stem{prefix: prefix, hits: []hit{h}})
	n := int32(0)
	for k := 0; k < len(prefix); k++ {
		n = s.kid(n, prefix[k])
	}
	s.trie[n].stem = int32(len(s.list))
}

// kid returns the child of trie node n for byte b, adding it if missing.
func (s *stemSet) kid(n int32, b byte) int32 {
	nd := &s.trie[n]
	switch {
	case len(nd.kids) == 0:
		nd.lo, nd.kids = b, make([]int32, 1)
	case b < nd.lo:
		grown := make([]int32, int(nd.lo-b)+len(nd.kids))
		copy(grown[nd.lo-b:], nd.kids)
		nd.lo, nd.kids = b, grown
	case int(b-nd.lo) >= len(nd.kids):
		nd.kids = append(nd.kids, make([]int32, int(b-nd.lo)+1-len(nd.kids))...)
	}
	if c := nd.kids[b-nd.lo]; c != 0 {
		return c
	}
	c := int32(len(s.trie))
	nd.kids[b-nd.lo] = c
	s.trie = append(s.trie, stemNode{}) // nd is not used after this
	return c
}

// match appends a term ending before token end for each stem that
// prefixes w, in the order the stems were added.
func (s *stemSet) match(w string, end int, dst []term) []term {
	if len(s.list) <= linearStems {
		for i := range s.list {
			if strings.HasPrefix(w, s.list[i].prefix) {
				dst = append(dst, term{end: end, hits: s.list[i].hits})
			}
		}
		return dst
	}
	var buf [8]int32
	found := buf[:0]
	trie := s.trie
	nd := &trie[0]
	for k := 0; ; k++ {
		if nd.stem != 0 {
			found = append(found, nd.stem-1)
		}
		if k == len(w) {
			break
		}
		b := int(w[k]) - int(nd.lo)
		if uint(b) >= uint(len(nd.kids)) || nd.kids[b] == 0 {
			break
		}
		nd = &trie[nd.kids[b]]
	}
	if len(found) > 1 {
		slices.Sort(found) // the order of list
	}
	for _, i := range found {
		dst = append(dst, term{end: end, hits: s.list[i].hits})
	}
	return dst
}

func (n *node) child(k string) *node {
	if n.m != nil {
		return n.m[k]
	}
	for i := range n.edges {
		if n.edges[i].key == k {
			return n.edges[i].kid
		}
	}
	return nil
}

func (n *node) add(k string, slab *nodeSlab) *node {
	if c := n.child(k); c != nil {
		return c
	}
	c := slab.new()
	if n.m != nil {
		n.m[k] = c
		return c
	}
	if len(n.edges) < maxSmall {
		n.edges = append(n.edges, edge{key: k, kid: c})
		return c
	}
	n.m = make(map[string]*node, 4*maxSmall)
	for _, e := range n.edges {
		n.m[e.key] = e.kid
	}
	n.edges = nil
	n.m[k] = c
	return c
}

// insert adds h under the word sequence words. When stemLast is set the last
// word is stored as a stem of its parent node.
func (n *node) insert(words []string, h hit, stemLast bool, slab *nodeSlab) {
	n.insertLast(words, "", h, stemLast, slab)
}

// insertLast is insert with the last word replaced by last when it is not
// "" (for plurals, without copying words).
func (n *node) insertLast(words []string, lastWord string, h hit, stemLast bool, slab *nodeSlab) {
	cur := n
	last := len(words) - 1
	for i, w := range words {
		if i == last && lastWord != "" {
			w = lastWord
		}
		if i == last && stemLast {
			if cur.stems == nil {
				cur.stems = &stemSet{}
			}
			cur.stems.add(w, h)
			return
		}
		cur = cur.add(w, slab)
	}
	cur.hits = append(cur.hits, h)
}

// A term is a phrase found in a sentence: it ends before token end and means
// hits.
type term struct {
	end  int
	hits []hit
}

// walkFirst collects the phrases starting at toks[i] when the child of n
// for toks[i] is already known (first, possibly nil) and so are the terms
// of n's stems that toks[i] matches (stems): the tagger looks each token
// up at the root once per sentence, however many times it walks from it.
func (n *node) walkFirst(first *node, stems []term, toks []dyad.Token, i int, dst []term) []term {
	// As walkFrom(toks, i, dst) would, without looking toks[i] up again.
	dst = append(dst, stems...)
	if first == nil {
		return dst
	}
	if len(first.hits) > 0 {
		dst = append(dst, term{end: i + 1, hits: first.hits})
	}
	return first.walkFrom(toks, i+1, dst)
}

// walkFrom collects the phrases that continue from n with toks[i:].
func (n *node) walkFrom(toks []dyad.Token, i int, dst []term) []term {
	cur := n
	for j := i; j < len(toks); j++ {
		w := toks[j].Norm
		if cur.stems != nil {
			dst = cur.stems.match(w, j+1, dst)
		}
		cur = cur.child(w)
		if cur == nil {
			break
		}
		if len(cur.hits) > 0 {
			dst = append(dst, term{end: j + 1, hits: cur.hits})
		}
	}
	return dst
}

// plurals returns the regular plural forms of a word (S; ES after S, X, Z,
// CH, SH; IES for a Y after a consonant); none for words that do not end in
// a letter.
func plurals(w string) (out [2]string, n int) {
	k := len(w)
	if k < 2 || !isUpperASCII(w[k-1]) {
		return out, 0
	}
	out[0], n = w+"S", 1
	switch {
	case w[k-1] == 'S' || w[k-1] == 'X' || w[k-1] == 'Z' || strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "SH"):
		out[1], n = w+"ES", 2
	case w[k-1] == 'Y' && !strings.ContainsRune("AEIOU", rune(w[k-2])):
		out[1], n = w[:k-1]+"IES", 2
	}
	return out, n
}

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }
