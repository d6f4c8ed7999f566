package actors

import (
	"fmt"
	"io"
	"strings"
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
