package export_test

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/export"
)

// fill sets every field of the struct v points to (recursively) to a
// non-zero value built from s and n, so that no omitempty hides a field.
func fill(v reflect.Value, s string, n int64, f float64) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Int, reflect.Int64:
		v.SetInt(n)
	case reflect.Float64:
		v.SetFloat(f)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), s, n+int64(i), f)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range v.Len() {
			fill(v.Index(i), s, n+int64(i), f)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), s, n, f)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), s, n, f)
		}
	}
}

func checkAppendJSON(t *testing.T, r *export.Record) {
	t.Helper()
	want, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.AppendJSON(nil); !bytes.Equal(got, want) {
		t.Errorf("AppendJSON(%+v)\n = %s\nwant %s", r, got, want)
	}
}

func TestRecord_AppendJSON(t *testing.T) {
	full := func(s string, n int64, f float64) *export.Record {
		var r export.Record
		fill(reflect.ValueOf(&r).Elem(), s, n, f)
		return &r
	}
	tests := []struct {
		name string
		r    *export.Record
	}{
		{"Zero", &export.Record{}},
		{"EmptyLists", &export.Record{Issues: []string{}, Context: []string{}, Sources: []export.SourceRecord{}}},
		{"Full", full("Wang Yi", 7, -7.2)},
		{"Escapes", full("a\"b\\c\n\r\t\b\f\x00\x1f<p>&amp; \u2028\u2029 é 中 \xff\xc3( \U0001F600", -3, 1e-7)},
		{"Typical", func() *export.Record {
			r := export.NewRecord(&dyad.Event{ID: 12, DocID: 3, Key: "k", Span: dyad.Span{Start: 0, End: 5}, CAMEO: "040",
				Source: dyad.Actor{Code: "USAGOV", Country: "USA"}, Goldstein: 1, Status: dyad.StatusOccurred,
				Sources: []dyad.EventSource{{DocID: 3, Publisher: "state.gov"}}}, "Hello", nil)
			return &r
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkAppendJSON(t, tt.r) })
	}
}

func TestAppendJSON_Floats(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 3.4, -10, 10, 1e-6, 9.99e-7, 1e-7, 1.5e-300,
		1e20, 1e21, 1.2345e22, math.MaxFloat64, math.SmallestNonzeroFloat64, 123456789.125, -2.5e-9} {
		checkAppendJSON(t, &export.Record{Goldstein: f})
	}
}

func FuzzRecord_AppendJSON(f *testing.F) {
	f.Add("Blinken met Wang Yi.", int64(1), 3.4)
	f.Add("<script>alert('x')</script> & \u2028", int64(-5), -1e-9)
	f.Add("\xed\xa0\x80 \xf4\x90\x80\x80 \x7f", int64(0), 1e21)
	f.Fuzz(func(t *testing.T, s string, n int64, g float64) {
		if math.IsNaN(g) || math.IsInf(g, 0) {
			return // json.Marshal refuses them
		}
		var r export.Record
		fill(reflect.ValueOf(&r).Elem(), s, n, g)
		checkAppendJSON(t, &r)
	})
}

func BenchmarkRecord_AppendJSON(b *testing.B) {
	var r export.Record
	fill(reflect.ValueOf(&r).Elem(), "Secretary Blinken met Director Wang Yi in Beijing.", 12345, -7.2)
	b.Run("AppendJSON", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf = r.AppendJSON(buf[:0])
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(&r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
