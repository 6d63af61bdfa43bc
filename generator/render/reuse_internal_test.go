package render

import (
	"html/template"
	"strings"
	"testing"
)

// TestMetaTagsEscapeAsTemplates holds PageMeta.Tags to what html/template
// writes for the same tags from the template it replaced, on every byte
// and on strings that try to leave the attribute.
func TestMetaTagsEscapeAsTemplates(t *testing.T) {
	tmpl := template.Must(template.New("meta").Parse(`{{range .Citation}}
<meta name="{{.Name}}" content="{{.Content}}">
{{- end}}
{{- range .OG}}
<meta property="{{.Name}}" content="{{.Content}}">
{{- end}}`))
	values := []string{"", "plain", `" onmouseover="alert(1)`, "</script><script>alert('x')</script>", "a+b & c's <d>",
		"nul\x00byte", "\xff\xfe invalid UTF-8", "\u2028\u2029\ufffd\ufeff", "url=javascript:alert(1);", "Zoë 中文 —", "&amp; already"}
	for c := 0; c < 256; c++ {
		values = append(values, "<"+string(rune(c))+">", "<"+string([]byte{byte(c)})+">")
	}
	for _, v := range values {
		m := &PageMeta{Citation: []MetaTag{{"citation_title", v}, {v, "x"}}, OG: []MetaTag{{"og:title", v}, {v, v}}}
		var want strings.Builder
		if err := tmpl.Execute(&want, m); err != nil {
			t.Fatal(err)
		}
		if got := string(m.Tags()); got != want.String() {
			t.Errorf("%q:\n got %q\nwant %q", v, got, want.String())
		}
	}
}
