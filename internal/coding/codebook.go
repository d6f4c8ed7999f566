package coding

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/dyad-dev/dyad"
)

// A Code is one CAMEO event code with what dyad records about it.
type Code struct {
	Code      string   // CAMEO code: "042"
	Name      string   // "Make a visit"
	Goldstein float64  // from the CAMEO 1.1b3 codebook
	Quad      int      // GDELT quad class 1-4
	PLOVER    string   // PLOVER 2.0 type; "" for roots 01 and 02
	Mode      string   // PLOVER mode: "visit", "phone", …
	Context   []string // PLOVER contexts
}

// Codebook maps CAMEO codes to names, Goldstein values, quad classes and
// PLOVER type/mode/context. It is read-only after loading.
type Codebook struct {
	codes map[string]Code
}

// LoadCodebook reads the CAMEO codebook csv (columns name, code, goldstein,
// as in icews/cameo-codes.csv) and the CAMEO→PLOVER map (cameo-plover.txt)
// from fsys.
func LoadCodebook(fsys fs.FS, cameoCSV, ploverMap string) (*Codebook, error) {
	f, err := fsys.Open(cameoCSV)
	if err != nil {
		return nil, fmt.Errorf("open codebook %s: %w", cameoCSV, err)
	}
	defer f.Close()
	cb := &Codebook{codes: make(map[string]Code, 320)}
	if err := cb.readCSV(f, cameoCSV); err != nil {
		return nil, err
	}
	g, err := fsys.Open(ploverMap)
	if err != nil {
		return nil, fmt.Errorf("open plover map %s: %w", ploverMap, err)
	}
	defer g.Close()
	if err := cb.readPLOVER(g, ploverMap); err != nil {
		return nil, err
	}
	return cb, nil
}

func (c *Codebook) readCSV(r io.Reader, name string) error {
	cr := csv.NewReader(r)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("read codebook %s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(h)] = i
	}
	ci, ok1 := col["code"]
	ni, ok2 := col["name"]
	gi, ok3 := col["goldstein"]
	if !ok1 || !ok2 || !ok3 {
		return dyad.Errorf(dyad.EINVALID, "codebook %s: header must have code, name and goldstein columns", name)
	}
	line := 1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			return fmt.Errorf("read codebook %s: %w", name, err)
		}
		if len(rec) <= max(ci, ni, gi) {
			return dyad.Errorf(dyad.EINVALID, "codebook %s:%d: too few fields", name, line)
		}
		code := strings.TrimSpace(rec[ci])
		gs, err := strconv.ParseFloat(strings.TrimSpace(rec[gi]), 64)
		if err != nil || !validCode(code) {
			return dyad.Errorf(dyad.EINVALID, "codebook %s:%d: bad code %q or goldstein %q", name, line, code, rec[gi])
		}
		c.codes[code] = Code{Code: code, Name: strings.TrimSpace(rec[ni]), Goldstein: gs, Quad: quadClass(code)}
	}
	if len(c.codes) == 0 {
		return dyad.Errorf(dyad.EINVALID, "codebook %s: no codes", name)
	}
	return nil
}

func (c *Codebook) readPLOVER(r io.Reader, name string) error {
	type pl struct {
		typ, mode string
		ctx       []string
	}
	m := map[string]pl{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		f := strings.Fields(s)
		if len(f) == 0 {
			continue
		}
		if len(f) != 4 || !validCode(f[0]) {
			return dyad.Errorf(dyad.EINVALID, "plover map %s:%d: want CODE TYPE MODE CONTEXTS", name, line)
		}
		p := pl{typ: dash(f[1]), mode: dash(f[2])}
		if ctx := dash(f[3]); ctx != "" {
			p.ctx = strings.Split(ctx, ",")
		}
		m[f[0]] = p
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read plover map %s: %w", name, err)
	}
	for code, cd := range c.codes {
		for p := code; p != ""; p = p[:len(p)-1] {
			if x, ok := m[p]; ok {
				cd.PLOVER, cd.Mode, cd.Context = x.typ, x.mode, x.ctx
				break
			}
		}
		c.codes[code] = cd
	}
	return nil
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// Lookup returns the entry for a CAMEO code.
func (c *Codebook) Lookup(code string) (Code, bool) {
	if c == nil {
		return Code{}, false
	}
	x, ok := c.codes[code]
	return x, ok
}

// Len returns the number of codes in the codebook.
func (c *Codebook) Len() int { return len(c.codes) }

// quadClass returns the GDELT quad class of a CAMEO code: verbal
// cooperation 01–05, material cooperation 06–08, verbal conflict 09–13 and
// 16, material conflict 14–15 and 17–20.
func quadClass(code string) int {
	if len(code) < 2 {
		return 0
	}
	root, err := strconv.Atoi(code[:2])
	if err != nil {
		return 0
	}
	switch {
	case root >= 1 && root <= 5:
		return 1
	case root >= 6 && root <= 8:
		return 2
	case root >= 9 && root <= 13, root == 16:
		return 3
	case root >= 14 && root <= 20:
		return 4
	}
	return 0
}

func validCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
