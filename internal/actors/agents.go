package actors

import (
	"fmt"
	"io"
	"strings"

	"github.com/dyad-dev/dyad"
)

// An agent is a common noun that composes with an actor: "OFFICIAL [~GOV]"
// adds GOV after the actor's code, "HUMAN_RIGHTS_BODY [NGO~]" puts NGO
// before it.
type agent struct {
	name   string // phrase as written: "FOREIGN_MINISTRY"
	code   string // "GOV"
	prefix bool   // the code goes before the actor code
}

// builtinAgents supplements Phoenix.agents.txt, which lacks the plain
// nouns most common in diplomatic text ("Chinese officials"). Default loads
// it after the Phoenix agents, whose entries win where both have a phrase.
const builtinAgents = `
OFFICIAL [~GOV]
AUTHORITIES {} [~GOV]
NEGOTIATOR [~GOV]
DELEGATION [~GOV]
LEADER [~GOV]
LEADERSHIP {} [~GOV]
COUNTERPART [~GOV]
FORCES {} [~MIL]
ARMED_FORCES {} [~MIL]
# groups Phoenix has only in longer phrases (Phoenix's YOUTH is a synonym
# of the Basque group GAZTERIAK, which matches capitalised words only)
YOUTH [~CVL]
PRISONER [~CVL]
INMATE [~CVL]
FUNDAMENTALIST [~RAD]
PROTESTOR [~OPP]
OPPOSITION_GROUP [~OPP]
# heads of state Phoenix lists only as KING and MONARCH
EMIR [~GOV]
SULTAN [~GOV]
`

// builtinAgentsName is the diagnostic source of builtinAgents.
const builtinAgentsName = "actors/builtin-agents"

// An agentPhrase is one compiled form of an agent.
type agentPhrase struct {
	agent int32
	phrase
}

// AddAgents reads an agents dictionary in Phoenix syntax:
//
//	!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
//	CONGRESS!PERSON! [~LEG]
//	ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
//	POLICE {} [~COP]
//
// A blank between words is read as an underscore: dyad matches agent
// phrases as consecutive words.
func (l *Loader) AddAgents(name string, r io.Reader) {
	subst := map[string][]string{}
	l.lines(name, r, func(n int, raw string) {
		line := strings.TrimSpace(stripComment(raw))
		if line == "" || strings.HasPrefix(line, "<") {
			return
		}
		if line[0] == '!' {
			if i := strings.IndexByte(line, '='); i > 0 && strings.Count(line[:i], "!") == 2 {
				key := strings.TrimSpace(line[:i])
				var vals []string
				for _, v := range strings.Split(line[i+1:], ",") {
					if v = strings.ReplaceAll(v, " ", ""); v != "" {
						vals = append(vals, v)
					}
				}
				subst[key] = vals
				return
			}
		}
		phr, codes := splitCodes(line)
		if codes == "" {
			l.diag(name, n, fmt.Sprintf("agent %q has no code", strings.TrimSpace(phr)))
			return
		}
		if !strings.HasPrefix(codes, "[") || !strings.HasSuffix(codes, "]") || strings.Count(codes, "[") != 1 {
			l.diag(name, n, fmt.Sprintf("bad code bracket: %q", codes))
			return
		}
		code := strings.TrimSpace(codes[1 : len(codes)-1])
		a := agent{}
		switch {
		case strings.HasPrefix(code, "~"):
			a.code = code[1:]
		case strings.HasSuffix(code, "~"):
			a.code, a.prefix = code[:len(code)-1], true
		default:
			l.diag(name, n, fmt.Sprintf("agent code %q lacks the ~ connector", code))
			return
		}
		if !validCode(a.code) {
			l.diag(name, n, fmt.Sprintf("bad agent code %q", code))
			return
		}
		// Plural in {...}: "{}" means none.
		var plural []string
		autoPlural := true
		if i := strings.IndexByte(phr, '{'); i >= 0 {
			j := strings.IndexByte(phr[i:], '}')
			if j < 0 {
				l.diag(name, n, "missing '}' in agent plural")
				return
			}
			plural = strings.Fields(phr[i+1 : i+j])
			phr = phr[:i] + phr[i+j+1:]
			autoPlural = false
		}
		phr = strings.TrimSpace(phr)
		if phr == "" {
			l.diag(name, n, "agent with an empty phrase")
			return
		}
		a.name = strings.TrimRight(phr, "_")
		l.agents = append(l.agents, a)
		idx := int32(len(l.agents) - 1)
		forms := expandMarkers(phr, subst)
		if len(forms) > 1 || strings.Contains(phr, "!") {
			autoPlural = false // substituted forms carry their own plurals
		}
		for _, f := range forms {
			l.addAgentPhrase(name, n, idx, f, autoPlural)
		}
		for _, p := range plural {
			l.addAgentPhrase(name, n, idx, p, false)
		}
	})
}

func (l *Loader) addAgentPhrase(name string, n int, idx int32, p string, autoPlural bool) {
	exact := strings.HasSuffix(p, "_")
	p = strings.TrimRight(p, "_")
	words := l.words(p)
	if len(words) == 0 {
		l.diag(name, n, fmt.Sprintf("empty agent phrase %q", p))
		return
	}
	l.agentPhrases = append(l.agentPhrases, agentPhrase{
		agent:  idx,
		phrase: phrase{words: words, stem: !exact && l.Stems && autoPlural, plural: autoPlural},
	})
}

// expandMarkers substitutes every !MARKER! of p by each value of its set.
// Unknown markers are left as written.
func expandMarkers(p string, subst map[string][]string) []string {
	i := strings.IndexByte(p, '!')
	if i < 0 {
		return []string{p}
	}
	j := strings.IndexByte(p[i+1:], '!')
	if j < 0 {
		return []string{p}
	}
	key := p[i : i+j+2]
	vals, ok := subst[key]
	if !ok {
		return []string{p}
	}
	var out []string
	for _, v := range vals {
		out = append(out, expandMarkers(p[:i]+v+p[i+j+2:], subst)...)
	}
	return out
}

// Options change how a Dictionary tags. The zero value is dyad's default;
// the TABARI rules are for coding with a TABARI project's dictionaries.
type Options struct {
	// TABARIAgents applies TABARI's agent rules (its manual, §5.4): an
	// agent composes with any actor, not only a state ("Ithilen's
	// president" is ITHGOVPRS where ITH is a group), when it stands right
	// after the actor, right before it ("President Romendacil") or before
	// OF or IN and the actor ("the ambassadors of Arnor"); FORMER before
	// the actor or the agent makes the agent an elite (ELI); and a name of
	// the same actor right after "actor agent" belongs to the mention
	// ("Bree Prime Minister Romendacil" is one BREGOV).
	TABARIAgents bool
	// ConvertAgents makes an agent with no actor an actor of its own, coded
	// by the agent code with its connector ("guerrillas" is "~REB"), as
	// TABARI's SET: CONVERT AGENTS = TRUE does.
	ConvertAgents bool
}

// With returns a copy of d that tags with options o. d is not changed, and
// both share their read-only tables.
func (d *Dictionary) With(o Options) *Dictionary {
	c := *d
	c.opts = o
	return &c
}

// Options returns the options d tags with.
func (d *Dictionary) Options() Options { return d.opts }

// eliAgent is what an agent becomes after FORMER: an elite.
var eliAgent = agent{name: "FORMER", code: "ELI"}

// agentOf returns a, or the elite agent when former is set.
func (t *DocTagger) agentOf(a *agent, former bool) *agent {
	if former {
		return &eliAgent
	}
	return a
}

// actorAt returns the code and end of the longest actor phrase with a
// code starting at token j (any actor, not only states), or "".
func (t *DocTagger) actorAt(s *scan, depth, j int) (string, int) {
	best, end := "", 0
	if j >= len(s.toks) {
		return "", 0
	}
	for _, tm := range t.walk(s, depth, j) {
		for _, h := range tm.hits {
			if code := t.hitCode(s, h); code != "" && tm.end > end {
				best, end = code, tm.end
			}
		}
	}
	return best, end
}

// sameActorAt returns the end of an actor phrase at token j whose code
// has the same first three letters as code, or j when there is none.
func (t *DocTagger) sameActorAt(s *scan, depth, j int, code string) int {
	c, end := t.actorAt(s, depth, j)
	if c == "" || len(c) < 3 || len(code) < 3 || c[:3] != code[:3] {
		return j
	}
	return end
}

// agentCands considers the mentions an agent at tokens [i, end) starts
// under Options: the agent followed by its actor, directly or after OF
// or IN ("President Romendacil", "the ambassadors of Arnor"), and, with
// ConvertAgents, the agent alone.
func (t *DocTagger) agentCands(s *scan, i, end int, h hit) {
	a := &t.d.agents[h.idx]
	former := i > 0 && s.toks[i-1].Norm == "FORMER"
	if t.d.opts.TABARIAgents && end < len(s.toks) {
		j := end
		if w := s.toks[j].Norm; w == "OF" || w == "IN" {
			j++
		}
		f := former
		if j < len(s.toks) && s.toks[j].Norm == "FORMER" {
			j++
			f = true
		}
		if code, e := t.actorAt(s, 1, j); code != "" {
			s.consider(cand{end: e, prio: prioAgent, rank: h.order, person: -1,
				m:      dyad.Mention{Actor: dyad.Actor{Code: composeAgent(code, t.agentOf(a, f)), Country: countryOf(code)}, Rule: "agent", Entry: a.name},
				entry2: a.name})
			return
		}
	}
	if t.d.opts.ConvertAgents {
		code := "~" + a.code
		if a.prefix {
			code = a.code + "~"
		}
		s.consider(cand{end: end, prio: prioAgent, rank: h.order, person: -1,
			m: dyad.Mention{Actor: dyad.Actor{Code: code}, Rule: "agent", Entry: a.name}})
	}
}
