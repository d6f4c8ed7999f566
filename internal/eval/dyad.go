package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// A DyadSuite is dyad's own evaluation suite: JSON Lines files, one per
// category (status, attribution, two-sides, titles, dedup), one record per
// line:
//
//	{"id": "status-07", "date": "2023-02-04", "side": "USA",
//	 "text": "China declined a call between the defense chiefs.",
//	 "expect": [{"source": "CHN", "target": "USA", "cameo": "041", "status": "declined"}]}
//
// "group" joins records that are separate documents reporting the same
// events (the dedup category): their events are collapsed by Event.Key and
// their expectations are pooled, so write each expected event once per
// group. "source_person" checks the person resolved for the source
// ("Qin Gang"); "cameo" may be a root ("04") or a full code ("041"): the
// triple compares roots, and a full code is also checked as "code".
type DyadSuite struct {
	Path    string
	Records []DyadRecord
}

// A DyadRecord is one line of a dyad suite file.
type DyadRecord struct {
	ID       string       `json:"id"`
	Category string       `json:"-"` // the file name without .jsonl
	Group    string       `json:"group,omitempty"`
	Date     string       `json:"date"` // YYYY-MM-DD
	Side     string       `json:"side,omitempty"`
	Text     string       `json:"text"`
	Expect   []DyadExpect `json:"expect"`
	Note     string       `json:"note,omitempty"`
	date     time.Time
}

// A DyadExpect is one expected event.
type DyadExpect struct {
	Source       string      `json:"source"` // country: "USA"
	Target       string      `json:"target"` // "" for none
	CAMEO        string      `json:"cameo"`  // "04" or "041"
	Status       dyad.Status `json:"status,omitempty"`
	SourcePerson string      `json:"source_person,omitempty"`
}

// ReadDyad reads every *.jsonl file at the root of fsys, in name order.
func ReadDyad(fsys fs.FS, p string) (*DyadSuite, error) {
	names, err := fs.Glob(fsys, "*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("dyad suites %s: %w", p, err)
	}
	if len(names) == 0 {
		return nil, dyad.Errorf(dyad.EINVALID, "dyad suites %s: no *.jsonl files", p)
	}
	slices.Sort(names)
	s := &DyadSuite{Path: p}
	for _, n := range names {
		f, err := fsys.Open(n)
		if err != nil {
			return nil, fmt.Errorf("dyad suite %s: %w", n, err)
		}
		one, err := ReadDyadFile(f, n)
		f.Close()
		if err != nil {
			return nil, err
		}
		s.Records = append(s.Records, one.Records...)
	}
	return s, nil
}

// ReadDyadFile reads one suite file; its category is its base name
// without the .jsonl extension.
func ReadDyadFile(r io.Reader, name string) (*DyadSuite, error) {
	cat := strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), ".jsonl")
	s := &DyadSuite{Path: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		var rec DyadRecord
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "dyad suite %s:%d: %v", name, n, err)
		}
		d, err := time.Parse("2006-01-02", rec.Date)
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "dyad suite %s:%d: date %q: want YYYY-MM-DD", name, n, rec.Date)
		}
		if rec.ID == "" || rec.Text == "" {
			return nil, dyad.Errorf(dyad.EINVALID, "dyad suite %s:%d: a record needs an id and a text", name, n)
		}
		for _, e := range rec.Expect {
			if e.Status != "" && !dyad.ValidStatus(e.Status) {
				return nil, dyad.Errorf(dyad.EINVALID, "dyad suite %s:%d: unknown status %q", name, n, e.Status)
			}
			if len(e.CAMEO) < 2 {
				return nil, dyad.Errorf(dyad.EINVALID, "dyad suite %s:%d: cameo %q: want a root or a code", name, n, e.CAMEO)
			}
		}
		rec.Category, rec.date = cat, d
		rec.Side = dyad.NormalizeSide(rec.Side)
		s.Records = append(s.Records, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("dyad suite %s: %w", name, err)
	}
	return s, nil
}

// dyadUnit is what is scored at once: one record, or the records of a
// group.
type dyadUnit struct {
	id, cat string
	recs    []*DyadRecord
}

func (s *DyadSuite) units() []dyadUnit {
	var out []dyadUnit
	idx := map[string]int{}
	for i := range s.Records {
		r := &s.Records[i]
		if r.Group == "" {
			out = append(out, dyadUnit{id: r.ID, cat: r.Category, recs: []*DyadRecord{r}})
			continue
		}
		k := r.Category + "\x00" + r.Group
		j, ok := idx[k]
		if !ok {
			j = len(out)
			idx[k] = j
			out = append(out, dyadUnit{id: r.Group, cat: r.Category})
		}
		out[j].recs = append(out[j].recs, r)
	}
	return out
}

// Run codes every record with c and scores it per category.
func (s *DyadSuite) Run(c Coder) *Report {
	t := newTally("dyad", s.Path, []string{"triple", "status", "person", "code"}, nil)
	for _, u := range s.units() {
		var (
			evs  []dyad.Event
			gold []DyadExpect
			seen = map[string]bool{}
			text []string
		)
		for _, r := range u.recs {
			doc := &dyad.Document{Source: r.ID, Text: r.Text, Date: r.date, Side: r.Side, Lang: "en", Format: "txt"}
			for _, e := range c.Code(doc) {
				k := e.Key
				if k == "" {
					k = e.ComputeKey()
				}
				if !seen[k] {
					seen[k] = true
					evs = append(evs, e)
				}
			}
			gold = append(gold, r.Expect...)
			text = append(text, r.Text)
		}
		t.scoreDyad(u, gold, evs, strings.Join(text, " | "))
	}
	return t.report()
}

func (e *DyadExpect) triple() Triple {
	return Triple{NormalizeCountry(e.Source), NormalizeCountry(e.Target), root(e.CAMEO)}
}

func foundTriple(e *dyad.Event) Triple {
	return Triple{actorCountry(&e.Source), actorCountry(e.Target), e.Root()}
}

// scoreDyad matches one unit: first pairs that agree in triple, status and
// person, then pairs that agree in the triple only.
func (t *tally) scoreDyad(u dyadUnit, gold []DyadExpect, evs []dyad.Event, text string) {
	pairedF := make([]bool, len(evs))
	pairOf := make([]int, len(gold))
	for i := range pairOf {
		pairOf[i] = -1
	}
	strict := func(g *DyadExpect, e *dyad.Event) bool {
		return (g.Status == "" || g.Status == e.Status) && (g.SourcePerson == "" || strings.EqualFold(g.SourcePerson, e.Source.Person))
	}
	for pass := 0; pass < 2; pass++ {
		for i := range gold {
			if pairOf[i] >= 0 {
				continue
			}
			g := &gold[i]
			for j := range evs {
				if pairedF[j] || g.triple() != foundTriple(&evs[j]) || (pass == 0 && !strict(g, &evs[j])) {
					continue
				}
				pairOf[i], pairedF[j] = j, true
				break
			}
		}
	}
	var triple, status, person, code Counts
	triple.Expected, triple.Found = len(gold), len(evs)
	var missed, extra []Triple
	var diffs []Diff
	for i := range gold {
		g := &gold[i]
		j := pairOf[i]
		if j < 0 {
			missed = append(missed, g.triple())
			continue
		}
		e := &evs[j]
		triple.Correct++
		check := func(c *Counts, want, got, class string) {
			if want == "" {
				return
			}
			c.Expected++
			c.Found++
			if strings.EqualFold(want, got) {
				c.Correct++
				return
			}
			gt, ft := g.triple(), foundTriple(e)
			gt.Code += " " + want
			ft.Code += " " + dash(got)
			diffs = append(diffs, Diff{Class: class, Expected: &gt, Found: &ft})
		}
		check(&status, string(g.Status), string(e.Status), "wrong status")
		check(&person, g.SourcePerson, e.Source.Person, "wrong person")
		if len(g.CAMEO) > 2 {
			check(&code, g.CAMEO, e.CAMEO, "wrong code")
		}
	}
	for j := range evs {
		if !pairedF[j] {
			extra = append(extra, foundTriple(&evs[j]))
		}
	}
	t.record(u.cat, triple, status, person, code)
	diffs = append(Classify(missed, extra, len(evs) > 0), diffs...)
	t.diffs(u.id, u.cat, text, diffs)
}
