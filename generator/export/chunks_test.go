package export_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"edition/generator/export"
	"edition/generator/internal/corpus"
)

// TestPartsAreTheWhole checks that the TEI and the registry written in
// pieces (as a build hands them to its writer) are, joined, the bytes of
// the one-slice functions, with and without a cache, and that a Chunks
// reset and filled again (its pieces reused) still holds the right bytes.
func TestPartsAreTheWhole(t *testing.T) {
	x := corpusIndex(t, corpus.Config{Chapters: 12, Entries: 300, Sources: 30})
	tei, err := export.TEI(x)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := export.Registry(x)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(reg) {
		t.Fatal("the registry is not JSON")
	}
	var cache export.RegistryCache
	for i := range 2 { // the second from the cache's items
		got, err := export.RegistryWith(x, &cache)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, reg) {
			t.Errorf("registry with a cache (%d): not the registry without", i)
		}
	}

	joined := func(c *export.Chunks) []byte {
		if len(c.Parts()) < 2 {
			t.Errorf("%d bytes in %d pieces; want several", c.Len(), len(c.Parts()))
		}
		return bytes.Join(c.Parts(), nil)
	}
	var c export.Chunks
	for round := range 2 {
		if err := export.TEIInto(&c, x, nil); err != nil {
			t.Fatal(err)
		}
		if got := joined(&c); !bytes.Equal(got, tei) || c.Len() != len(tei) {
			t.Errorf("round %d: TEIInto's pieces are not the TEI", round)
		}
		c.Reset()
		if err := export.RegistryInto(&c, x, nil); err != nil {
			t.Fatal(err)
		}
		if got := joined(&c); !bytes.Equal(got, reg) || !bytes.Equal(c.Bytes(), reg) {
			t.Errorf("round %d: RegistryInto's pieces are not the registry", round)
		}
		c.Reset()
	}
}
