package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// A PLOVERSuite is the PLOVER gold-standard records (PLOVER_GSR_CAMEO):
// one sentence per record, each with one event whose source and target may
// be compound.
type PLOVERSuite struct {
	Path    string
	Records []PLOVERRecord
}

// A PLOVERRecord is one gold-standard record, with its type already mapped
// to PLOVER 2.0 and its countries normalised.
type PLOVERRecord struct {
	ID      string
	Date    time.Time
	Text    string
	Type    string   // PLOVER 2.0 type: "REQUEST"
	Sources []string // countries: "USA", "IGO"
	Targets []string
}

// ploverJSON is a record as stored; "target" is a list, an empty string or
// a stray string, so it is decoded late.
type ploverJSON struct {
	ID     string          `json:"id"`
	Date   string          `json:"date"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

type ploverActor struct {
	Code string `json:"code"`
}

// ReadPLOVER reads the gold-standard records (a JSON array) from r. The
// DOCUMENT record that heads the file is left out.
func ReadPLOVER(r io.Reader, path string) (*PLOVERSuite, error) {
	var raw []ploverJSON
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "plover suite %s: %v", path, err)
	}
	s := &PLOVERSuite{Path: path}
	for i, x := range raw {
		if x.Event == "DOCUMENT" {
			continue
		}
		rec := PLOVERRecord{ID: x.ID, Text: x.Text, Type: PLOVERType(x.Event)}
		if rec.ID == "" {
			rec.ID = fmt.Sprintf("record-%d", i)
		}
		if x.Date != "" {
			d, err := time.Parse("2006-01-02", x.Date)
			if err != nil {
				return nil, dyad.Errorf(dyad.EINVALID, "plover suite %s: record %s: date %q: want YYYY-MM-DD", path, rec.ID, x.Date)
			}
			rec.Date = d
		}
		rec.Sources = ploverActors(x.Source)
		rec.Targets = ploverActors(x.Target)
		s.Records = append(s.Records, rec)
	}
	return s, nil
}

// ploverActors decodes a source or target field: a list of actors, or
// anything else (null, "", a stray word) for none.
func ploverActors(m json.RawMessage) []string {
	var as []ploverActor
	if len(m) == 0 || json.Unmarshal(m, &as) != nil {
		return nil
	}
	var out []string
	for _, a := range as {
		if c := NormalizeCountry(a.Code); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// PLOVERType maps the older PLOVER names the gold standard uses to PLOVER
// 2.0: DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE, FIGHT→ASSAULT.
func PLOVERType(t string) string {
	switch t = strings.ToUpper(strings.TrimSpace(t)); t {
	case "DEMAND":
		return "REQUEST"
	case "DISAPPROVE", "INVESTIGATE":
		return "ACCUSE"
	case "FIGHT":
		return "ASSAULT"
	}
	return t
}

// NormalizeCountry returns the first three letters of an actor code,
// upper-cased, with the non-ISO codes of the gold standards mapped to ISO-3
// (JAP→JPN, ITL→ITA, VTN→VNM).
func NormalizeCountry(code string) string {
	c := strings.ToUpper(strings.TrimSpace(code))
	if len(c) > 3 {
		c = c[:3]
	}
	switch c {
	case "JAP":
		return "JPN"
	case "ITL":
		return "ITA"
	case "VTN":
		return "VNM"
	}
	return c
}

// actorCountry is the country of a found actor: Actor.Country, else the
// first three letters of its code.
func actorCountry(a *dyad.Actor) string {
	if a == nil {
		return ""
	}
	if a.Country != "" {
		return NormalizeCountry(a.Country)
	}
	return NormalizeCountry(a.Code)
}

// ploverCountry is the country of a found actor as the gold standard
// names it: ISO-3 codes of today's states, so an actor of a dissolved
// federation coded with its member state (Phoenix's SCGSRB, "Serbia"
// between 1992 and 2006; YUGMNE) counts as that state (SRB, MNE).
func ploverCountry(a *dyad.Actor) string {
	c := actorCountry(a)
	if a == nil || (c != "SCG" && c != "YUG") || len(a.Code) < 6 {
		return c
	}
	switch m := a.Code[3:6]; m {
	case "SRB", "MNE", "KOS", "BIH", "HRV", "SVN", "MKD":
		return m
	}
	return c
}

// goldTriples expands a record's compound actors into (type, source,
// target) triples; see the package documentation.
func (r *PLOVERRecord) goldTriples() []Triple {
	var out []Triple
	switch {
	case len(r.Targets) > 0:
		for _, s := range r.Sources {
			for _, t := range r.Targets {
				out = append(out, Triple{s, t, r.Type})
			}
		}
		if len(r.Sources) == 0 {
			for _, t := range r.Targets {
				out = append(out, Triple{"", t, r.Type})
			}
		}
	case len(r.Sources) > 1:
		for _, s := range r.Sources {
			for _, t := range r.Sources {
				if s != t {
					out = append(out, Triple{s, t, r.Type})
				}
			}
		}
	default:
		for _, s := range r.Sources {
			out = append(out, Triple{s, "", r.Type})
		}
	}
	return Distinct(out)
}

// Run codes every record with c and scores it. Categories are the gold
// types.
func (s *PLOVERSuite) Run(c Coder) *Report {
	t := newTally("plover", s.Path, []string{"triple", "type"}, []string{"spurious", "untyped"})
	for i := range s.Records {
		rec := &s.Records[i]
		doc := &dyad.Document{Source: rec.ID, Text: rec.Text, Date: rec.Date, Lang: "en", Format: "txt"}
		evs := primaryEvents(c.Code(doc))
		var types []string
		var triples []Triple
		untyped, spurious := 0, 0
		for j := range evs {
			e := &evs[j]
			if e.PLOVER == "" {
				untyped++
				continue
			}
			typ := PLOVERType(e.PLOVER)
			if typ != rec.Type {
				spurious++
			}
			types = append(types, typ)
			triples = append(triples, Triple{ploverCountry(&e.Source), ploverCountry(e.Target), typ})
		}
		types = Distinct(types)
		triples = Distinct(triples)
		gold := rec.goldTriples()
		t.record(rec.Type, Compare(gold, triples), Compare([]string{rec.Type}, types))
		t.count(rec.Type, "spurious", spurious)
		t.count(rec.Type, "untyped", untyped)

		_, missedT, extraT := Match([]string{rec.Type}, types)
		switch {
		case len(missedT) == 0:
			t.confuse(rec.Type, rec.Type)
		case len(extraT) > 0:
			t.confuse(rec.Type, extraT[0])
		default:
			t.confuse(rec.Type, "-")
		}
		_, missed, extra := Match(gold, triples)
		t.diffs(rec.ID, rec.Type, rec.Text, Classify(missed, extra, len(evs) > 0))
	}
	return t.report()
}

// primaryEvents drops the reverse events of asymmetric paired patterns:
// TABARI's [042:043] codes a visit twice, the visitor's visit and the
// host's hosting, where PLOVER records one CONSULT from the visitor to the
// host. A reverse event is one whose verb span and pattern are those of an
// earlier event of the sentence with source and target swapped, from a
// pattern whose pair codes differ ("[042:043]", not "[030:030]", which
// codes a symmetric act that PLOVER's gold lists both ways).
func primaryEvents(evs []dyad.Event) []dyad.Event {
	out := evs[:0:0]
	for i := range evs {
		if !reverseOf(evs, i) {
			out = append(out, evs[i])
		}
	}
	return out
}

// reverseOf reports whether evs[i] is the reverse event of an earlier one.
func reverseOf(evs []dyad.Event, i int) bool {
	e := &evs[i]
	if e.Target == nil || !asymmetricPair(e.Pattern) {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		p := &evs[j]
		if p.Target != nil && p.Verb == e.Verb && p.Pattern == e.Pattern && p.Sentence == e.Sentence &&
			p.Source.Code == e.Target.Code && p.Target.Code == e.Source.Code {
			return true
		}
	}
	return false
}

// asymmetricPair reports whether a pattern's text codes a pair "[a:b]"
// with a != b: "DYAD_VISIT [042:043] - * +".
func asymmetricPair(pat string) bool {
	i := strings.IndexByte(pat, '[')
	if i < 0 {
		return false
	}
	j := strings.IndexByte(pat[i:], ']')
	if j < 0 {
		return false
	}
	a, b, ok := strings.Cut(pat[i+1:i+j], ":")
	return ok && a != "" && b != "" && a != b
}
