package export

import (
	"strings"

	"edition/generator/index"
)

// Format is a bibliographic exchange format.
type Format struct {
	Ext   string // file extension, without the dot
	Name  string // what readers call it: "BibTeX"
	Media string // media type of the file
	Lang  string // chroma lexer name, for showing it highlighted
}

// The formats the bibliography is exported in, in the order pages show them.
var (
	BibTeXFormat  = Format{Ext: "bib", Name: "BibTeX", Media: "application/x-bibtex", Lang: "bibtex"}
	RISFormat     = Format{Ext: "ris", Name: "RIS", Media: "application/x-research-info-systems", Lang: "ris"}
	CSLJSONFormat = Format{Ext: "json", Name: "CSL-JSON", Media: "application/vnd.citationstyles.csl+json", Lang: "json"}
	Formats       = []Format{BibTeXFormat, RISFormat, CSLJSONFormat}
)

// Paths of the exported files, relative to the site's root.
const (
	RegistryFile = "registry.json"
	TEIFile      = "edition.tei.xml"
	SitemapFile  = "sitemap.xml"
	RobotsFile   = "robots.txt"
)

// BibliographyFile is the path of the whole bibliography in format f.
func BibliographyFile(f Format) string { return "bibliography." + f.Ext }

// SourceFile is the path of one source's record in format f: next to the
// source's page, with the format's extension instead of .html.
func SourceFile(l index.Layout, s *index.Source, f Format) string {
	return strings.TrimSuffix(l.Ref(s.Ref()), ".html") + "." + f.Ext
}
