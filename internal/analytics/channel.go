package analytics

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// A Channel is a dialogue mechanism of a dyad: a summit series, a
// ministerial dialogue, military talks, a hotline, a working group. The
// registry (dictionaries/dyad.channels.txt) names them; their states come
// from events.
type Channel struct {
	ID      string    `json:"id"`
	Dyad    [2]string `json:"dyad"`
	Name    string    `json:"name"`
	Kind    string    `json:"kind"`
	Aliases []string  `json:"aliases"` // normalized (see normalize)
	Cadence int       `json:"cadence"` // usual months between meetings; 0 for none
	Root    string    `json:"root"`    // CAMEO root of the channel's acts: "04" or "06"
}

// ParseChannels reads a channel registry. Problems are diagnostics naming
// the line; the other channels still load.
func ParseChannels(name string, r io.Reader) ([]Channel, dyad.DiagnosticList, error) {
	var (
		out   []Channel
		diags dyad.DiagnosticList
		cur   *Channel
		start int
	)
	flush := func() {
		if cur == nil {
			return
		}
		switch {
		case cur.Dyad[0] == "":
			diags = append(diags, dyad.Diagnostic{Source: name, Line: start, Msg: fmt.Sprintf("channel %s: missing dyad", cur.ID)})
		case len(cur.Aliases) == 0:
			diags = append(diags, dyad.Diagnostic{Source: name, Line: start, Msg: fmt.Sprintf("channel %s: no name or aliases to match", cur.ID)})
		default:
			out = append(out, *cur)
		}
		cur = nil
	}
	lr := newRegistryLines(r)
	for n, line := range lr.all() {
		if id, ok := strings.CutPrefix(line, "channel "); ok {
			flush()
			cur, start = &Channel{ID: strings.TrimSpace(id), Root: "04"}, n
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || cur == nil {
			diags = append(diags, dyad.Diagnostic{Source: name, Line: n, Msg: fmt.Sprintf("expected \"channel ID\" or \"key: value\", got %q", line)})
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch k {
		case "dyad":
			a, b, ok := strings.Cut(strings.ToUpper(v), "-")
			if !ok || len(a) != 3 || len(b) != 3 {
				diags = append(diags, dyad.Diagnostic{Source: name, Line: n, Msg: fmt.Sprintf("bad dyad %q (want A-B)", v)})
				continue
			}
			cur.Dyad = [2]string{a, b}
		case "name":
			cur.Name = v
			cur.Aliases = append(cur.Aliases, normalize(v))
		case "kind":
			cur.Kind = v
		case "aliases":
			for _, a := range strings.Split(v, ";") {
				if a = normalize(a); a != "" {
					cur.Aliases = append(cur.Aliases, a)
				}
			}
		case "cadence":
			m, err := strconv.Atoi(v)
			if err != nil || m < 0 {
				diags = append(diags, dyad.Diagnostic{Source: name, Line: n, Msg: fmt.Sprintf("bad cadence %q (want months)", v)})
				continue
			}
			cur.Cadence = m
		case "code":
			if v != "04" && v != "06" {
				diags = append(diags, dyad.Diagnostic{Source: name, Line: n, Msg: fmt.Sprintf("bad code %q (want 04 or 06)", v)})
				continue
			}
			cur.Root = v
		default:
			diags = append(diags, dyad.Diagnostic{Source: name, Line: n, Msg: fmt.Sprintf("unknown key %q", k)})
		}
	}
	flush()
	if err := lr.err(); err != nil {
		return nil, diags, fmt.Errorf("read %s: %w", name, err)
	}
	return out, diags, nil
}

// normalize lower-cases s and turns every run of non-alphanumeric
// characters into one space, with a space at each end, so that whole-word
// matching is a substring test.
func normalize(s string) string {
	var b strings.Builder
	b.WriteByte(' ')
	space := true
	for _, r := range strings.ToLower(s) {
		if r == '’' {
			r = '\''
		}
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '\'' || r > 127 {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	s = b.String()
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return s
}

// A Report is an event with the sentence that reported it, which channel
// matching reads.
type Report struct {
	Event *dyad.Event `json:"event"`
	Text  string      `json:"text"` // the sentence
}

// Channel states.
const (
	ChannelActive    = "active"    // met within its cadence
	ChannelSuspended = "suspended" // suspended or cancelled by one side
	ChannelResumed   = "resumed"   // restarted after a suspension
	ChannelPromised  = "promised"  // agreed or announced, not yet held
	ChannelDormant   = "dormant"   // no meeting for twice its cadence
	ChannelUnknown   = "unknown"   // no event in the database
)

// A Change is one event that moved or documents a channel's state.
type Change struct {
	Date   time.Time   `json:"date"`
	State  string      `json:"state"`  // the state after the event ("" when it changed nothing)
	Status dyad.Status `json:"status"` // the event's status
	By     string      `json:"by"`     // who acted: person or actor code
	Reason string      `json:"reason"` // the stated reason ("after ...", "in response to ..."), when found
	Report Report      `json:"report"`
}

// A ChannelState is a channel's state as of a date, with the evidence for
// every change.
type ChannelState struct {
	Channel     Channel   `json:"channel"`
	State       string    `json:"state"`
	Since       time.Time `json:"since"`        // when the current state began
	By          string    `json:"by"`           // who brought it about (for suspensions)
	LastMeeting time.Time `json:"last_meeting"` // the last event of the channel that occurred
	Changes     []Change  `json:"changes"`      // in date order
	// Corrections are the analysts' corrections applied to it.
	Corrections []dyad.Correction `json:"corrections"`
}

// ChannelStates computes every channel's state as of asOf (zero: no
// limit) from the reports. A report belongs to a channel when the act it
// names (Event.Object) or, failing that, its sentence names the channel,
// its parties are the channel's states, and its act is of the channel's
// kind (a consultation or a cooperation, or any act with a status that
// changes channels: cancelled, suspended, resumed, planned, proposed).
func ChannelStates(chs []Channel, reports []Report, asOf time.Time) []ChannelState {
	rs := append([]Report(nil), reports...)
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i].Event, rs[j].Event
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		return a.ID < b.ID
	})
	out := make([]ChannelState, len(chs))
	for i, ch := range chs {
		out[i] = ChannelState{Channel: ch, State: ChannelUnknown}
	}
	seen := map[string]bool{} // channel + event key: one change per event
	for _, r := range rs {
		ev := r.Event
		if !asOf.IsZero() && ev.Date.After(asOf) {
			continue
		}
		matched := matchChannels(chs, r)
		for _, ci := range matched {
			k := chs[ci].ID + "|" + ev.Key
			if seen[k] {
				continue
			}
			seen[k] = true
			apply(&out[ci], r, len(matched) == 1)
		}
	}
	for i := range out {
		dormant(&out[i], asOf)
	}
	return out
}

// matchChannels returns the indexes of the channels r belongs to.
func matchChannels(chs []Channel, r Report) []int {
	ev := r.Event
	var byObject, bySentence []int
	obj := normalize(ev.Object)
	sent := normalize(r.Text)
	for i, ch := range chs {
		if !parties(ch, ev) || !kindOf(ch, ev) {
			continue
		}
		for _, a := range ch.Aliases {
			if obj != "" && strings.Contains(obj, a) {
				byObject = append(byObject, i)
				break
			}
			if strings.Contains(sent, a) {
				bySentence = append(bySentence, i)
				break
			}
		}
	}
	if len(byObject) > 0 {
		return byObject
	}
	return bySentence
}

func parties(ch Channel, ev *dyad.Event) bool {
	s := ev.Source.Country
	if s != ch.Dyad[0] && s != ch.Dyad[1] {
		return false
	}
	if ev.Target == nil {
		return true
	}
	t := ev.Target.Country
	return t != s && (t == ch.Dyad[0] || t == ch.Dyad[1])
}

func kindOf(ch Channel, ev *dyad.Event) bool {
	switch ev.Status {
	case dyad.StatusCancelled, dyad.StatusSuspended, dyad.StatusResumed, dyad.StatusPlanned, dyad.StatusProposed, dyad.StatusDeclined, dyad.StatusPostponed:
		return true
	case dyad.StatusNegated, dyad.StatusHypothetical:
		return false
	}
	return ev.Root() == ch.Root || ev.Root() == "04" || ev.Root() == "03" && ch.Root == "06"
}

// apply moves a channel's state with one report. only says whether the
// report names this channel alone: a sentence listing several channels
// does not make each of them active, but its suspensions and resumptions
// apply to all.
func apply(cs *ChannelState, r Report, only bool) {
	ev := r.Event
	by := ev.Source.Person
	if by == "" {
		by = ev.Source.Code
	}
	c := Change{Date: ev.Date, Status: ev.Status, By: by, Reason: ReasonOf(r.Text), Report: r}
	set := func(state string) {
		if cs.State != state {
			cs.State, cs.Since = state, ev.Date
			c.State = state
		}
	}
	switch ev.Status {
	case dyad.StatusCancelled, dyad.StatusSuspended:
		set(ChannelSuspended)
		cs.By = by
	case dyad.StatusResumed:
		set(ChannelResumed)
		cs.By = ""
	case dyad.StatusPlanned, dyad.StatusProposed:
		if cs.State == ChannelUnknown {
			set(ChannelPromised)
		}
	case dyad.StatusOccurred, dyad.StatusOngoing:
		if !only {
			break
		}
		cs.LastMeeting = ev.Date
		switch cs.State {
		case ChannelSuspended:
			set(ChannelResumed)
			cs.By = ""
		case ChannelResumed, ChannelActive:
		default:
			set(ChannelActive)
		}
	}
	cs.Changes = append(cs.Changes, c)
}

// dormant marks an active channel that has not met for twice its cadence.
func dormant(cs *ChannelState, asOf time.Time) {
	if asOf.IsZero() || cs.Channel.Cadence == 0 || cs.LastMeeting.IsZero() {
		return
	}
	if cs.State != ChannelActive && cs.State != ChannelResumed {
		return
	}
	if due := cs.LastMeeting.AddDate(0, 2*cs.Channel.Cadence, 0); asOf.After(due) {
		cs.State, cs.Since = ChannelDormant, due
	}
}
