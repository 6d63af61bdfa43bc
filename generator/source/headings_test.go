package source

import (
	"strings"
	"testing"

	"edition/generator/diag"
)

// A line of seven "#" or more is said where it is; not in fenced code, not
// indented as code, and not where the "#"s are followed by a word.
func TestDeepHeadings(t *testing.T) {
	body := strings.Join([]string{
		"####### Seven",       // 10
		"###### Six",          // 11
		"########",            // 12
		"  ######## Indented", // 13
		"#######hashtag",      // 14
		"```",                 // 15
		"####### in code",     // 16
		"````",                // 17: a longer fence closes it
		"~~~ go",              // 18
		"####### in code",     // 19
		"~~~",                 // 20
		"    ####### code",    // 21
		"####### After",       // 22
	}, "\n")
	var diags diag.List
	deepHeadings(&diags, "a.md", []byte(body), 10)
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String())
	}
	want := []string{"a.md:10:1", "a.md:12:1", "a.md:13:3", "a.md:22:1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("said at %v, want %v:\n%s", got, want, strings.Join(diags.Strings(), "\n"))
	}
	if len(diags) > 0 && !strings.Contains(diags[0].Message, "a heading of 7 “#” is not a heading") {
		t.Errorf("message: %s", diags[0].Message)
	}
}
