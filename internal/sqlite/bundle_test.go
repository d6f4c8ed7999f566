package sqlite_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// docDate is the date of the documents newBundle makes.
var docDate = time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)

// testActors are the names newBundle recognises.
var testActors = []dyad.Actor{
	{Text: "Blinken", Code: "USAGOV", Country: "USA", Person: "Antony Blinken", Office: "Secretary of State", Level: dyad.LevelMinister},
	{Text: "Wang Yi", Code: "CHNGOV", Country: "CHN", Person: "Wang Yi", Office: "Director of the CFAC Office", Level: dyad.LevelSenior},
	{Text: "Xi Jinping", Code: "CHNGOV", Country: "CHN", Person: "Xi Jinping", Office: "President", Level: dyad.LevelLeader},
	{Text: "Biden", Code: "USAGOV", Country: "USA", Person: "Joe Biden", Office: "President", Level: dyad.LevelLeader},
	{Text: "布林肯", Code: "USAGOV", Country: "USA", Person: "Antony Blinken", Level: dyad.LevelMinister},
	{Text: "王毅", Code: "CHNGOV", Country: "CHN", Person: "Wang Yi", Level: dyad.LevelSenior},
	{Text: "Taiwan", Code: "TWN", Country: "TWN"},
}

// newBundle makes a bundle from text the way the pipeline would, with
// simple rules: sentences end at ". " or "。", a mention is any name of
// testActors, and a sentence with two mentions reports that the first met
// the second (CAMEO 040) on the document date.
func newBundle(source, text string) *dyad.Bundle {
	sum := sha256.Sum256([]byte(text))
	b := &dyad.Bundle{Doc: &dyad.Document{
		Hash:      hex.EncodeToString(sum[:]),
		Source:    source,
		Title:     "Readout of " + source,
		Publisher: "state.gov",
		Date:      docDate,
		Kind:      "readout",
		Side:      "USA",
		Lang:      "en",
		Format:    "txt",
		Text:      text,
	}}
	for _, span := range splitSentences(text) {
		sen := dyad.Sentence{Index: len(b.Sentences), Span: span}
		b.Sentences = append(b.Sentences, sen)
		var found []dyad.Mention
		for _, a := range testActors {
			for off := span.Start; ; {
				i := strings.Index(text[off:span.End], a.Text)
				if i < 0 {
					break
				}
				m := dyad.Mention{Sentence: sen.Index, Actor: a, Rule: "dict", Entry: a.Person}
				m.Span = dyad.Span{Start: off + i, End: off + i + len(a.Text)}
				found = append(found, m)
				off += i + len(a.Text)
			}
		}
		// In order of position, as a tagger emits them.
		for i := 1; i < len(found); i++ {
			for j := i; j > 0 && found[j].Span.Start < found[j-1].Span.Start; j-- {
				found[j], found[j-1] = found[j-1], found[j]
			}
		}
		b.Mentions = append(b.Mentions, found...)
		if len(found) >= 2 {
			target := found[1].Actor
			b.Events = append(b.Events, dyad.Event{
				Sentence: sen.Index, Span: span, Verb: span,
				Source: found[0].Actor, Target: &target,
				CAMEO: "040", PLOVER: "CONSULT", Quad: 1, Goldstein: 1,
				Status: dyad.StatusOccurred, Date: docDate, DateEnd: docDate,
				DatePrecision: dyad.PrecisionDay, DateFromDoc: true,
			})
		}
	}
	return b
}

// splitSentences splits text after a '.' followed by white space, and
// after "。".
func splitSentences(text string) []dyad.Span {
	var spans []dyad.Span
	start := 0
	for i := 0; i < len(text); {
		switch {
		case text[i] == '.' && i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n'):
			spans = append(spans, dyad.Span{Start: start, End: i + 1})
			i++
			for i < len(text) && (text[i] == ' ' || text[i] == '\n') {
				i++
			}
			start = i
		case strings.HasPrefix(text[i:], "。"):
			i += len("。")
			spans = append(spans, dyad.Span{Start: start, End: i})
			start = i
		default:
			i++
		}
	}
	if start < len(text) {
		spans = append(spans, dyad.Span{Start: start, End: len(text)})
	}
	return spans
}
