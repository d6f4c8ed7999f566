package sqlite_test

import (
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

func TestDocumentService_Search(t *testing.T) {
	db := MustOpenDB(t)
	docs := sqlite.NewDocumentService(db)
	ctx := t.Context()

	en := newBundle("en.txt", "Secretary Blinken met Wang Yi in Beijing. They discussed the U.S.-China relationship. Both sides agreed to résumé talks.")
	zh := newBundle("zh.txt", "中美双方同意保持沟通。王毅会见布林肯。双方讨论了台湾问题。")
	zh.Doc.Lang = "zh"
	for _, b := range []*dyad.Bundle{en, zh} {
		if _, err := docs.CreateDocument(ctx, b); err != nil {
			t.Fatal(err)
		}
	}

	type hit struct {
		doc      int64
		sentence int
	}
	tests := []struct {
		name  string
		query string
		want  []hit
	}{
		{"Word", "Beijing", []hit{{en.Doc.ID, 0}}},
		{"CaseInsensitive", "blinken", []hit{{en.Doc.ID, 0}}},
		{"TwoWords", "Wang Beijing", []hit{{en.Doc.ID, 0}}},
		{"Punctuation", "U.S.-China", []hit{{en.Doc.ID, 1}}},
		{"Diacritics", "resume", []hit{{en.Doc.ID, 2}}},
		{"NoMatch", "Moscow", nil},
		{"Operators", "Beijing OR relationship", []hit{{en.Doc.ID, 0}, {en.Doc.ID, 1}}},
		{"Prefix", "relation*", []hit{{en.Doc.ID, 1}}},
		{"ChineseTwo", "王毅", []hit{{zh.Doc.ID, 1}}},
		{"ChineseThree", "布林肯", []hit{{zh.Doc.ID, 1}}},
		{"ChineseInSentence", "台湾问题", []hit{{zh.Doc.ID, 2}}},
		{"ChineseNotAdjacent", "王肯", nil},
		{"ChineseWithOperator", "王毅 OR 中美", []hit{{zh.Doc.ID, 0}, {zh.Doc.ID, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := docs.Search(ctx, tt.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []hit
			for _, h := range hits {
				got = append(got, hit{h.DocID, h.Sentence})
			}
			if !sameHits(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}

	t.Run("Hit", func(t *testing.T) {
		hits, err := docs.Search(ctx, "王毅", 10)
		if err != nil || len(hits) != 1 {
			t.Fatalf("Search(王毅) = %v, %v; want one hit", hits, err)
		}
		h := hits[0]
		want := dyad.Hit{DocID: zh.Doc.ID, Sentence: 1, Span: zh.Sentences[1].Span,
			Snippet: dyad.SnippetStart + "王毅" + dyad.SnippetEnd + "会见布林肯。",
			Source:  "zh.txt", Title: zh.Doc.Title, Date: docDate}
		if h != want {
			t.Errorf("Search(王毅) = %+v, want %+v", h, want)
		}
		if got := zh.Doc.Slice(h.Span); got != "王毅会见布林肯。" {
			t.Errorf("hit span text = %q", got)
		}
	})

	t.Run("Invalid", func(t *testing.T) {
		for _, q := range []string{`"unterminated`, `Beijing AND`, `(Beijing`, `nosuchcolumn: x*`, "", "   "} {
			if _, err := docs.Search(ctx, q, 10); dyad.ErrorCode(err) != dyad.EINVALID {
				t.Errorf("Search(%q) = %v, want EINVALID", q, err)
			}
		}
	})
}

// sameHits compares hits ignoring order among equally ranked hits.
func sameHits[T comparable](got, want []T) bool {
	if len(got) != len(want) {
		return false
	}
	seen := make(map[T]int)
	for _, g := range got {
		seen[g]++
	}
	for _, w := range want {
		if seen[w] == 0 {
			return false
		}
		seen[w]--
	}
	return true
}
