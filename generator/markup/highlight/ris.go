package highlight

import (
	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// RIS is a lexer for the RIS tagged bibliography format ("TY  - BOOK"),
// which chroma lacks, so that citation exports can be shown highlighted.
// It is registered under the name "ris".
var RIS = lexers.Register(chroma.MustNewLexer(
	&chroma.Config{Name: "RIS", Aliases: []string{"ris"}, Filenames: []string{"*.ris"},
		MimeTypes: []string{"application/x-research-info-systems"}},
	func() chroma.Rules {
		return chroma.Rules{"root": {
			{Pattern: `(?m)^(TY|ER)(  - ?)(.*\n?)`, Type: chroma.ByGroups(chroma.Keyword, chroma.Punctuation, chroma.NameClass)},
			{Pattern: `(?m)^([A-Z][A-Z0-9])(  - ?)(.*\n?)`, Type: chroma.ByGroups(chroma.NameTag, chroma.Punctuation, chroma.LiteralString)},
			{Pattern: `.*\n?`, Type: chroma.Text},
		}}
	},
))
