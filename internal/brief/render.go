package brief

import (
	"fmt"
	"html/template"
	"io"
	"strings"
)

// Markdown writes the brief as Markdown with footnotes ([^1]).
func (b *Brief) Markdown(w io.Writer) error {
	var s strings.Builder
	fmt.Fprintf(&s, "# %s\n\n*%s*\n", b.Title, b.Period)
	for _, sec := range b.Sections {
		fmt.Fprintf(&s, "\n## %s\n\n", sec.Title)
		for _, p := range sec.Paras {
			s.WriteString(p.Text)
			for _, n := range p.Notes {
				fmt.Fprintf(&s, "[^%d]", n)
			}
			s.WriteString("\n\n")
		}
	}
	if len(b.Notes) > 0 {
		s.WriteString("---\n\n")
		for _, n := range b.Notes {
			fmt.Fprintf(&s, "[^%d]: %s, doc %d, sentence %d [%d:%d]: “%s”\n", n.N, n.source(), n.DocID, n.Sentence, n.Span.Start, n.Span.End, oneLine(n.Quote))
		}
	}
	_, err := io.WriteString(w, s.String())
	return err
}

func (n Note) source() string {
	s := n.Publisher
	if s == "" {
		s = "unknown publisher"
	}
	if n.Side != "" {
		s += " (" + n.Side + ")"
	}
	if !n.Date.IsZero() {
		s += ", " + n.Date.Format("2 January 2006")
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// page is the HTML template; html/template escapes every value, so text
// from documents cannot inject markup.
var page = template.Must(template.New("brief").Funcs(template.FuncMap{"source": Note.source, "oneLine": oneLine}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}}: {{.Period}}</title>
<style>
body{font-family:Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}
h1{margin-bottom:0}.period{color:#555;font-style:italic}h2{border-bottom:1px solid #ccc;margin-top:1.6em}
sup a{text-decoration:none}ol.notes{font-size:.85em;color:#333}ol.notes q{font-style:italic}
@media print{a{color:inherit}}
</style></head><body>
<h1>{{.Title}}</h1><p class="period">{{.Period}}</p>
{{range .Sections}}<h2>{{.Title}}</h2>
{{range .Paras}}<p>{{.Text}}{{range .Notes}}<sup><a href="#n{{.}}" id="r{{.}}">{{.}}</a></sup>{{end}}</p>
{{end}}{{end}}{{if .Notes}}<h2>Sources</h2><ol class="notes">
{{range .Notes}}<li id="n{{.N}}">{{source .}}, doc {{.DocID}}, sentence {{.Sentence}} [{{.Span.Start}}:{{.Span.End}}]: <q>{{oneLine .Quote}}</q></li>
{{end}}</ol>{{end}}
</body></html>
`))

// HTML writes the brief as a standalone, printable HTML page.
func (b *Brief) HTML(w io.Writer) error {
	return page.Execute(w, b)
}
