package ingest_test

import (
	"testing"
	"time"

	"github.com/dyad-dev/dyad/internal/ingest"
)

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Office of the Spokesperson</title>
  <link>https://example.gov/spokesperson</link>
  <atom:link href="https://example.gov/feed.xml" rel="self"/>
  <item>
    <title>Secretary Harlow’s Call with Foreign Minister Chen</title>
    <link>https://example.gov/call-with-chen/</link>
    <guid isPermaLink="false">urn:example:1001</guid>
    <pubDate>Thu, 14 Mar 2024 22:05:00 +0000</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>The below is attributable to the Spokesperson:</p>
      <p>Secretary Harlow spoke with Foreign Minister Chen&nbsp;today.</p>
      <script>alert(1)</script><div class="share">Share</div>]]></content:encoded>
  </item>
  <item>
    <title>Statement on Detained Citizens</title>
    <pubDate>Mon, 4 Mar 2024 09:00:00 EST</pubDate>
    <description>The United States calls for the release of its citizens &amp; residents.
Second line of plain text.</description>
  </item>
  <item>
    <title></title>
    <description>   </description>
  </item>
  <item>
    <title>Headline Only</title>
    <link>https://example.gov/headline-only/</link>
    <pubDate>not a date</pubDate>
  </item>
</channel>
</rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Ministry of Foreign Affairs Press Releases</title>
  <id>urn:example:feed</id>
  <updated>2024-05-08T16:00:00+08:00</updated>
  <entry>
    <title type="html">Spokesperson &lt;em&gt;answers&lt;/em&gt; questions</title>
    <link rel="self" href="https://example.cn/api/1"/>
    <link rel="alternate" href="https://example.cn/press/1.html"/>
    <id>urn:example:press:1</id>
    <published>2024-05-08T16:00:00+08:00</published>
    <updated>2024-05-09T10:00:00+08:00</updated>
    <summary>Summary only.</summary>
    <content type="html">&lt;p&gt;Q: Will the talks take place?&lt;/p&gt;&lt;p&gt;A: Both sides agreed to hold talks.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Second entry</title>
    <id>urn:example:press:2</id>
    <updated>2024-05-01T08:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <b>XHTML</b> body.</p><p>Second.</p></div></content>
  </entry>
  <entry>
    <title>Third entry</title>
    <link href="https://example.cn/press/3.html"/>
    <summary>Plain summary text.</summary>
  </entry>
</feed>`

func TestParse_RSS(t *testing.T) {
	docs, err := ingest.NewReader().Parse("feeds/state.rss", []byte(rssFeed), ingest.Meta{Side: "US", Kind: "readout"})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	type doc struct {
		Source, Title, Publisher, Format, Side, Kind, Text string
		Date                                               time.Time
		ID                                                 string
	}
	want := []doc{
		{"https://example.gov/call-with-chen/", "Secretary Harlow’s Call with Foreign Minister Chen", "Office of the Spokesperson", "rss", "USA", "readout",
			"Secretary Harlow’s Call with Foreign Minister Chen\n\nThe below is attributable to the Spokesperson:\n\nSecretary Harlow spoke with Foreign Minister Chen\u00a0today.",
			day(2024, 3, 14), "urn:example:1001"},
		{"feeds/state.rss#2", "Statement on Detained Citizens", "Office of the Spokesperson", "rss", "USA", "readout",
			"Statement on Detained Citizens\n\nThe United States calls for the release of its citizens & residents. Second line of plain text.",
			day(2024, 3, 4), ""},
		{"https://example.gov/headline-only/", "Headline Only", "Office of the Spokesperson", "rss", "USA", "readout",
			"Headline Only", time.Time{}, ""},
	}
	if len(docs) != len(want) {
		t.Fatalf("Parse(rss) = %d docs, want %d", len(docs), len(want))
	}
	for i, d := range docs {
		checkDoc(t, d)
		got := doc{d.Source, d.Title, d.Publisher, d.Format, d.Side, d.Kind, d.Text, d.Date, d.Meta["id"]}
		if got != want[i] {
			t.Errorf("item %d =\n%+v\nwant\n%+v", i, got, want[i])
		}
	}
}

func TestParse_Atom(t *testing.T) {
	docs, err := ingest.NewReader().Parse("mfa.atom", []byte(atomFeed), ingest.Meta{Source: "https://example.cn/feed"})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	type doc struct{ Source, Title, Publisher, Format, Text, Date string }
	want := []doc{
		{"https://example.cn/press/1.html", "Spokesperson answers questions", "Ministry of Foreign Affairs Press Releases", "atom",
			"Spokesperson answers questions\n\nQ: Will the talks take place?\n\nA: Both sides agreed to hold talks.", "2024-05-08"},
		{"https://example.cn/feed#2", "Second entry", "Ministry of Foreign Affairs Press Releases", "atom",
			"Second entry\n\nInline XHTML body.\n\nSecond.", "2024-05-01"},
		{"https://example.cn/press/3.html", "Third entry", "Ministry of Foreign Affairs Press Releases", "atom",
			"Third entry\n\nPlain summary text.", ""},
	}
	if len(docs) != len(want) {
		t.Fatalf("Parse(atom) = %d docs, want %d", len(docs), len(want))
	}
	for i, d := range docs {
		checkDoc(t, d)
		date := ""
		if !d.Date.IsZero() {
			date = d.Date.Format("2006-01-02")
		}
		got := doc{d.Source, d.Title, d.Publisher, d.Format, d.Text, date}
		if got != want[i] {
			t.Errorf("entry %d =\n%+v\nwant\n%+v", i, got, want[i])
		}
	}
}

func TestParse_RSS1(t *testing.T) {
	const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>Old Feed</title></channel>
  <item><title>Item</title><link>https://example.org/1</link><dc:date>2022-08-05</dc:date><description>Body.</description></item>
</rdf:RDF>`
	docs, err := ingest.NewReader().Parse("old.rdf", []byte(rdf), ingest.Meta{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	d := docs[0]
	if len(docs) != 1 || d.Format != "rss" || d.Publisher != "Old Feed" || d.Text != "Item\n\nBody." || !d.Date.Equal(day(2022, 8, 5)) {
		t.Errorf("Parse(rdf) = %+v %q", d, d.Text)
	}
}
