package actors

import (
	"strings"

	"github.com/dyad-dev/dyad"
)

// ctxSectors are the agent sectors a bare agent noun may take a country
// for from its sentence (contextMentions): groups of people outside the
// government, and the police. Government nouns ("officials", "the
// delegation") are left to the office, coreference and side rules;
// soldiers and troops (MIL) are often abroad, so they are left out too.
var ctxSectors = map[string]bool{
	"REB": true, "OPP": true, "CVL": true, "REF": true, "EDU": true, "LAB": true,
	"MED": true, "AGR": true, "UAF": true, "PTY": true, "CRM": true, "RAD": true,
	"MUS": true, "HRI": true, "ENV": true, "COP": true,
}

// placePreps open a place phrase attached to a noun: "rebels IN the
// Ivory Coast", "a newspaper based IN Beirut", "refugees FROM Kosovo".
var placePreps = map[string]bool{"IN": true, "AT": true, "FROM": true, "INSIDE": true}

// placeVerbs may stand between a noun and its place phrase ("a group
// BASED in Trinidad").
var placeVerbs = map[string]bool{"BASED": true, "STATIONED": true, "LIVING": true, "OPERATING": true, "HELD": true}

// maxPlaceGap is how many words may stand between the preposition and the
// place ("in THE NORTHERN CITY OF Kirkuk").
const maxPlaceGap = 4

// contextMentions adds to out (the sentence's mentions, in order) the
// bare agent nouns of a group outside the government that no country
// composes with ("Rebels in the Ivory Coast", "Shona rebels"): such a
// noun takes the state of a place phrase attached to it ("in/at/from X",
// X a state or a place the dictionaries put in one), else the one state
// the sentence names; with neither it is no mention (Rule "context").
// A bare noun with no place phrase must be plural ("rebels", not
// "opposition to the plan").
func (t *DocTagger) contextMentions(s *scan, sent int, out []dyad.Mention) []dyad.Mention {
	t.ethnic(s, out)
	out = t.titledNames(s, sent, out)
	if !s.ctxAgent && !s.blocked {
		// Every token outside the mentions was looked at (at) and no
		// agent of ctxSectors starts at any.
		return out
	}
	toks := s.toks
	var add []dyad.Mention
	k := 0 // next mention of out not ending before token i
	for i := 0; i < len(toks); i++ {
		if t.first[i] == nil && t.stemOff[i] == t.stemOff[i+1] {
			continue // no phrase starts here (walk would find none)
		}
		st := toks[i].Span.Start
		for k < len(out) && out[k].Span.End <= st {
			k++
		}
		if k < len(out) && out[k].Span.Start <= st {
			continue // inside a mention
		}
		if toks[i].Kind != dyad.Word || i > 0 && toks[i-1].Norm == "'S" {
			continue
		}
		end, ag := 0, int32(-1)
		for _, tm := range t.walk(s, 0, i) {
			for _, h := range tm.hits {
				if h.kind == hitAgent && tm.end > end && t.d.ctxAgent[h.idx] {
					end, ag = tm.end, h.idx
				}
			}
		}
		if ag < 0 || k < len(out) && out[k].Span.Start < toks[end-1].Span.End {
			continue
		}
		if k > 0 && ownedBy(&out[k-1], toks, i) {
			i = end - 1
			continue
		}
		a := &t.d.agents[ag]
		country, why, owner := t.placeCountry(s, end, out)
		if owner {
			i = end - 1
			continue // "the activists of Amnesty International"
		}
		if country == "" && plural(toks[end-1].Norm) {
			if c := soleState(out); c != "" {
				country, why = c, "the sentence's one state "+c
			}
		}
		if country == "" {
			i = end - 1
			continue
		}
		sp := dyad.Span{Start: st, End: toks[end-1].Span.End}
		m := dyad.Mention{Sentence: sent, Actor: dyad.Actor{Code: composeAgent(country, a), Country: countryOf(country), Span: sp},
			Rule: "context", Entry: a.name + " + " + why}
		if sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(s.text) {
			m.Text = s.text[sp.Start:sp.End]
		}
		add = append(add, m)
		i = end - 1
	}
	if len(add) == 0 {
		return out
	}
	merged := make([]dyad.Mention, 0, len(out)+len(add))
	j := 0
	for _, o := range out {
		for j < len(add) && add[j].Span.Start < o.Span.Start {
			merged = append(merged, add[j])
			j++
		}
		merged = append(merged, o)
	}
	return append(merged, add[j:]...)
}

// placeCountry returns the state of the place phrase that starts at token
// j, after an optional BASED or the like ("in the Ivory Coast", "based in
// Christian east Beirut"), and a note saying so, or "". An OF phrase
// names the group's state ("rebels of Sudan") or, when it names an
// actor without one, the group's owner: then owner is true.
func (t *DocTagger) placeCountry(s *scan, j int, out []dyad.Mention) (country, why string, owner bool) {
	toks := s.toks
	if j < len(toks) && toks[j].Norm == "OF" {
		j++
		if j < len(toks) && toks[j].Norm == "THE" {
			j++
		}
		if m := mentionAt(out, toks, j); m != nil {
			if m.Country != "" && m.Rule != "both" {
				return stateBase(m), "of " + m.Text, false
			}
			return "", "", true
		}
		return "", "", false
	}
	if j < len(toks) && placeVerbs[toks[j].Norm] {
		j++
	}
	if j >= len(toks) || !placePreps[toks[j].Norm] {
		return "", "", false
	}
	j++
	for n := 0; n <= maxPlaceGap && j < len(toks); n, j = n+1, j+1 {
		if toks[j].Kind != dyad.Word {
			return "", "", false
		}
		if m := mentionAt(out, toks, j); m != nil {
			if m.Country != "" && m.Rule != "both" {
				return stateBase(m), "place " + m.Text, false
			}
			return "", "", false
		}
	}
	return "", "", false
}

// mentionAt returns the mention of out that starts at token j, or nil.
func mentionAt(out []dyad.Mention, toks []dyad.Token, j int) *dyad.Mention {
	if j >= len(toks) {
		return nil
	}
	for m := range out {
		if out[m].Span.Start == toks[j].Span.Start {
			return &out[m]
		}
	}
	return nil
}

// ownedBy reports whether mention m, which ends before token i, is the
// actor the agent noun at i belongs to: it ends right before it, or one
// word before ("NATO peacekeeping troops"), and is an organisation or has
// a state. A religious or ethnic qualifier ("Moslem fundamentalist
// demonstrators") owns nothing: the group still needs a state.
func ownedBy(m *dyad.Mention, toks []dyad.Token, i int) bool {
	gap := 0
	for j := i - 1; j >= 0 && toks[j].Span.Start >= m.Span.End; j-- {
		if toks[j].Kind != dyad.Word {
			return false
		}
		gap++
	}
	if gap > 1 {
		return false
	}
	if m.Country != "" {
		return true
	}
	switch sectorOf(m.Code) {
	case "IGO", "NGO", "MNC", "IMG", "NGM":
		return true
	}
	return false
}

// soleState returns the state code (stateBase) of the one state the
// mentions name, or "" when they name none or several.
func soleState(out []dyad.Mention) string {
	c, base := "", ""
	for m := range out {
		x := out[m].Country
		if x == "" || out[m].Rule == "both" || x == c {
			continue
		}
		if c != "" {
			return ""
		}
		c, base = x, stateBase(&out[m])
	}
	return base
}

// stateBase returns the state part of a mention's code: the whole code
// of a state ("CIV") or of a member state of a federation ("SCGSRB",
// Serbia within Serbia and Montenegro), else its Country.
func stateBase(m *dyad.Mention) string {
	c := m.Code
	switch {
	case len(c) == 3 && countryOf(c) != "":
		return c
	case len(c) == 6 && countryOf(c) != "" && countryOf(c[3:]) != "":
		return c
	}
	return m.Country
}

// sectorOf returns the first three letters of an agent code.
func sectorOf(code string) string {
	if len(code) < 3 {
		return code
	}
	return code[:3]
}

// plural reports whether a noun's Norm is a plural form: it ends in S
// (not SS) or is MEN, PEOPLE or POLICE.
func plural(w string) bool {
	switch {
	case strings.HasSuffix(w, "MEN"), w == "PEOPLE", w == "POLICE":
		return true
	case strings.HasSuffix(w, "SS"):
		return false
	}
	return strings.HasSuffix(w, "S")
}

// ethnic recodes, in place, the mentions of out written "ethnic" and a
// demonym ("ethnic Albanians", "ethnic Serb civilians"): an ethnic group
// is not the state its name comes from, so it takes the state of a place
// phrase attached to it ("ethnic Albanians in Kosovo"), else the first
// other state the sentence names; with neither it stays as it was.
func (t *DocTagger) ethnic(s *scan, out []dyad.Mention) {
	toks := s.toks
	for i := 1; i < len(toks); i++ {
		if toks[i-1].Norm != "ETHNIC" {
			continue
		}
		m := mentionAt(out, toks, i)
		if m == nil || m.Country == "" || m.Person != "" {
			continue
		}
		end := i
		for end < len(toks) && toks[end].Span.End <= m.Span.End {
			end++
		}
		c, why, _ := t.placeCountry(s, end, out)
		if countryOf(c) == m.Country {
			c = ""
		}
		if c == "" {
			for k := range out {
				if x := out[k].Country; x != "" && x != m.Country && out[k].Rule != "both" {
					c, why = stateBase(&out[k]), "first other state "+x
					break
				}
			}
		}
		if c == "" {
			continue
		}
		rest := "CVL"
		if len(m.Code) > 3 {
			rest = m.Code[3:]
		}
		m.Entry = "ethnic " + m.Entry + " + " + why
		m.Code, m.Country, m.Rule = c+rest, countryOf(c), "context"
	}
}

// govTitles are titles of state officials that may stand before a name
// (token Norms); milTitles are military ranks.
var (
	govTitles = [][]string{
		{"PRESIDENT"}, {"VICE", "PRESIDENT"}, {"VICE", "-", "PRESIDENT"}, {"PRIME", "MINISTER"},
		{"DEPUTY", "PRIME", "MINISTER"}, {"PREMIER"}, {"MINISTER"}, {"FOREIGN", "MINISTER"},
		{"DEFENSE", "MINISTER"}, {"DEFENCE", "MINISTER"}, {"INTERIOR", "MINISTER"},
		{"FEDERAL", "MINISTER"}, {"CHANCELLOR"}, {"KING"}, {"EMIR"}, {"GOVERNOR"},
	}
	milTitles = [][]string{
		{"GENERAL"}, {"GEN", "."}, {"GEN."}, {"LIEUTENANT", "GENERAL"}, {"MAJOR", "GENERAL"},
		{"BRIGADIER"}, {"COLONEL"}, {"COL", "."}, {"COL."}, {"ADMIRAL"}, {"ADM", "."}, {"ADM."},
	}
	// orgTitles head an organization's secretariat; they take the
	// organization named right before them ("Arab League Secretary-General").
	orgTitles = [][]string{
		{"SECRETARY", "-", "GENERAL"}, {"SECRETARY", "GENERAL"}, {"DIRECTOR", "-", "GENERAL"},
		{"DIRECTOR", "GENERAL"},
	}
)

// titleSets pairs the title lists with their sectors.
var titleSets = [...]struct {
	ts     [][]string
	sector string
}{{govTitles, "GOV"}, {milTitles, "MIL"}, {orgTitles, orgSector}}

// orgSector marks the titles of orgTitles: the code is the organization's.
const orgSector = "ORG"

// titleFirst holds the first words of the titles.
var titleFirst = map[string]bool{
	"PRESIDENT": true, "VICE": true, "PRIME": true, "DEPUTY": true, "PREMIER": true, "MINISTER": true,
	"FOREIGN": true, "DEFENSE": true, "DEFENCE": true, "INTERIOR": true, "FEDERAL": true,
	"CHANCELLOR": true, "KING": true, "EMIR": true, "GOVERNOR": true, "GENERAL": true, "GEN": true,
	"GEN.": true, "LIEUTENANT": true, "MAJOR": true, "BRIGADIER": true, "COLONEL": true, "COL": true,
	"COL.": true, "ADMIRAL": true, "ADM": true, "ADM.": true, "SECRETARY": true, "DIRECTOR": true,
}

// nameParticles are lower-case words inside names ("Omar al-Bashir").
var nameParticles = map[string]bool{"AL": true, "EL": true, "BIN": true, "IBN": true, "BEN": true,
	"DE": true, "DA": true, "DI": true, "DU": true, "VAN": true, "VON": true, "LA": true, "LE": true}

// titleAt returns the end of the longest title at token i and its sector
// ("GOV" or "MIL"), or 0, "".
func titleAt(toks []dyad.Token, i int) (int, string) {
	if !titleFirst[toks[i].Norm] {
		return 0, ""
	}
	end, sector := 0, ""
	for _, set := range titleSets {
		for _, tt := range set.ts {
			if i+len(tt) > len(toks) || i+len(tt) <= end {
				continue
			}
			ok := true
			for k, w := range tt {
				if toks[i+k].Norm != w {
					ok = false
					break
				}
			}
			if ok {
				end, sector = i+len(tt), set.sector
			}
		}
	}
	return end, sector
}

// titledNames adds to out the mentions of a title and a name that no
// entry resolves ("President Abdelaziz Bouteflicka", "The Federal
// Minister for Interior Aftab Ahmad Khan Sherpao", "Gen. Ali Ghoz"): the
// official of the one state the sentence names, GOV (MIL for a military
// rank), Rule "context". Mentions inside the name (a one-word Phoenix name
// of someone else) give way to it. With no single state it adds nothing.
func (t *DocTagger) titledNames(s *scan, sent int, out []dyad.Mention) []dyad.Mention {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != dyad.Word || !capitalized(s.text, toks[i]) {
			continue
		}
		if i > 0 && toks[i-1].Norm == "-" && toks[i-1].Span.End == toks[i].Span.Start {
			continue // the end of a compound title ("Attorney-General"): no rank
		}
		te, sector := titleAt(toks, i)
		if te == 0 || covered(out, toks[i].Span.Start, toks[te-1].Span.End) {
			continue
		}
		var org *dyad.Mention
		if sector == orgSector {
			if org = orgBefore(out, toks, i); org == nil {
				i = te - 1 // not a military "General" either
				continue
			}
		}
		j := te
		// a portfolio: "Minister for Interior", "Minister of Foreign Affairs"
		if j+1 < len(toks) && (toks[j].Norm == "FOR" || toks[j].Norm == "OF") && nameLike(s.text, toks[j+1]) {
			k := j + 1
			for k < len(toks) && k-j <= 3 && nameLike(s.text, toks[k]) && mentionAt(out, toks, k) == nil {
				k++
			}
			j = k
		}
		n, e := 0, j
		for e < len(toks) && e-j < 6 {
			tk := toks[e]
			switch {
			case nameLike(s.text, tk):
				n++
			case nameParticles[tk.Norm] || tk.Norm == "-" && n > 0:
			default:
				goto done
			}
			if m := mentionAt(out, toks, e); m != nil && (m.Person != "" || stateBase(m) == m.Code && m.Code != "") {
				goto done // a known person or a state
			}
			e++
		}
	done:
		for e > j && toks[e-1].Kind != dyad.Word {
			e--
		}
		if n == 0 || e == j {
			continue
		}
		sp := dyad.Span{Start: toks[i].Span.Start, End: toks[e-1].Span.End}
		// mentions inside the name give way
		keep := out[:0:0]
		for _, o := range out {
			if o.Span.Start >= toks[j].Span.Start && o.Span.End <= sp.End {
				continue
			}
			if o.Span.Start < sp.End && o.Span.End > sp.Start {
				keep = nil
				break
			}
			keep = append(keep, o)
		}
		if keep == nil && len(out) > 0 {
			continue
		}
		var m dyad.Mention
		if org != nil {
			m = dyad.Mention{Sentence: sent, Actor: dyad.Actor{Code: org.Code, Country: org.Country, Span: sp},
				Rule: "context", Entry: "title " + normsOf(toks[i:te]) + " + organization " + org.Text}
		} else {
			c := soleState(keep)
			if c == "" {
				continue
			}
			m = dyad.Mention{Sentence: sent, Actor: dyad.Actor{Code: c + sector, Country: countryOf(c), Span: sp},
				Rule: "context", Entry: "title " + normsOf(toks[i:te]) + " + the sentence's one state " + c}
		}
		if sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(s.text) {
			m.Text = s.text[sp.Start:sp.End]
		}
		k := 0
		for k < len(keep) && keep[k].Span.Start < sp.Start {
			k++
		}
		out = append(keep[:k:k], append([]dyad.Mention{m}, keep[k:]...)...)
		i = e - 1
	}
	return out
}

// orgBefore returns the mention of out that ends right before token i
// (only blanks between) when it is an organization without a state (IGO,
// NGO), else nil.
func orgBefore(out []dyad.Mention, toks []dyad.Token, i int) *dyad.Mention {
	if i == 0 {
		return nil
	}
	for m := range out {
		if out[m].Span.End != toks[i-1].Span.End {
			continue
		}
		if out[m].Country == "" && out[m].Rule != "both" {
			switch sectorOf(out[m].Code) {
			case "IGO", "NGO":
				return &out[m]
			}
		}
		return nil
	}
	return nil
}

// covered reports whether a mention of out overlaps [start, end).
func covered(out []dyad.Mention, start, end int) bool {
	for m := range out {
		if out[m].Span.Start < end && out[m].Span.End > start {
			return true
		}
	}
	return false
}

// normsOf joins the Norms of toks with blanks ("VICE - PRESIDENT").
func normsOf(toks []dyad.Token) string {
	var b strings.Builder
	for k, tk := range toks {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tk.Norm)
	}
	return b.String()
}
