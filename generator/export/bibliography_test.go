package export_test

import (
	"bytes"
	"testing"

	"edition/generator/bib"
	"edition/generator/export"
	"edition/generator/internal/corpus"
)

// corpusRecords are the records of a synthetic edition's sources.
func corpusRecords(tb testing.TB, sources int) []*bib.Record {
	tb.Helper()
	x := corpusIndex(tb, corpus.Config{Chapters: 2, Entries: 300, Sources: sources})
	var records []*bib.Record
	for _, s := range x.Sources {
		records = append(records, s.Record)
	}
	return records
}

// TestBibliographyOfIsEachFormat checks that BibliographyOf's files are
// those BibTeX, RIS and CSLJSON write of all the records and of each
// alone, for the records of a corpus and one with every difficulty.
func TestBibliographyOfIsEachFormat(t *testing.T) {
	records := append(corpusRecords(t, 40), record())
	for _, rs := range [][]*bib.Record{records, records[:1], nil} {
		got := export.BibliographyOf(rs)
		csl, err := export.CSLJSON(rs)
		if err != nil || got.CSLErr != nil {
			t.Fatal(err, got.CSLErr)
		}
		if !bytes.Equal(got.BibTeX, export.BibTeX(rs)) || !bytes.Equal(got.RIS, export.RIS(rs)) || !bytes.Equal(got.CSLJSON, csl) {
			t.Errorf("%d records: the whole files differ", len(rs))
		}
		if len(got.Records) != len(rs) {
			t.Fatalf("%d records' files for %d records", len(got.Records), len(rs))
		}
		for i := range rs {
			one := rs[i : i+1]
			csl, err := export.CSLJSON(one)
			if err != nil || got.Records[i].CSLErr != nil {
				t.Fatal(err, got.Records[i].CSLErr)
			}
			r := got.Records[i]
			if !bytes.Equal(r.BibTeX, export.BibTeX(one)) || !bytes.Equal(r.RIS, export.RIS(one)) || !bytes.Equal(r.CSLJSON, csl) {
				t.Errorf("record %d (%s): its files differ:\n%s\n%s\n%s", i, rs[i].ID, r.BibTeX, r.RIS, r.CSLJSON)
			}
		}
	}
}

// BenchmarkBibliography makes the bibliography of 300 sources in the
// three formats, whole and a record at a time, as a build does: "each"
// calls BibTeX, RIS and CSLJSON for the whole and for every record,
// "once" is BibliographyOf.
func BenchmarkBibliography(b *testing.B) {
	records := corpusRecords(b, 300)
	b.Run("each", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i := range records {
				export.BibTeX(records[i : i+1])
				export.RIS(records[i : i+1])
				if _, err := export.CSLJSON(records[i : i+1]); err != nil {
					b.Fatal(err)
				}
			}
			export.BibTeX(records)
			export.RIS(records)
			if _, err := export.CSLJSON(records); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("once", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if bl := export.BibliographyOf(records); bl.CSLErr != nil {
				b.Fatal(bl.CSLErr)
			}
		}
	})
}
