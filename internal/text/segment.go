package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-dev/dyad"
)

// A Segmenter splits text into sentences. The zero value is ready to use.
//
// It works paragraph by paragraph (blocks separated by blank lines) and, in a
// paragraph, line by line. Inside a line a sentence ends at terminal
// punctuation (with any closing quotes and brackets that follow), unless the
// period belongs to an abbreviation, an initial, a list marker or an
// ellipsis. At a line break a sentence also ends when the line is a unit of
// its own (a headline, a dateline, a list item, a line ending in a colon) and
// continues when the line is wrapped prose.
type Segmenter struct{}

// Segment returns the sentences of text in order, with spans into text that
// exclude surrounding whitespace. Index is 0-based; Para is the 0-based
// paragraph (blank-line separated block).
func (s *Segmenter) Segment(text string) []dyad.Sentence {
	return s.AppendSentences(nil, text)
}

// AppendSentences appends the sentences of text to dst and returns the
// extended slice: the allocation-free form of Segment for hot paths. Index
// and Para count from 0 for text, whatever dst already holds.
func (s *Segmenter) AppendSentences(dst []dyad.Sentence, text string) []dyad.Sentence {
	sc := segmenter{text: text, dst: dst}
	sc.run()
	return sc.dst
}

// segmenter is the state of one Segment call.
type segmenter struct {
	text    string
	dst     []dyad.Sentence
	index   int  // Index of the next sentence
	para    int  // Para of the current paragraph
	emitted bool // the current paragraph has produced a sentence
	start   int  // start of the pending sentence
	ps, pe  int  // bounds of the current paragraph
	width   int  // its longest line in runes; -1 until measured
	full    bool // its lines look filled by a line wrapper
}

// ending says how a sentence candidate ends, and so what decides whether it
// really ends there.
type ending uint8

const (
	endNone     ending = iota // no terminal punctuation
	endRegular                // '.', '?' or '!' after an ordinary word: ends unless lower case follows
	endMaybe                  // dotted abbreviation, initial, "etc.": ends only before a sentence opener
	endNever                  // title, month, "e.g.": never ends a sentence mid-paragraph
	endEllipsis               // "..." or "…": does not end a sentence inside a line
	endCut                    // "[...]": ends before a capital letter
	endCJK                    // 。！？: always ends, no space needed
	endColon                  // ':' at the end of a line
)

// run segments the text paragraph by paragraph: blocks of non-blank lines.
func (sc *segmenter) run() {
	text := sc.text
	i := 0
	for i < len(text) {
		le := lineEnd(text, i)
		if isBlank(text[i:le]) {
			i = le + 1
			continue
		}
		pe := le
		for pe < len(text) {
			ne := lineEnd(text, pe+1)
			if isBlank(text[pe+1 : ne]) {
				break
			}
			pe = ne
		}
		sc.paragraph(i, pe)
		i = pe + 1
	}
}

// paragraph segments the non-blank lines text[ps:pe].
func (sc *segmenter) paragraph(ps, pe int) {
	text := sc.text
	sc.start = ps
	sc.emitted = false
	sc.ps, sc.pe, sc.width = ps, pe, -1
	ls := ps
	for {
		le := lineEnd(text, ls)
		if le > pe {
			le = pe
		}
		tail := sc.line(ls, le)
		if le >= pe {
			break
		}
		ns := le + 1
		ne := lineEnd(text, ns)
		if ne > pe {
			ne = pe
		}
		if sc.breakAfterLine(tail, ls, le, ns, ne) {
			sc.emit(sc.start, le)
			sc.start = ns
		}
		ls = ns
	}
	sc.emit(sc.start, pe)
	if sc.emitted {
		sc.para++
	}
}

// line scans text[ls:le], ending the sentences that end inside it, and
// reports how it ends when its last non-space character is terminal
// punctuation whose fate depends on the next line.
func (sc *segmenter) line(ls, le int) ending {
	text := sc.text
	j := skipSpace(text, ls, le)
	if m := listMarkerEnd(text, j, le); m > 0 {
		j = m // "1." at a line start is no full stop
	}
	for j < le {
		c := text[j]
		if !maySplit(c) {
			j++
			continue
		}
		kind := endNone
		k := j + 1
		period := false
		switch {
		case c == '.':
			if k < le && text[k] == '.' {
				kind = endEllipsis
			} else {
				kind, period = endRegular, true // classified below, if a space follows
			}
		case c == '?' || c == '!':
			kind = endRegular
		case c == '[':
			if m := cutMarkerEnd(text, j, le); m > 0 {
				kind, k = endCut, m
			}
		case c == ':':
			if skipSpace(text, k, le) >= le {
				return endColon
			}
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(text[j:le])
			k = j + n
			switch {
			case r == '…':
				kind = endEllipsis
			case isCJKTerminal(r):
				kind = endCJK
			}
		}
		if kind == endNone {
			j = k
			continue
		}
		if kind != endCut {
			k = consumeTail(text, k, le)
		}
		if kind == endCJK {
			if skipSpace(text, k, le) >= le {
				return endCJK
			}
			sc.emit(sc.start, k)
			sc.start = k
			j = k
			continue
		}
		if k < le && !isSpaceAt(text, k, le) {
			j = k // "U.S.-China", "e.g.,", "3.5": not a boundary
			continue
		}
		if period {
			kind = classifyPeriod(text, ls, j)
		}
		r := skipSpace(text, k, le)
		if r >= le {
			return kind // decided with the next line
		}
		j = k
		if splitBefore(text, kind, r, le) {
			sc.emit(sc.start, k)
			sc.start = k
			if m := listMarkerEnd(text, r, le); m > 0 {
				j = m // the new sentence is a list item: "… the U.S. 1. Canceling …"
			}
		}
	}
	return endNone
}

// breakAfterLine reports whether the sentence pending at the end of the line
// text[ls:le] ends there, given the next line text[ns:ne] of the paragraph.
func (sc *segmenter) breakAfterLine(tail ending, ls, le, ns, ne int) bool {
	text := sc.text
	n := skipSpace(text, ns, ne)
	switch tail {
	case endCJK, endColon:
		return true
	case endRegular:
		return !startsLower(text, n, ne)
	case endNever:
		return isSpeakerLabel(text, n, ne)
	case endMaybe:
		if opensSentence(text, n, ne) {
			return true
		}
	}
	return sc.headlineBreak(ls, le, n, ne)
}

// headlineBreak decides a line break after a line without a full stop: a
// headline, dateline, byline or list item stands alone, wrapped prose goes
// on. n is the first non-space byte of the next line.
func (sc *segmenter) headlineBreak(ls, le, n, ne int) bool {
	text := sc.text
	e := trimRightSpace(text, ls, le)
	if m := listMarkerEnd(text, n, ne); m > 0 && !sc.initialAt(ls, e, n, m) || isBulletAt(text, n, ne) || isSpeakerLabel(text, n, ne) {
		return true
	}
	if startsLower(text, n, ne) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[ls:e])
	switch r {
	case ',', ';', '(', '/', '&', '-', '–', '—', '“', '‘':
		return false
	}
	last := lastWord(text, ls, e)
	if isJoinWord(last) || isCapJoinWord(last) {
		return false // "… met with the" / "… The"
	}
	if isMonth(last) && isASCIIDigit(text[n]) {
		return false // "on June" / "19, ..."
	}
	switch {
	case text[n] == '(':
		return false // "(PRC), and …": a parenthesis goes on; "(1)" was handled
	case startsNameLike(text, n, ne):
		// "… the People's" / "Republic of China (PRC) …"
		return !sc.wrapped(ls, e, n, ne)
	case isStarter(firstWord(text, n, ne)):
		// A sentence opener after a line without a full stop: a new
		// sentence, unless the whole paragraph is hard-wrapped prose.
		return !(sc.wrapped(ls, e, n, ne) && sc.full)
	}
	return true
}

// initialAt reports whether the list marker text[n:m] at the start of the
// next line is rather an initial continuing a name: "J. " after a line
// "… Antony" that ends in a letter and is no list item itself.
func (sc *segmenter) initialAt(ls, e, n, m int) bool {
	text := sc.text
	if m-n != 3 || text[n] < 'A' || text[n] > 'Z' || text[n+1] != '.' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[ls:e])
	st := skipSpace(text, ls, e)
	return unicode.IsLetter(r) && listMarkerEnd(text, st, e) == 0
}

// firstWord returns the run of letters at text[n:end].
func firstWord(text string, n, end int) string {
	e := n
	for e < end {
		r, sz := utf8.DecodeRuneInString(text[e:end])
		if !unicode.IsLetter(r) {
			break
		}
		e += sz
	}
	return text[n:e]
}

// isCapJoinWord reports whether w is a capitalised join word ("The",
// "Of"), as a line ending in a title-case phrase may have.
func isCapJoinWord(w string) bool {
	if len(w) < 2 || len(w) > 8 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	var buf [8]byte
	b := buf[:len(w)]
	b[0] = w[0] + 'a' - 'A'
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
		b[i] = w[i]
	}
	return isJoinWord(string(b))
}

// emit appends text[a:b], trimmed of whitespace, as a sentence unless empty.
func (sc *segmenter) emit(a, b int) {
	a = skipSpace(sc.text, a, b)
	b = trimRightSpace(sc.text, a, b)
	if a >= b {
		return
	}
	sc.dst = append(sc.dst, dyad.Sentence{Index: sc.index, Span: dyad.Span{Start: a, End: b}, Para: sc.para})
	sc.index++
	sc.emitted = true
}

// classifyPeriod classifies the period text[j] by the word before it, which
// starts no earlier than ls.
func classifyPeriod(text string, ls, j int) ending {
	ws := j
	dotted := false
	for ws > ls {
		r, n := utf8.DecodeLastRuneInString(text[ls:ws])
		if r == '.' {
			dotted = true
		} else if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		ws -= n
	}
	w := text[ws:j]
	switch {
	case w == "":
		return endRegular
	case dotted:
		switch w {
		case "e.g", "i.e", "E.g", "I.e", "viz":
			return endNever
		}
		return endMaybe
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsLetter(r) {
		return endMaybe // an initial: "Antony J. Blinken"
	}
	if k := abbreviation(w); k != endNone {
		return k
	}
	if len(w) <= 8 && isUpperASCII(w) {
		var buf [8]byte
		b := buf[:len(w)]
		b[0] = w[0]
		for i := 1; i < len(w); i++ {
			b[i] = w[i] + 'a' - 'A'
		}
		if k := abbreviation(string(b)); k != endNone {
			return k // "MR.", "GEN."
		}
	}
	return endRegular
}

// abbreviation reports how a period after the word w behaves when w is a
// known abbreviation, and endNone otherwise.
func abbreviation(w string) ending {
	switch w {
	// Titles and ranks precede a name; months and "No." precede a number.
	case "Mr", "Mrs", "Ms", "Messrs", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl",
		"Sec", "Secy", "Amb", "Sen", "Rep", "Reps", "Gov", "Pres", "Prof", "Rev", "Hon", "Fr", "Mt", "Ft",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
		"No", "Nos", "Art", "Arts", "Vol", "Fig", "para", "paras", "pp", "vs", "v", "cf", "approx", "ca", "nos":
		return endNever
	// These often end a sentence too.
	case "St", "Jr", "Sr", "etc", "Inc", "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "al", "Esq", "Govt":
		return endMaybe
	}
	return endNone
}

// splitBefore decides, for a terminal of the given kind followed by
// whitespace, whether the sentence ends; r is the next non-space byte.
func splitBefore(text string, kind ending, r, end int) bool {
	switch kind {
	case endRegular:
		return !startsLower(text, r, end)
	case endMaybe:
		return opensSentence(text, r, end)
	case endCut:
		c, _ := utf8.DecodeRuneInString(text[r:end])
		return unicode.IsUpper(c) || opensSentence(text, r, end)
	}
	return false
}

// opensSentence reports whether text[r:end] starts like a new sentence
// after an ambiguous period: an opening quote, a list marker, a speaker
// label or a word that typically starts sentences ("The", "He", "China").
func opensSentence(text string, r, end int) bool {
	if r >= end {
		return true
	}
	c, n := utf8.DecodeRuneInString(text[r:end])
	switch c {
	case '"', '“', '‘', '«', '「', '『':
		return true
	}
	if (isASCIIDigit(text[r]) || c == '(') && listMarkerEnd(text, r, end) > 0 || isSpeakerLabel(text, r, end) {
		return true
	}
	if !unicode.IsUpper(c) {
		return false
	}
	e := r + n
	for e < end {
		c, n := utf8.DecodeRuneInString(text[e:end])
		if !unicode.IsLetter(c) {
			break
		}
		e += n
	}
	if e < end && text[e] == '.' {
		return false // "U.S. U.N." is not "U.S. U" + sentence
	}
	return isStarter(text[r:e])
}

// isStarter reports whether the capitalised word w typically starts a
// sentence, so that a dotted abbreviation before it ends one.
func isStarter(w string) bool {
	switch w {
	case "The", "This", "That", "These", "Those", "There", "Then", "Thus", "Therefore",
		"He", "She", "It", "They", "We", "I", "You", "One",
		"In", "On", "At", "By", "For", "From", "To", "With", "Without", "Under", "Over", "Among", "As",
		"After", "Before", "During", "Since", "Until", "Following", "According",
		"But", "And", "Or", "Nor", "Yet", "So", "However", "Meanwhile", "Moreover", "Furthermore",
		"Also", "Still", "Instead", "Nevertheless", "Nonetheless", "Separately", "Additionally",
		"Finally", "Further", "Earlier", "Later", "Today", "Yesterday", "Tomorrow", "Now",
		"If", "When", "While", "Although", "Though", "Because", "Where", "Whether",
		"What", "Why", "How", "Who", "Which",
		"Both", "Some", "All", "Each", "Every", "Many", "Most", "Other", "Such", "No", "Not", "Neither",
		"A", "An", "Its", "His", "Her", "Their", "Our", "My", "Your",
		"Thank", "Let", "Please", "Yes",
		"China", "Chinese", "Beijing", "Washington", "Officials":
		return true
	}
	return false
}

// isJoinWord reports whether a line ending in w cannot end a sentence: an
// article, preposition, conjunction or auxiliary, or a title abbreviation.
func isJoinWord(w string) bool {
	switch w {
	case "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "without",
		"into", "onto", "over", "under", "about", "after", "before", "between", "among", "during",
		"including", "through", "against", "within", "upon", "via", "per", "toward", "towards",
		"and", "or", "but", "nor", "as", "than", "that", "which", "who", "whom", "whose",
		"if", "while", "when", "where", "whether", "because", "although",
		"is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
		"will", "would", "shall", "should", "can", "could", "may", "might", "must", "not",
		"its", "their", "his", "her", "our", "your", "my", "this", "these", "those",
		"both", "either", "neither", "also", "said", "says", "told", "very", "more", "most":
		return true
	}
	return false
}

// isMonth reports whether w is a month name.
func isMonth(w string) bool {
	switch w {
	case "January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December":
		return true
	}
	return false
}

// startsNameLike reports whether the line at n starts with a capitalised
// word that could continue a wrapped sentence: not a sentence opener, not a
// month, weekday or all-capitals word (datelines, labels), not a number.
func startsNameLike(text string, n, end int) bool {
	c, _ := utf8.DecodeRuneInString(text[n:end])
	if !unicode.IsUpper(c) {
		return false
	}
	w := firstWord(text, n, end)
	if len(w) > 1 && isUpperASCII(w) {
		// "BEIJING, June 19" or "WASHINGTON (Reuters)" is a dateline, but
		// "PRC Director" an acronym in running text.
		e := n + len(w)
		return e+1 < end && text[e] == ' ' && isLetterAt(text, e+1, end)
	}
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "By":
		return false
	}
	return !isStarter(w) && !isMonth(w)
}

// wrapped reports whether the line break after text[ls:e] looks like the
// work of a line wrapper rather than of an author. Inside a list item it
// always does (the item goes on until the next marker). Otherwise the
// paragraph must be wide, the next line's first word (at n) must not have
// fitted on this line, and the line must be prose, with a lower-case content
// word ("met", "visiting") unlike a title-case headline, or the paragraph a
// full block.
func (sc *segmenter) wrapped(ls, e, n, ne int) bool {
	text := sc.text
	// A list item without a full stop goes on until the next marker.
	st := skipSpace(text, sc.start, e)
	if listMarkerEnd(text, st, e) > 0 || isBulletAt(text, st, e) {
		return true
	}
	if sc.width < 0 {
		sc.measure()
	}
	if sc.width < 40 {
		return false
	}
	w := n
	for w < ne && !isSpaceAt(text, w, ne) {
		w++
	}
	if utf8.RuneCountInString(text[ls:e])+1+utf8.RuneCountInString(text[n:w]) <= sc.width {
		return false // the word would have fitted: the author broke the line
	}
	return sc.full || hasContentWord(text, ls, e)
}

// measure sets the width of the paragraph, its longest line in runes, and
// whether it is a full block: three lines or more, each but the last filled
// to at least 60% of the width, as a line wrapper leaves them.
func (sc *segmenter) measure() {
	text := sc.text
	sc.width, sc.full = 0, false
	lines, shortest := 0, -1 // shortest line but the last
	for i := sc.ps; i < sc.pe; {
		le := min(lineEnd(text, i), sc.pe)
		n := utf8.RuneCountInString(text[skipSpace(text, i, le):trimRightSpace(text, i, le)])
		sc.width = max(sc.width, n)
		if le < sc.pe && (shortest < 0 || n < shortest) {
			shortest = n
		}
		lines++
		i = le + 1
	}
	sc.full = lines >= 3 && shortest*10 >= sc.width*6
}

// hasContentWord reports whether text[ls:e] holds a word that starts in
// lower case and is not a function word.
func hasContentWord(text string, ls, e int) bool {
	i := ls
	for i < e {
		i = skipSpace(text, i, e)
		ws := i
		for i < e && !isSpaceAt(text, i, e) {
			i++
		}
		// the letters at the start of the chunk, after any opening punctuation
		a := ws
		for a < i {
			r, n := utf8.DecodeRuneInString(text[a:i])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			a += n
		}
		b := a
		for b < i {
			r, n := utf8.DecodeRuneInString(text[b:i])
			if !unicode.IsLetter(r) {
				break
			}
			b += n
		}
		if startsLower(text, a, b) && !isJoinWord(text[a:b]) {
			return true
		}
	}
	return false
}

// listMarkerEnd returns the end of the list marker ("1.", "2)", "(3)",
// "a.", "iv.") and the space after it at text[i:], or 0 if there is none.
func listMarkerEnd(text string, i, end int) int {
	j := i
	paren := j < end && text[j] == '('
	if paren {
		j++
	}
	k := j
	for k < end && k-j < 4 && isASCIIAlnum(text[k]) {
		k++
	}
	if k == j || k >= end {
		return 0
	}
	w := text[j:k]
	if !isASCIIDigits(w) && len(w) > 1 && !isRoman(w) {
		return 0
	}
	switch {
	case paren && text[k] == ')':
	case !paren && (text[k] == '.' || text[k] == ')'):
	default:
		return 0
	}
	k++
	if k >= end || (text[k] != ' ' && text[k] != '\t') {
		return 0
	}
	return k + 1
}

// isBulletAt reports whether a bullet and a space start text[i:end].
func isBulletAt(text string, i, end int) bool {
	r, n := utf8.DecodeRuneInString(text[i:end])
	switch r {
	case '•', '·', '▪', '◦', '*', '-', '–', '—':
		return i+n < end && (text[i+n] == ' ' || text[i+n] == '\t')
	}
	return false
}

// isSpeakerLabel reports whether text[i:end] starts with a transcript
// speaker label: capitals, spaces and periods followed by a colon
// ("SECRETARY BLINKEN:", "MR. PRICE:", "Q:").
func isSpeakerLabel(text string, i, end int) bool {
	letters := 0
	for j := i; j < end && j-i < 60; {
		r, n := utf8.DecodeRuneInString(text[j:end])
		switch {
		case r == ':':
			return letters > 0 && (letters > 1 || j == i+1)
		case unicode.IsUpper(r):
			letters++
		case r == ' ' || r == '.' || r == '\'' || r == '’' || r == '-':
			if j == i {
				return false
			}
		default:
			return false
		}
		j += n
	}
	return false
}

// cutMarkerEnd returns the end of the cut marker "[...]" or "[…]" at
// text[i], or 0.
func cutMarkerEnd(text string, i, end int) int {
	for _, m := range [...]string{"[...]", "[…]"} {
		if end-i >= len(m) && text[i:i+len(m)] == m {
			return i + len(m)
		}
	}
	return 0
}

// consumeTail returns the end of the run of terminal punctuation and closing
// quotes and brackets starting at k.
func consumeTail(text string, k, end int) int {
	for k < end {
		r, n := utf8.DecodeRuneInString(text[k:end])
		switch r {
		case '.', '?', '!', '…', '"', '\'', ')', ']', '’', '”', '»', '›', '」', '』', '）', '】', '》', '〉', '。', '！', '？', '｡':
			k += n
		default:
			return k
		}
	}
	return k
}

func isCJKTerminal(r rune) bool { return r == '。' || r == '！' || r == '？' || r == '｡' }

// lastWord returns the run of letters that ends text[ls:e], or "".
func lastWord(text string, ls, e int) string {
	b := e
	for b > ls {
		r, n := utf8.DecodeLastRuneInString(text[ls:b])
		if !unicode.IsLetter(r) {
			break
		}
		b -= n
	}
	return text[b:e]
}

// startsLower reports whether the rune at text[i:end] is a lower-case letter.
func startsLower(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return unicode.IsLower(r)
}

// lineEnd returns the index of the first '\n' at or after i, or len(text).
func lineEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(text)
}

// maySplit reports whether the byte c may start something line looks at:
// terminal punctuation, a cut marker, a colon or a multi-byte rune.
func maySplit(c byte) bool {
	return c == '.' || c == '?' || c == '!' || c == '[' || c == ':' || c >= utf8.RuneSelf
}

// isBlank reports whether s holds only whitespace.
func isBlank(s string) bool { return skipSpace(s, 0, len(s)) == len(s) }

// skipSpace returns the first index at or after i, before end, that does not
// start a whitespace rune, or end.
func skipSpace(text string, i, end int) int {
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isASCIISpace(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return end
}

// trimRightSpace returns e moved back over trailing whitespace, not before i.
func trimRightSpace(text string, i, e int) int {
	for e > i {
		c := text[e-1]
		if c < utf8.RuneSelf {
			if !isASCIISpace(c) {
				return e
			}
			e--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[i:e])
		if !unicode.IsSpace(r) {
			return e
		}
		e -= n
	}
	return e
}

func isSpaceAt(text string, i, end int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return isASCIISpace(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return unicode.IsSpace(r)
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

func isASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// isRoman reports whether s is a small roman numeral in one case: "iv",
// "XI", not "Xi".
func isRoman(s string) bool {
	lower, upper := true, true
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'i', 'v', 'x':
			upper = false
		case 'I', 'V', 'X':
			lower = false
		default:
			return false
		}
	}
	return s != "" && (lower || upper)
}
