package analytics_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
)

// view builds a one-sided document whose sentences are the given texts,
// each tagged with issue.
func view(id int64, side, date, issue string, sents ...string) analytics.DocView {
	d, _ := time.Parse("2006-01-02", date)
	doc := &dyad.Document{ID: id, Side: side, Date: d, Publisher: "Example " + side}
	v := analytics.DocView{Doc: doc}
	off := 0
	for i, s := range sents {
		doc.Text += s + " "
		v.Sentences = append(v.Sentences, analytics.SentenceView{Index: i, Span: dyad.Span{Start: off, End: off + len(s)}, Text: s, Issues: []string{issue}})
		off += len(s) + 1
	}
	return v
}

func TestPositions_Classes(t *testing.T) {
	lib := shippedLibrary(t)
	docs := []analytics.DocView{
		view(1, "USA", "2023-01-10", "taiwan",
			"The United States remains committed to its one China policy, guided by the Taiwan Relations Act, the three Joint Communiqués, and the Six Assurances.",
			"Washington will keep working with partners to expand semiconductor supply chains in the region."),
		view(2, "USA", "2023-03-10", "taiwan",
			"Our one China policy, guided by the Taiwan Relations Act and the three Joint Communiques, has not changed.",
			"Washington will keep working with partners to expand semiconductor supply chains across the region.",
			"The delegation toured a shipyard."),
		view(3, "USA", "2023-05-10", "taiwan",
			"The Six Assurances, the Taiwan Relations Act and our one China policy guide us."),
		view(4, "CHN", "2023-05-11", "taiwan",
			"China firmly opposes Taiwan independence and urges the U.S. side to stop arming Taiwan."),
	}
	ps := analytics.Positions(docs, lib)
	got := map[[2]int64]analytics.Statement{}
	for _, p := range ps {
		for _, s := range p.Statements {
			got[[2]int64{s.DocID, int64(s.Sentence)}] = s
		}
	}
	tests := []struct {
		name      string
		doc, sent int64
		actor     string
		class     string
		dropped   []string
		added     []string
		reordered bool
	}{
		{"StandardFormulation", 1, 0, "USA", analytics.ClassReiteration, nil, nil, false},
		{"FirstTimeLanguage", 1, 1, "USA", analytics.ClassNew, nil, nil, false},
		{"DroppedElement", 2, 0, "USA", analytics.ClassVariation, []string{"Six Assurances"}, nil, false},
		{"RepeatsEarlierWording", 2, 1, "USA", analytics.ClassReiteration, nil, nil, false},
		{"NewLanguage", 2, 2, "USA", analytics.ClassNew, nil, nil, false},
		{"ReorderedAndRestored", 3, 0, "USA", analytics.ClassVariation, []string{"three Joint Communiqués"}, []string{"Six Assurances"}, true},
		{"OtherSide", 4, 0, "CHN", analytics.ClassReiteration, nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := got[[2]int64{tt.doc, tt.sent}]
			if !ok {
				t.Fatalf("doc %d sentence %d: no statement", tt.doc, tt.sent)
			}
			if s.Class != tt.class || s.Actor != tt.actor {
				t.Errorf("Positions: %q = %s by %s, want %s by %s", s.Text, s.Class, s.Actor, tt.class, tt.actor)
			}
			var m *analytics.Match
			for i := range s.Formulations {
				if s.Formulations[i].ID == "us.taiwan.foundations" {
					m = &s.Formulations[i]
				}
			}
			if tt.dropped != nil || tt.added != nil || tt.reordered {
				if m == nil {
					t.Fatalf("Positions: %q lacks us.taiwan.foundations", s.Text)
				}
				if !reflect.DeepEqual(m.Dropped, tt.dropped) || !reflect.DeepEqual(m.Added, tt.added) || m.Reordered != tt.reordered {
					t.Errorf("Positions: %q dropped %q added %q reordered %v, want %q %q %v", s.Text, m.Dropped, m.Added, m.Reordered, tt.dropped, tt.added, tt.reordered)
				}
			}
		})
	}
	if s := got[[2]int64{2, 1}]; s.Similar == nil || s.Similar.DocID != 1 || s.Similar.Sentence != 1 || s.Similar.Score < analytics.SimilarityThreshold {
		t.Errorf("reiteration by similarity cites %+v, want doc 1 sentence 1", s.Similar)
	}
	if s := got[[2]int64{1, 0}]; s.Publisher != "Example USA" || s.Date != "2023-01-10" || s.Span.Start != 0 || s.Side != "USA" {
		t.Errorf("statement evidence = %+v", s.Cite)
	}
}

func TestPositions_Omissions(t *testing.T) {
	lib := shippedLibrary(t)
	said := "China adheres to the one-China principle and opposes Taiwan independence."
	docs := []analytics.DocView{
		view(1, "CHN", "2023-01-01", "taiwan", said),
		view(2, "CHN", "2023-02-01", "taiwan", said),
		view(3, "CHN", "2023-03-01", "taiwan", "China opposes Taiwan independence."),
		view(4, "CHN", "2023-04-01", "taiwan", "Taiwan was discussed."),
		view(5, "USA", "2023-04-02", "taiwan", "We discussed Taiwan."),
	}
	var oms []analytics.Omission
	for _, p := range analytics.Positions(docs, lib) {
		oms = append(oms, p.Omissions...)
	}
	type om struct {
		doc     int64
		id      string
		used, n int
	}
	var got []om
	for _, o := range oms {
		got = append(got, om{o.Doc.DocID, o.Formulation, o.UsedIn, o.Of})
		if o.Last.DocID == 0 || o.Actor != "CHN" || o.Issue != "taiwan" {
			t.Errorf("omission %+v lacks its evidence", o)
		}
	}
	want := []om{
		{3, "cn.taiwan.one-china-principle", 2, 2},
		{4, "cn.taiwan.oppose-independence", 3, 3},
		{4, "cn.taiwan.one-china-principle", 2, 3},
	}
	// Sorted by formulation ID within a document.
	want[1], want[2] = want[2], want[1]
	if !reflect.DeepEqual(got, want) {
		t.Errorf("omissions = %+v, want %+v", got, want)
	}
}

func TestPositions_Speaker(t *testing.T) {
	lib := shippedLibrary(t)
	v := view(1, "CHN", "2023-06-19", "taiwan",
		"Blinken said the U.S. side does not support Taiwan independence.",
		"Wang said Taiwan is at the very core of China's core interests.")
	v.Events = []*dyad.Event{{ID: 1, DocID: 1, Sentence: 0, CAMEO: "010", Source: dyad.Actor{Country: "USA"}}}
	for _, p := range analytics.Positions([]analytics.DocView{v}, lib) {
		for _, s := range p.Statements {
			want := map[int]string{0: "USA", 1: "CHN"}[s.Sentence]
			if s.Actor != want || s.Reported != (want == "USA") {
				t.Errorf("sentence %d: actor %s reported %v, want %s", s.Sentence, s.Actor, s.Reported, want)
			}
		}
	}
}

func TestJaccard(t *testing.T) {
	tests := []struct {
		a, b []string
		want float64
	}{
		{nil, nil, 0},
		{[]string{"a", "b"}, []string{"a", "b"}, 1},
		{[]string{"a", "b"}, []string{"b", "c"}, 1.0 / 3},
		{[]string{"a"}, nil, 0},
	}
	for _, tt := range tests {
		if got := analytics.Jaccard(tt.a, tt.b); got != tt.want {
			t.Errorf("Jaccard(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	if got := analytics.ContentWords("The Secretary said the talks were candid; the talks were useful."); !reflect.DeepEqual(got, []string{"candid", "secretary", "talk", "useful"}) {
		t.Errorf("ContentWords = %q", got)
	}
}
