package analytics

import (
	"time"

	"github.com/dyad-dev/dyad"
)

// Corrections are applied after every computation, in the order they were
// made, so the latest correction of a field wins and a recomputation never
// loses one. Each corrected object lists the corrections applied to it.

// ApplyMeetingCorrections applies corrections keyed by Meeting.Key.
func ApplyMeetingCorrections(ms []Meeting, cs []dyad.Correction) []Meeting {
	out := append([]Meeting(nil), ms...)
	for i := range out {
		m := &out[i]
		for _, c := range cs {
			if c.Kind != dyad.CorrectMeeting || c.Key != m.Key {
				continue
			}
			switch c.Field {
			case "state":
				m.State = c.Value
			case "place":
				m.Place = c.Value
			case "format":
				m.Format = c.Value
			default:
				continue
			}
			m.Corrections = append(m.Corrections, c)
		}
	}
	return out
}

// ApplyChannelCorrections applies corrections keyed by channel ID.
func ApplyChannelCorrections(states []ChannelState, cs []dyad.Correction) []ChannelState {
	out := append([]ChannelState(nil), states...)
	for i := range out {
		st := &out[i]
		for _, c := range cs {
			if c.Kind != dyad.CorrectChannel || c.Key != st.Channel.ID {
				continue
			}
			switch c.Field {
			case "state":
				st.State = c.Value
			case "since":
				t, err := time.Parse("2006-01-02", c.Value)
				if err != nil {
					continue
				}
				st.Since = t
			case "by":
				st.By = c.Value
			default:
				continue
			}
			st.Corrections = append(st.Corrections, c)
		}
	}
	return out
}

// ApplyCommitmentCorrections applies corrections keyed by the promise
// event's Key.
func ApplyCommitmentCorrections(cms []Commitment, cs []dyad.Correction) []Commitment {
	out := append([]Commitment(nil), cms...)
	for i := range out {
		cm := &out[i]
		for _, c := range cs {
			if c.Kind != dyad.CorrectCommitment || c.Key != cm.Promise.Event.Key {
				continue
			}
			switch c.Field {
			case "status":
				cm.Status = c.Value
			case "deadline":
				t, err := time.Parse("2006-01-02", c.Value)
				if err != nil {
					continue
				}
				cm.Deadline, cm.Stated = t, true
			default:
				continue
			}
			cm.Corrections = append(cm.Corrections, c)
		}
	}
	return out
}

// ApplyEventCorrections returns events with the corrections keyed by
// Event.Key applied to copies; the events given are not changed. Codes in
// "source" and "target" corrections replace the actor code (and country,
// its first three letters).
func ApplyEventCorrections(events []*dyad.Event, cs []dyad.Correction) []*dyad.Event {
	byKey := map[string][]dyad.Correction{}
	for _, c := range cs {
		if c.Kind == dyad.CorrectEvent {
			byKey[c.Key] = append(byKey[c.Key], c)
		}
	}
	if len(byKey) == 0 {
		return events
	}
	out := make([]*dyad.Event, len(events))
	for i, ev := range events {
		fixes := byKey[ev.Key]
		if len(fixes) == 0 {
			out[i] = ev
			continue
		}
		e := *ev
		if ev.Target != nil {
			t := *ev.Target
			e.Target = &t
		}
		for _, c := range fixes {
			switch c.Field {
			case "status":
				e.Status = dyad.Status(c.Value)
			case "cameo":
				e.CAMEO = c.Value
			case "source":
				e.Source.Code, e.Source.Country = c.Value, country(c.Value)
			case "target":
				if e.Target == nil {
					e.Target = &dyad.Actor{}
				}
				e.Target.Code, e.Target.Country = c.Value, country(c.Value)
			case "date":
				if t, err := time.Parse("2006-01-02", c.Value); err == nil {
					e.Date, e.DateEnd = t, t
				}
			}
		}
		out[i] = &e
	}
	return out
}

func country(code string) string {
	if len(code) >= 3 {
		return code[:3]
	}
	return code
}
