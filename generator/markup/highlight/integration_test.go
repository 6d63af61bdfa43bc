package highlight_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"edition/generator/markup/highlight"
	"edition/generator/markup/internal/golden"
)

func TestIntegration(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(&highlight.Extension{}))
	golden.Run(t, "testdata/highlight.txt", func(t *testing.T, src []byte) string {
		var out bytes.Buffer
		if err := md.Convert(src, &out); err != nil {
			t.Fatal(err)
		}
		// Classes only: pages stay valid under a Content-Security-Policy
		// without 'unsafe-inline' styles.
		if strings.Contains(out.String(), "style=") {
			t.Errorf("output has inline styles:\n%s", out.String())
		}
		return out.String()
	})
}
