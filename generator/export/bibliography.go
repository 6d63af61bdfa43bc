package export

import (
	"strings"

	"edition/generator/bib"
)

// Bibliography is a bibliography in the three formats, whole and one
// record at a time, as BibTeX, RIS and CSLJSON write them: each record is
// written once for both. A record's BibTeX and RIS are the lines it has in
// the whole file, and share its bytes.
type Bibliography struct {
	BibTeX, RIS, CSLJSON []byte // all the records
	CSLErr               error  // CSLJSON's error, for all the records
	Records              []RecordFiles
}

// RecordFiles are one record's files: BibTeX, RIS and CSLJSON of the
// record alone.
type RecordFiles struct {
	BibTeX, RIS, CSLJSON []byte
	CSLErr               error // CSLJSON's error for the record (and its CSLJSON nil)
}

// BibliographyOf is the bibliography of records in every format.
func BibliographyOf(records []*bib.Record) Bibliography {
	out := Bibliography{Records: make([]RecordFiles, len(records))}

	// BibTeX and RIS: the records one after another, a blank line between.
	var ends [2][]int // where each record ends in each
	for f, write := range []func(*strings.Builder, *bib.Record){writeBibTeX, writeRIS} {
		var b strings.Builder
		ends[f] = make([]int, len(records))
		for i, r := range records {
			if i > 0 {
				b.WriteByte('\n')
			}
			write(&b, r)
			ends[f][i] = b.Len()
		}
		whole := []byte(b.String())
		from := 0
		for i := range records {
			rec := whole[from:ends[f][i]:ends[f][i]]
			if f == 0 {
				out.Records[i].BibTeX = rec
			} else {
				out.Records[i].RIS = rec
			}
			from = ends[f][i] + 1 // past the blank line
		}
		if f == 0 {
			out.BibTeX = whole
		} else {
			out.RIS = whole
		}
	}

	// CSL-JSON: an array of the items, or of the record's item alone.
	items := make([][]byte, len(records))
	n := 0
	for i, r := range records {
		items[i], out.Records[i].CSLErr = cslItem(r)
		if out.Records[i].CSLErr != nil && out.CSLErr == nil {
			out.CSLErr = out.Records[i].CSLErr
		}
		n += len(items[i])
	}
	one := make([]byte, 0, n+len(records)*len("[\n  \n]\n"))
	for i, item := range items {
		if out.Records[i].CSLErr != nil {
			continue
		}
		from := len(one)
		one = append(append(append(one, "[\n  "...), item...), "\n]\n"...)
		out.Records[i].CSLJSON = one[from:len(one):len(one)]
	}
	if out.CSLErr == nil {
		whole := make([]byte, 0, n+len(records)*4+4)
		whole = append(whole, "[\n"...)
		for i, item := range items {
			whole = append(append(whole, "  "...), item...)
			if i < len(items)-1 {
				whole = append(whole, ',')
			}
			whole = append(whole, '\n')
		}
		out.CSLJSON = append(whole, "]\n"...)
	}
	return out
}
