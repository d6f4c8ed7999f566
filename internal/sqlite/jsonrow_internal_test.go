package sqlite

import (
	"reflect"
	"testing"
)

// readAll reads a row of strings, integers and nulls the way scanEvent
// does, guessing each value's kind from its first byte.
func readAll(s string) ([]any, error) {
	r := &jsonRow{s: s}
	r.begin()
	var out []any
	for r.more() {
		switch {
		case r.null():
			out = append(out, nil)
		case r.s[r.i] == '"':
			out = append(out, r.text())
		case r.s[r.i] == '[':
			inner := &jsonRow{s: r.s, i: r.i}
			inner.begin()
			var l []string
			for inner.more() {
				l = append(l, inner.text())
			}
			r.i, r.err = inner.i, inner.err
			out = append(out, l)
		default:
			out = append(out, r.int())
		}
	}
	return out, r.done()
}

func TestJSONRow(t *testing.T) {
	tests := []struct {
		in      string
		want    []any
		wantErr bool
	}{
		{`[]`, nil, false},
		{`[1,-20,"a",null,""]`, []any{int64(1), int64(-20), "a", nil, ""}, false},
		{`["q\"b\\s\/\n\t\r\b\f\u0000\u001f\u00e9\ud83d\ude00"]`, []any{"q\"b\\s/\n\t\r\b\f\x00\x1fé😀"}, false},
		{"[\"raw \xff bytes\"]", []any{"raw \xff bytes"}, false},
		{`[["a","b"],[]]`, []any{[]string{"a", "b"}, []string(nil)}, false},
		{`[1`, []any{int64(1)}, true},
		{`["abc`, nil, true},
		{`["a\x"]`, nil, true},
		{`["a\u12"]`, nil, true},
		{`[1.5]`, nil, true},
		{`[1] x`, []any{int64(1)}, true},
		{``, nil, true},
		{`{}`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := readAll(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("read(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("read(%q) = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzJSONRow checks that no input makes the reader panic or loop.
func FuzzJSONRow(f *testing.F) {
	for _, s := range []string{`[1,"a",null]`, `[["x"]]`, `["\u00`, `[-`, `["\\"]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = readAll(s)
	})
}
