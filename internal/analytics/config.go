package analytics

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-dev/dyad"
)

// IndexConfig holds the weights and dynamics of the relations index. The
// shipped values are in dictionaries/dyad.index.txt, which documents each.
type IndexConfig struct {
	Level       map[dyad.Level]float64
	Status      map[dyad.Status]float64
	Persistence float64
	Baseline    float64
	Scale       float64
}

// levelNames maps the config's level keys to levels; "other" is the level
// of states, organs and unnamed officials.
var levelNames = map[string]dyad.Level{
	"leader": dyad.LevelLeader, "senior": dyad.LevelSenior, "minister": dyad.LevelMinister,
	"military": dyad.LevelMilitary, "deputy": dyad.LevelDeputy, "official": dyad.LevelOfficial,
	"other": dyad.LevelOther,
}

// ParseIndexConfig reads "key = value" lines. Unknown keys and bad values
// are diagnostics naming the line; the rest of the file still applies.
// Keys the file does not set keep the zero value, so a user's file should
// start from a copy of the shipped one.
func ParseIndexConfig(name string, r io.Reader) (*IndexConfig, dyad.DiagnosticList, error) {
	cfg := &IndexConfig{Level: map[dyad.Level]float64{}, Status: map[dyad.Status]float64{}}
	var diags dyad.DiagnosticList
	lr := newRegistryLines(r)
	for n, line := range lr.all() {
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			diags = append(diags, dyad.Diagnostic{Source: name, Line: n, Msg: fmt.Sprintf("expected \"key = value\", got %q", line)})
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			diags = append(diags, dyad.Diagnostic{Source: name, Line: n, Msg: fmt.Sprintf("%s: %q is not a number", k, v)})
			continue
		}
		switch {
		case strings.HasPrefix(k, "level."):
			lv, ok := levelNames[strings.TrimPrefix(k, "level.")]
			if !ok {
				diags = append(diags, dyad.Diagnostic{Source: name, Line: n, Msg: fmt.Sprintf("unknown level in %q", k)})
				continue
			}
			cfg.Level[lv] = f
		case strings.HasPrefix(k, "status."):
			st := dyad.Status(strings.TrimPrefix(k, "status."))
			if !dyad.ValidStatus(st) {
				diags = append(diags, dyad.Diagnostic{Source: name, Line: n, Msg: fmt.Sprintf("unknown status in %q", k)})
				continue
			}
			cfg.Status[st] = f
		case k == "persistence":
			if f < 0 || f > 1 {
				diags = append(diags, dyad.Diagnostic{Source: name, Line: n, Msg: "persistence must be between 0 and 1"})
				continue
			}
			cfg.Persistence = f
		case k == "baseline":
			cfg.Baseline = f
		case k == "scale":
			cfg.Scale = f
		default:
			diags = append(diags, dyad.Diagnostic{Source: name, Line: n, Msg: fmt.Sprintf("unknown key %q", k)})
		}
	}
	if err := lr.err(); err != nil {
		return nil, diags, fmt.Errorf("read %s: %w", name, err)
	}
	return cfg, diags, nil
}
