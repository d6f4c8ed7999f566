package ingest

import (
	"bytes"
	"strings"

	"github.com/dyad-dev/dyad"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxHTMLToken bounds one HTML token (a tag with its attributes, or a text
// run) so that hostile markup cannot make the tokenizer buffer grow
// without limit.
const maxHTMLToken = 4 << 20

// Separators between pieces of extracted text, weakest first.
const (
	sepNone = iota
	sepSpace
	sepLine
	sepPara
)

// hnode is a block element kept for rendering: inline elements do not get
// nodes, their text goes to the nearest block.
type hnode struct {
	tag   atom.Atom
	sep   int // separator around the block: sepLine or sepPara
	parts []hpart

	textLen int // bytes of non-space text in the subtree
	pLen    int // bytes of text in <p> descendants
}

// hpart is one piece of a block: text, a child block, or a line break.
type hpart struct {
	text  string
	child *hnode
	pre   bool // text inside <pre>: keep its line breaks
	brk   int  // a separator (br, hr) when text and child are empty
}

// frame is one open element on the builder's stack.
type frame struct {
	tag   atom.Atom
	name  string // for tags without an atom
	node  *hnode // own block node, or nil for inline and dropped elements
	cont  *hnode // block that receives this element's content
	drop  bool   // this element or an ancestor is dropped
	pre   bool
	svg   bool
	inArt bool // inside <article> or <main>
}

// pageMeta is what the <head> and markup say about the page.
type pageMeta struct {
	ogTitle, title, publisher string
	dates                     [8]string // by priority, see datePriority
}

// Date sources, by priority.
const (
	dateArticlePublished = iota
	dateOGPublished
	dateName
	dateDC
	datePubdate
	dateTime
	dateJSONLD
)

// htmlDoc is the result of building an HTML page.
type htmlDoc struct {
	root     *hnode
	articles []*hnode
	mains    []*hnode
	h1       *hnode
	meta     pageMeta
}

// blockSep says which elements are blocks and what separates them.
var blockSep = map[atom.Atom]int{
	atom.P: sepPara, atom.Div: sepPara, atom.Li: sepPara, atom.Ul: sepPara, atom.Ol: sepPara,
	atom.H1: sepPara, atom.H2: sepPara, atom.H3: sepPara, atom.H4: sepPara, atom.H5: sepPara, atom.H6: sepPara,
	atom.Blockquote: sepPara, atom.Section: sepPara, atom.Article: sepPara, atom.Main: sepPara,
	atom.Tr: sepPara, atom.Table: sepPara, atom.Pre: sepPara, atom.Dl: sepPara, atom.Dt: sepPara,
	atom.Dd: sepPara, atom.Figure: sepPara, atom.Figcaption: sepPara, atom.Address: sepPara,
	atom.Center: sepPara, atom.Details: sepPara, atom.Summary: sepPara, atom.Fieldset: sepPara,
	atom.Hgroup: sepPara, atom.Caption: sepPara, atom.Body: sepPara, atom.Html: sepPara,
	atom.Header: sepPara, atom.Td: sepLine, atom.Th: sepLine, atom.Tbody: sepPara,
	atom.Thead: sepPara, atom.Tfoot: sepPara, atom.Legend: sepPara,
}

// closesP lists the start tags that close an open <p>.
var closesP = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Div: true, atom.Dl: true, atom.Fieldset: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Main: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true, atom.Ul: true,
	atom.Li: true, atom.Dd: true, atom.Dt: true, atom.Figure: true, atom.Details: true,
}

// voidTags have no content and no end tag.
var voidTags = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// dropTags are elements whose content is never main text.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Nav: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Button: true, atom.Head: true, atom.Title: true, atom.Select: true,
	atom.Textarea: true, atom.Object: true, atom.Canvas: true, atom.Audio: true,
	atom.Video: true, atom.Math: true, atom.Dialog: true, atom.Menu: true, atom.Noembed: true,
	atom.Noframes: true, atom.Label: true,
}

// boilerWords are class or id words that mark navigation and page chrome.
var boilerWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "topnav": true, "subnav": true,
	"sitenav": true, "mainnav": true, "menu": true, "menubar": true, "megamenu": true,
	"banner": true, "breadcrumb": true, "breadcrumbs": true, "cookie": true, "cookies": true,
	"consent": true, "share": true, "sharing": true, "sharebar": true, "social": true,
	"sidebar": true, "related": true, "comment": true, "comments": true, "footer": true,
	"header": true, "skip": true, "skiplink": true, "skipnav": true, "masthead": true, "toolbar": true,
	"newsletter": true, "subscribe": true, "popup": true, "modal": true, "advert": true,
	"advertisement": true, "ad": true, "ads": true, "promo": true, "pagination": true,
	"sr-only": true, "visually-hidden": true, "offscreen": true,
}

// contentWords are class or id words of main content. A class token made
// only of content and neutral words ("main-content") keeps its element even
// when another token carries a chrome word ("has-sidebar"); a token that
// mixes both ("post-footer", "sidebar-content") does not.
var contentWords = map[string]bool{
	"article": true, "main": true, "story": true, "body": true, "content": true,
	"entry": true, "post": true, "text": true,
}

// boilerRoles are ARIA roles of page chrome.
var boilerRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"menu": true, "menubar": true, "search": true, "dialog": true, "alertdialog": true,
	"toolbar": true, "tablist": true,
}

// attrs are the attributes the extractor looks at.
type attrs struct {
	class, id, role, property, name, content, datetime, typ string
	hidden                                                  bool
}

// htmlBuilder builds the block tree from a token stream.
type htmlBuilder struct {
	z        *html.Tokenizer
	maxDepth int
	stack    []frame
	overflow int               // start tags not pushed because of the depth cap
	open     map[atom.Atom]int // open elements on the stack, by tag
	doc      htmlDoc
	title    bool // the next text is the <title>
	ldjson   bool // the next text is JSON-LD
}

// extractHTML extracts the main text and metadata of an HTML page. With
// whole, it keeps all text outside dropped elements (for feed items, which
// are fragments). It never fails: on a tokenizer error it keeps what it
// extracted so far.
func (r *Reader) extractHTML(s string, whole bool) *dyad.Document {
	b := &htmlBuilder{maxDepth: r.maxDepth()}
	b.build(s)
	d := &dyad.Document{Format: FormatHTML}
	d.Text = b.doc.render(whole)
	m := &b.doc.meta
	switch {
	case m.ogTitle != "":
		d.Title = m.ogTitle
	case m.title != "":
		d.Title = trimSiteSuffix(m.title)
	case b.doc.h1 != nil:
		d.Title = renderNode(b.doc.h1)
	}
	d.Publisher = m.publisher
	for _, v := range m.dates {
		if t, ok := parseDate(v); ok {
			d.Date = t
			break
		}
	}
	return d
}

func (b *htmlBuilder) build(s string) {
	b.z = html.NewTokenizer(strings.NewReader(s))
	b.z.SetMaxBuf(maxHTMLToken)
	b.doc.root = &hnode{tag: atom.Body, sep: sepPara}
	b.open = make(map[atom.Atom]int)
	for {
		switch b.z.Next() {
		case html.ErrorToken:
			// io.EOF at the end; html.ErrBufferExceeded on a hostile
			// token: keep what was extracted so far.
			return
		case html.TextToken:
			b.text(b.z.Text())
		case html.StartTagToken:
			b.title, b.ldjson = false, false
			b.start(false)
		case html.SelfClosingTagToken:
			b.title, b.ldjson = false, false
			b.start(true)
		case html.EndTagToken:
			b.title, b.ldjson = false, false
			b.end()
		}
	}
}

func (b *htmlBuilder) top() *frame {
	if len(b.stack) == 0 {
		return nil
	}
	return &b.stack[len(b.stack)-1]
}

// container is the block that receives content at the current position.
func (b *htmlBuilder) container() *hnode {
	if t := b.top(); t != nil {
		return t.cont
	}
	return b.doc.root
}

func (b *htmlBuilder) dropped() bool {
	t := b.top()
	return t != nil && t.drop
}

func (b *htmlBuilder) text(raw []byte) {
	if b.title {
		b.title = false
		if b.doc.meta.title == "" {
			b.doc.meta.title = collapseSpace(string(raw))
		}
		return
	}
	if b.ldjson {
		b.ldjson = false
		if b.doc.meta.dates[dateJSONLD] == "" {
			b.doc.meta.dates[dateJSONLD] = jsonLDDate(raw)
		}
		return
	}
	if b.dropped() || len(raw) == 0 {
		return
	}
	c := b.container()
	t := b.top()
	c.parts = append(c.parts, hpart{text: string(raw), pre: t != nil && t.pre})
}

func (b *htmlBuilder) readAttrs(a *attrs) {
	for {
		k, v, more := b.z.TagAttr()
		switch string(k) {
		case "class":
			a.class = string(v)
		case "id":
			a.id = string(v)
		case "role":
			a.role = string(v)
		case "property", "itemprop":
			if a.property == "" {
				a.property = string(v)
			}
		case "name":
			a.name = string(v)
		case "content":
			a.content = string(v)
		case "datetime":
			a.datetime = string(v)
		case "type":
			a.typ = string(v)
		case "hidden":
			a.hidden = true
		case "aria-hidden":
			a.hidden = a.hidden || string(bytes.TrimSpace(v)) == "true"
		}
		if !more {
			return
		}
	}
}

func (b *htmlBuilder) start(selfClosing bool) {
	tn, hasAttr := b.z.TagName()
	tag := atom.Lookup(tn)
	var a attrs
	if hasAttr {
		b.readAttrs(&a)
	}
	parent := b.top()
	inSVG := parent != nil && parent.svg
	switch tag {
	case atom.Meta:
		b.meta(&a)
	case atom.Title:
		b.title = !inSVG && !selfClosing
	case atom.Script:
		b.ldjson = !selfClosing && strings.EqualFold(strings.TrimSpace(a.typ), "application/ld+json")
	case atom.Time:
		if a.datetime != "" && b.doc.meta.dates[dateTime] == "" && !b.dropped() {
			b.doc.meta.dates[dateTime] = a.datetime
		}
	}
	if !inSVG {
		b.implicitClose(tag)
		parent = b.top()
	}
	if voidTags[tag] || selfClosing {
		if b.dropped() {
			return
		}
		switch tag {
		case atom.Br:
			b.container().parts = append(b.container().parts, hpart{brk: sepLine})
		case atom.Hr:
			b.container().parts = append(b.container().parts, hpart{brk: sepPara})
		}
		return
	}
	if len(b.stack) >= b.maxDepth {
		b.overflow++
		if sep, ok := blockSep[tag]; ok && !b.dropped() {
			b.container().parts = append(b.container().parts, hpart{brk: sep})
		}
		return
	}
	f := frame{tag: tag, cont: b.doc.root}
	if tag == 0 {
		f.name = string(tn)
	}
	if parent != nil {
		f = frame{tag: tag, name: f.name, cont: parent.cont, drop: parent.drop,
			pre: parent.pre, svg: parent.svg, inArt: parent.inArt}
	}
	f.svg = f.svg || tag == atom.Svg || tag == atom.Math
	f.pre = f.pre || tag == atom.Pre || tag == atom.Textarea
	if !f.drop && b.isBoiler(tag, &a, f.inArt) {
		f.drop = true
	}
	f.inArt = f.inArt || tag == atom.Article || tag == atom.Main || strings.EqualFold(a.role, "main")
	if sep, ok := blockSep[tag]; ok && !f.drop && !f.svg {
		n := &hnode{tag: tag, sep: sep}
		f.cont.parts = append(f.cont.parts, hpart{child: n})
		f.node, f.cont = n, n
		switch {
		case tag == atom.Article:
			b.doc.articles = append(b.doc.articles, n)
		case tag == atom.Main || strings.EqualFold(a.role, "main"):
			b.doc.mains = append(b.doc.mains, n)
		case tag == atom.H1 && b.doc.h1 == nil:
			b.doc.h1 = n
		}
	}
	b.stack = append(b.stack, f)
	b.open[tag]++
}

// implicitClose closes the elements that a start tag of tag ends without
// an end tag: an open <p> before a block, the previous <li>, <dt>/<dd>,
// <tr>, <td>/<th> and <option>.
func (b *htmlBuilder) implicitClose(tag atom.Atom) {
	var target []atom.Atom
	var stop []atom.Atom
	switch tag {
	case atom.Li:
		target, stop = []atom.Atom{atom.Li}, []atom.Atom{atom.Ul, atom.Ol, atom.Menu}
	case atom.Dt, atom.Dd:
		target, stop = []atom.Atom{atom.Dt, atom.Dd}, []atom.Atom{atom.Dl}
	case atom.Tr:
		target, stop = []atom.Atom{atom.Tr}, []atom.Atom{atom.Table}
	case atom.Td, atom.Th:
		target, stop = []atom.Atom{atom.Td, atom.Th}, []atom.Atom{atom.Tr, atom.Table}
	case atom.Option:
		target, stop = []atom.Atom{atom.Option}, []atom.Atom{atom.Select}
	}
	if target != nil {
		b.popTo(target, stop)
	}
	if closesP[tag] {
		b.popTo([]atom.Atom{atom.P}, []atom.Atom{atom.Td, atom.Th, atom.Table, atom.Button, atom.Body, atom.Html, atom.Template})
	}
}

// popTo pops the stack up to and including the nearest element in target,
// unless an element in stop comes first.
func (b *htmlBuilder) popTo(target, stop []atom.Atom) {
	n := 0
	for _, t := range target {
		n += b.open[t]
	}
	if n == 0 {
		return // the common case, without a stack scan
	}
	for i := len(b.stack) - 1; i >= 0; i-- {
		t := b.stack[i].tag
		if contains(target, t) {
			b.popAt(i)
			return
		}
		if contains(stop, t) {
			return
		}
	}
}

func contains(list []atom.Atom, a atom.Atom) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}

// popAt pops the frames from the top down to index i, pruning block nodes
// that got no content so that floods of empty elements cost no memory.
func (b *htmlBuilder) popAt(i int) {
	for j := len(b.stack) - 1; j >= i; j-- {
		f := &b.stack[j]
		b.open[f.tag]--
		if f.node != nil && len(f.node.parts) == 0 && f.node != b.doc.h1 {
			var parent *hnode
			if j > 0 {
				parent = b.stack[j-1].cont
			} else {
				parent = b.doc.root
			}
			if k := len(parent.parts) - 1; k >= 0 && parent.parts[k].child == f.node {
				parent.parts = parent.parts[:k]
			}
		}
	}
	b.stack = b.stack[:i]
}

func (b *htmlBuilder) end() {
	tn, _ := b.z.TagName()
	tag := atom.Lookup(tn)
	if tag == atom.Br { // </br> is read as <br> by browsers
		if !b.dropped() {
			b.container().parts = append(b.container().parts, hpart{brk: sepLine})
		}
		return
	}
	if b.overflow > 0 {
		b.overflow--
		return
	}
	for i := len(b.stack) - 1; i >= 0; i-- {
		f := &b.stack[i]
		if f.tag == tag && (tag != 0 || f.name == string(tn)) {
			b.popAt(i)
			return
		}
	}
}

// isBoiler reports whether an element is page chrome to leave out.
func (b *htmlBuilder) isBoiler(tag atom.Atom, a *attrs, inArticle bool) bool {
	if a.hidden {
		return true
	}
	switch tag {
	case atom.Html, atom.Body, atom.Article, atom.Main:
		return false
	case atom.Header:
		// A page header is chrome; an article's header holds its headline.
		return !inArticle
	}
	if dropTags[tag] {
		return true
	}
	if boilerRoles[strings.ToLower(strings.TrimSpace(a.role))] {
		return true
	}
	return boilerClass(a.class + " " + a.id)
}

// boilerClass reports whether class/id tokens mark page chrome.
func boilerClass(s string) bool {
	boiler, content := false, false
	for tok := range strings.FieldsSeq(strings.ToLower(s)) {
		if boilerWords[tok] || tok == "skip-link" || tok == "skip-to-content" {
			boiler = true
			continue
		}
		tb, tc := false, false
		for w := range strings.FieldsFuncSeq(tok, func(r rune) bool {
			return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
		}) {
			tb = tb || boilerWords[w]
			tc = tc || contentWords[w]
		}
		boiler = boiler || tb
		content = content || tc && !tb
	}
	return boiler && !content
}

// meta reads a <meta> element.
func (b *htmlBuilder) meta(a *attrs) {
	v := collapseSpace(a.content)
	if v == "" {
		return
	}
	m := &b.doc.meta
	key := strings.ToLower(a.property)
	if key == "" {
		key = strings.ToLower(a.name)
	}
	set := func(p *string) {
		if *p == "" {
			*p = v
		}
	}
	switch key {
	case "og:title":
		set(&m.ogTitle)
	case "og:site_name", "publisher", "dc.publisher", "dcterms.publisher":
		set(&m.publisher)
	case "author", "article:author":
		if !strings.Contains(v, "://") {
			set(&m.publisher)
		}
	case "article:published_time":
		set(&m.dates[dateArticlePublished])
	case "og:published_time", "og:article:published_time":
		set(&m.dates[dateOGPublished])
	case "date", "publish-date", "publish_date", "publication_date":
		set(&m.dates[dateName])
	case "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created":
		set(&m.dates[dateDC])
	case "pubdate", "datepublished":
		set(&m.dates[datePubdate])
	}
}

// jsonLDDate finds "datePublished": "…" in JSON-LD text.
func jsonLDDate(s []byte) string {
	i := bytes.Index(s, []byte(`"datePublished"`))
	if i < 0 {
		return ""
	}
	s = bytes.TrimLeft(s[i+len(`"datePublished"`):], " \t\r\n")
	if len(s) == 0 || s[0] != ':' {
		return ""
	}
	s = bytes.TrimLeft(s[1:], " \t\r\n")
	if len(s) == 0 || s[0] != '"' {
		return ""
	}
	s = s[1:]
	j := bytes.IndexByte(s, '"')
	if j < 0 || j > 64 {
		return ""
	}
	return string(s[:j])
}

// trimSiteSuffix removes a " | Site name" suffix from a <title>.
func trimSiteSuffix(t string) string {
	if i := strings.LastIndex(t, " | "); i >= 10 {
		return strings.TrimSpace(t[:i])
	}
	return t
}

// collapseSpace trims s and collapses runs of ASCII white space to one space.
func collapseSpace(s string) string {
	var w textWriter
	w.text(s, false)
	return w.b.String()
}

// render returns the main text of the page: the <article> or <main> when
// there is one, else the block with the most paragraph text; with whole,
// all kept text.
func (d *htmlDoc) render(whole bool) string {
	measure(d.root)
	if whole {
		return renderNode(d.root)
	}
	best := d.mainBlock()
	text := renderNode(best)
	// A headline outside the chosen block is the first paragraph.
	if d.h1 != nil && best != d.root && !inside(best, d.h1) {
		if h := renderNode(d.h1); h != "" && !strings.HasPrefix(text, h) {
			text = h + "\n\n" + text
		}
	}
	return text
}

// mainBlock picks the block that holds the main text.
func (d *htmlDoc) mainBlock() *hnode {
	art := largest(d.articles)
	main := largest(d.mains)
	switch {
	case art != nil && main != nil:
		// Many pages put one <article> inside <main>, some put teaser
		// <article>s beside the real text in <main>.
		if art.textLen*2 >= main.textLen {
			return art
		}
		return main
	case art != nil:
		return art
	case main != nil:
		return main
	}
	var best *hnode
	bestScore := 0
	parents := map[*hnode]*hnode{}
	var walk func(n *hnode)
	walk = func(n *hnode) {
		score := 0
		for _, p := range n.parts {
			if p.child == nil {
				continue
			}
			parents[p.child] = n
			if p.child.tag == atom.P {
				score += p.child.textLen
			}
			walk(p.child)
		}
		if score > bestScore {
			best, bestScore = n, score
		}
	}
	walk(d.root)
	if best == nil {
		return d.root
	}
	// Paragraphs split over sibling blocks: climb while the parent holds
	// much more paragraph text than the block alone.
	for p := parents[best]; p != nil && p.pLen*2 >= best.pLen*3; p = parents[best] {
		best = p
	}
	return best
}

func largest(ns []*hnode) *hnode {
	var best *hnode
	for _, n := range ns {
		if n.textLen > 0 && (best == nil || n.textLen > best.textLen) {
			best = n
		}
	}
	return best
}

func inside(n, x *hnode) bool {
	if n == x {
		return true
	}
	for _, p := range n.parts {
		if p.child != nil && inside(p.child, x) {
			return true
		}
	}
	return false
}

// measure fills textLen and pLen of n and its descendants.
func measure(n *hnode) {
	n.textLen, n.pLen = 0, 0
	for _, p := range n.parts {
		if p.child != nil {
			measure(p.child)
			n.textLen += p.child.textLen
			if p.child.tag == atom.P {
				n.pLen += p.child.textLen
			} else {
				n.pLen += p.child.pLen
			}
			continue
		}
		n.textLen += len(strings.TrimSpace(p.text))
	}
}

func renderNode(n *hnode) string {
	var w textWriter
	w.node(n)
	return w.b.String()
}

// textWriter writes extracted text, collapsing white space and writing the
// strongest pending separator before the next text.
type textWriter struct {
	b       strings.Builder
	pending int
}

func (w *textWriter) sep(s int) {
	w.pending = max(w.pending, s)
}

func (w *textWriter) flush() {
	if w.b.Len() == 0 {
		w.pending = sepNone
		return
	}
	switch w.pending {
	case sepSpace:
		w.b.WriteByte(' ')
	case sepLine:
		w.b.WriteByte('\n')
	case sepPara:
		w.b.WriteString("\n\n")
	}
	w.pending = sepNone
}

func (w *textWriter) text(s string, pre bool) {
	if pre {
		w.preText(s)
		return
	}
	start := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
			if start < 0 {
				start = i
				w.flush()
			}
			continue
		}
		if start >= 0 {
			w.b.WriteString(s[start:i])
			start = -1
		}
		w.sep(sepSpace)
	}
	if start >= 0 {
		w.b.WriteString(s[start:])
	}
}

// preText writes preformatted text: lines and their indentation are kept.
func (w *textWriter) preText(s string) {
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			if w.pending == sepLine {
				w.sep(sepPara)
			} else {
				w.sep(sepLine)
			}
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		w.flush()
		w.b.WriteString(strings.TrimRight(line, "\r"))
	}
}

func (w *textWriter) node(n *hnode) {
	for _, p := range n.parts {
		switch {
		case p.child != nil:
			w.sep(p.child.sep)
			w.node(p.child)
			w.sep(p.child.sep)
		case p.brk == sepLine && w.pending >= sepLine:
			w.sep(sepPara) // <br><br> ends a paragraph
		case p.brk != sepNone:
			w.sep(p.brk)
		default:
			w.text(p.text, p.pre)
		}
	}
}
