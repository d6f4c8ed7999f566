package ingest

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-dev/dyad"
)

// rssDoc is an RSS 2.0 <rss> or an RSS 1.0 <rdf:RDF> document.
type rssDoc struct {
	Channel struct {
		Title string    `xml:"title"`
		Items []rssItem `xml:"item"`
	} `xml:"channel"`
	Items []rssItem `xml:"item"` // RSS 1.0 puts items beside the channel
}

type rssItem struct {
	Title       string   `xml:"title"`
	Links       []string `xml:"link"`
	GUID        string   `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Date        string   `xml:"date"` // dc:date
	Description string   `xml:"description"`
	Content     string   `xml:"encoded"` // content:encoded
}

// atomFeed is an Atom <feed>.
type atomFeed struct {
	Title   atomText    `xml:"title"`
	Entries []atomEntry `xml:"entry"`
}

type atomEntry struct {
	Title     atomText   `xml:"title"`
	Links     []atomLink `xml:"link"`
	ID        string     `xml:"id"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
	Summary   atomText   `xml:"summary"`
	Content   atomText   `xml:"content"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
}

// atomText is an Atom text construct: type text, html or xhtml.
type atomText struct {
	Type  string `xml:"type,attr"`
	Body  string `xml:",chardata"`
	Inner string `xml:",innerxml"`
}

// feedItem is one item of either kind of feed, before it becomes a document.
type feedItem struct {
	title, link, id, date string
	body                  string
	html                  bool // body is HTML
}

// parseFeed parses an RSS or Atom feed into one document per item.
func (r *Reader) parseFeed(name string, data []byte, over Meta) ([]*dyad.Document, error) {
	s, err := checkText(name, data)
	if err != nil {
		return nil, err
	}
	dec := newXMLDecoder(s)
	var root xml.StartElement
	for {
		tok, err := dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, errorf(dyad.EINVALID, name, "not XML: no root element")
			}
			return nil, wrapErr(dyad.EINVALID, name, err, "not XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			root = se
			break
		}
	}
	var (
		format, publisher string
		items             []feedItem
	)
	switch strings.ToLower(root.Name.Local) {
	case "rss", "rdf":
		var doc rssDoc
		if err := dec.DecodeElement(&doc, &root); err != nil {
			return nil, wrapErr(dyad.EINVALID, name, err, "bad RSS feed: %v", err)
		}
		format, publisher = FormatRSS, collapseSpace(doc.Channel.Title)
		for _, it := range append(doc.Channel.Items, doc.Items...) {
			fi := feedItem{title: collapseSpace(it.Title), id: strings.TrimSpace(it.GUID), date: it.PubDate}
			for _, l := range it.Links {
				if l = strings.TrimSpace(l); l != "" {
					fi.link = l
					break
				}
			}
			if fi.date == "" {
				fi.date = it.Date
			}
			fi.body, fi.html = it.Content, true
			if strings.TrimSpace(fi.body) == "" {
				fi.body = it.Description
				fi.html = strings.ContainsAny(fi.body, "<&")
			}
			items = append(items, fi)
		}
	case "feed":
		var doc atomFeed
		if err := dec.DecodeElement(&doc, &root); err != nil {
			return nil, wrapErr(dyad.EINVALID, name, err, "bad Atom feed: %v", err)
		}
		format, publisher = FormatAtom, r.atomString(doc.Title)
		for _, e := range doc.Entries {
			fi := feedItem{title: r.atomString(e.Title), id: strings.TrimSpace(e.ID), date: e.Published}
			if fi.date == "" {
				fi.date = e.Updated
			}
			fi.link = atomHref(e.Links)
			t := e.Content
			if strings.TrimSpace(t.Body) == "" && strings.TrimSpace(t.Inner) == "" {
				t = e.Summary
			}
			switch strings.ToLower(t.Type) {
			case "html", "text/html":
				fi.body, fi.html = t.Body, true
			case "xhtml", "application/xhtml+xml":
				fi.body, fi.html = t.Inner, true
			default:
				fi.body = t.Body
			}
			items = append(items, fi)
		}
	default:
		return nil, errorf(dyad.EINVALID, name, "XML document is neither RSS nor Atom (root element <%s>)", root.Name.Local)
	}
	if len(items) == 0 {
		return nil, errorf(dyad.EINVALID, name, "feed has no items")
	}
	base := name
	if over.Source != "" {
		base = over.Source
	}
	over.Source = ""
	var docs []*dyad.Document
	for i, it := range items {
		body := it.body
		if it.html {
			body = r.extractHTML(body, true).Text
		}
		d := &dyad.Document{
			Source:    it.link,
			Title:     it.title,
			Publisher: publisher,
			Format:    format,
			Text:      joinPara(it.title, body),
		}
		if it.title != "" && strings.HasPrefix(strings.TrimSpace(body), it.title) {
			d.Text = body // the body repeats the headline
		}
		if d.Source == "" {
			d.Source = fmt.Sprintf("%s#%d", base, i+1)
		}
		if t, ok := parseDate(it.date); ok {
			d.Date = t
		}
		if it.id != "" && it.id != it.link {
			d.Meta = map[string]string{"id": it.id}
		}
		if err := finishDoc(name, d, over, false); err != nil {
			continue // an item without text is skipped
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil, errorf(dyad.EINVALID, name, "empty document: all %d feed items have no text", len(items))
	}
	return docs, nil
}

func newXMLDecoder(s string) *xml.Decoder {
	dec := xml.NewDecoder(strings.NewReader(s))
	// Real feeds use HTML entities and sloppy markup.
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	// The input is already checked to be valid UTF-8; a declared legacy
	// charset can only have described ASCII.
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	return dec
}

// atomString returns the plain text of an Atom text construct.
func (r *Reader) atomString(t atomText) string {
	switch strings.ToLower(t.Type) {
	case "html", "text/html":
		return collapseSpace(r.extractHTML(t.Body, true).Text)
	case "xhtml", "application/xhtml+xml":
		return collapseSpace(r.extractHTML(t.Inner, true).Text)
	}
	return collapseSpace(t.Body)
}

// atomHref returns the entry's alternate link, else its first link.
func atomHref(links []atomLink) string {
	for _, l := range links {
		if (l.Rel == "" || l.Rel == "alternate") && strings.TrimSpace(l.Href) != "" {
			return strings.TrimSpace(l.Href)
		}
	}
	for _, l := range links {
		if h := strings.TrimSpace(l.Href); h != "" {
			return h
		}
	}
	return ""
}

// joinPara joins non-empty paragraphs with a blank line.
func joinPara(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	return b.String()
}
