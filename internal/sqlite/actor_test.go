package sqlite_test

import (
	"reflect"
	"testing"

	"github.com/dyad-dev/dyad/internal/sqlite"
)

func TestActorService_FindActors(t *testing.T) {
	db := MustOpenDB(t)
	docs := sqlite.NewDocumentService(db)
	ctx := t.Context()
	for i, text := range []string{
		"Blinken met Wang Yi in Beijing.",
		"Xi Jinping met Biden in Woodside. Biden met Taiwan.",
	} {
		if _, err := docs.CreateDocument(ctx, newBundle("doc"+string(rune('a'+i)), text)); err != nil {
			t.Fatal(err)
		}
	}
	// Events: USAGOV->CHNGOV, CHNGOV->USAGOV, USAGOV->TWN.
	ptr := func(s string) *string { return &s }
	tests := []struct {
		name string
		f    sqlite.ActorFilter
		want []sqlite.ActorCount
	}{
		{"All", sqlite.ActorFilter{}, []sqlite.ActorCount{{"USAGOV", 3}, {"CHNGOV", 2}, {"TWN", 1}}},
		{"Prefix", sqlite.ActorFilter{Prefix: ptr("chn")}, []sqlite.ActorCount{{"CHNGOV", 2}}},
		{"Limit", sqlite.ActorFilter{Limit: 1}, []sqlite.ActorCount{{"USAGOV", 3}}},
		{"Wildcard", sqlite.ActorFilter{Prefix: ptr("%")}, nil},
		{"None", sqlite.ActorFilter{Prefix: ptr("RUS")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sqlite.NewActorService(db).FindActors(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FindActors(%+v) = %v, want %v", tt.f, got, tt.want)
			}
		})
	}
}
