package bib

import (
	"strings"
	"testing"
)

func rec(id, typ string, vars map[string]string, names map[string][]Name, issued *Date) *Record {
	r := &Record{ID: id, Type: typ, Vars: vars, Names: names, Dates: map[string]Date{}}
	if issued != nil {
		r.Dates["issued"] = *issued
	}
	return r
}

func TestLabel(t *testing.T) {
	bush := []Name{{Family: "Bush", Given: "George W."}}
	tests := []struct {
		r    *Record
		want string
	}{
		{rec("a", "speech", map[string]string{"title": "State of the Union"}, map[string][]Name{"author": bush}, &Date{Parts: [][]int{{2002, 1, 29}}}), "Bush 2002"},
		{rec("b", "article-journal", map[string]string{"title": "T"}, map[string][]Name{"author": {{Family: "Daalder"}, {Family: "Steinberg"}}}, &Date{Parts: [][]int{{2005}}}), "Daalder and Steinberg 2005"},
		{rec("c", "report", map[string]string{"title": "T"}, map[string][]Name{"author": {{Family: "A"}, {Family: "B"}, {Family: "C"}}}, &Date{Parts: [][]int{{2006}}}), "A et al. 2006"},
		{rec("d", "report", map[string]string{"title": "T"}, map[string][]Name{"author": {{Literal: "White House"}}}, &Date{Parts: [][]int{{2002, 9}}}), "White House 2002"},
		{rec("e", "chapter", map[string]string{"title": "The Use of Force", "status": "forthcoming"}, map[string][]Name{"author": {{Family: "Daalder"}, {Family: "Kagan"}}}, nil), "Daalder and Kagan forthcoming"},
		{rec("f", "webpage", map[string]string{"title": "A Very Long Title of Many Words: Subtitle"}, nil, nil), "A Very Long Title … n.d."},
	}
	for _, tt := range tests {
		if got := Label(tt.r); got != tt.want {
			t.Errorf("Label(%s) = %q, want %q", tt.r.ID, got, tt.want)
		}
	}
}

func TestDisambiguate(t *testing.T) {
	bush := map[string][]Name{"author": {{Family: "Bush"}}}
	y := &Date{Parts: [][]int{{2002}}}
	got := Disambiguate([]*Record{rec("union", "speech", map[string]string{"title": "U"}, bush, y),
		rec("westpoint", "speech", map[string]string{"title": "W"}, bush, y),
		rec("other", "book", map[string]string{"title": "O"}, map[string][]Name{"author": {{Family: "Rice"}}}, y)})
	want := map[string]string{"union": "Bush 2002a", "westpoint": "Bush 2002b", "other": "Rice 2002"}
	for id, l := range want {
		if got[id] != l {
			t.Errorf("%s: %q, want %q", id, got[id], l)
		}
	}
}

func TestChicago(t *testing.T) {
	tests := []struct {
		r    *Record
		want string
	}{
		{rec("j", "article-journal", map[string]string{"title": "A Duty to Prevent", "container-title": "Foreign Affairs", "volume": "83", "issue": "1", "page": "136-150"},
			map[string][]Name{"author": {{Family: "Feinstein", Given: "Lee"}, {Family: "Slaughter", Given: "Anne-Marie"}}}, &Date{Parts: [][]int{{2004, 1}, {2004, 2}}}),
			`Feinstein, Lee, and Anne-Marie Slaughter. “A Duty to Prevent.” <i>Foreign Affairs</i> 83, no. 1 (January–February 2004): 136–150.`},
		{rec("b", "book", map[string]string{"title": "World Disorders", "publisher": "Rowman & Littlefield", "publisher-place": "Lanham, MD"},
			map[string][]Name{"author": {{Family: "Hoffmann", Given: "Stanley"}}}, &Date{Parts: [][]int{{1998}}}),
			`Hoffmann, Stanley. <i>World Disorders</i>. Lanham, MD: Rowman &amp; Littlefield, 1998.`},
		{rec("n", "article-newspaper", map[string]string{"title": "Russia Must Be Strong", "container-title": "Wall Street Journal", "URL": "http://online.wsj.com/x?a=1&b=2"},
			map[string][]Name{"author": {{Family: "Ivanov", Given: "Sergei"}}}, &Date{Parts: [][]int{{2006, 1, 11}}}),
			`Ivanov, Sergei. “Russia Must Be Strong.” <i>Wall Street Journal</i>, January 11, 2006. http://online.wsj.com/x?a=1&amp;b=2.`},
		{rec("x", "webpage", map[string]string{"title": `<script>alert("x")</script>`}, nil, nil), `“&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;.”`},
	}
	for _, tt := range tests {
		if got := string(Chicago(tt.r)); got != tt.want {
			t.Errorf("Chicago(%s)\n got: %s\nwant: %s", tt.r.ID, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, ok := range []string{"2002", "2002-09", "2002-09-17", "2002-09/2002-10", "2004-02-29"} {
		if _, err := ParseDate(ok); err != nil {
			t.Errorf("ParseDate(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "Sept 2002", "2002-13", "2002-02-30", "2002-09-17-1", "1/2/3"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
	d, _ := ParseDate("2002-09-17")
	if d.String() != "September 17, 2002" || d.ISO() != "2002-09-17" || d.Year() != 2002 {
		t.Errorf("date %v: %q %q %d", d, d.String(), d.ISO(), d.Year())
	}
}

// A name of static ordering reads family name first, without a comma,
// wherever names read given name first; where they are inverted (the
// first author of a bibliography entry, the sort key) it is as any other,
// and labels name the family alone.
func TestStaticOrdering(t *testing.T) {
	wu := Name{Family: "Wu", Given: "Xinbo", StaticOrdering: true}
	names := []struct {
		n                 Name
		natural, inverted string
	}{
		{wu, "Wu Xinbo", "Wu, Xinbo"},
		{Name{Family: "Wu", Given: "Xinbo"}, "Xinbo Wu", "Wu, Xinbo"},
		{Name{Family: "Nagy", Given: "Imre", Suffix: "Jr.", StaticOrdering: true}, "Nagy Imre, Jr.", "Nagy, Imre, Jr."},
		{Name{Family: "Gogh", Given: "Vincent", NonDroppingParticle: "van", StaticOrdering: true}, "van Gogh Vincent", "van Gogh, Vincent"},
		{Name{Family: "Mao", StaticOrdering: true}, "Mao", "Mao"},
		{Name{Literal: "Tsinghua University", StaticOrdering: true}, "Tsinghua University", "Tsinghua University"},
	}
	for _, tt := range names {
		if got := tt.n.Natural(); got != tt.natural {
			t.Errorf("%+v: Natural() = %q, want %q", tt.n, got, tt.natural)
		}
		if got := tt.n.Inverted(); got != tt.inverted {
			t.Errorf("%+v: Inverted() = %q, want %q", tt.n, got, tt.inverted)
		}
	}

	y := &Date{Parts: [][]int{{2005}}}
	chapter := rec("c", "chapter", map[string]string{"title": "Chinese Views", "container-title": "Asian Security", "publisher": "P"},
		map[string][]Name{"author": {{Family: "Lindsay", Given: "James M."}, wu}, "editor": {{Family: "Kim", Given: "Dae-jung", StaticOrdering: true}}}, y)
	if got, want := string(Chicago(chapter)), `Lindsay, James M., and Wu Xinbo. “Chinese Views.” In <i>Asian Security</i>, edited by Kim Dae-jung. P, 2005.`; got != want {
		t.Errorf("Chicago(chapter)\n got: %s\nwant: %s", got, want)
	}
	book := rec("b", "book", map[string]string{"title": "Titles"}, map[string][]Name{"author": {wu, {Family: "Daalder", Given: "Ivo H."}}}, y)
	if got, want := string(Chicago(book)), `Wu Xinbo and Ivo H. Daalder. <i>Titles</i>. 2005.`; got != want {
		t.Errorf("Chicago(book)\n got: %s\nwant: %s", got, want)
	}
	if got, want := Label(book), "Wu and Daalder 2005"; got != want {
		t.Errorf("Label(book) = %q, want %q", got, want)
	}
	if got := SortKey(book); !strings.HasPrefix(got, "wu, xinbo\x00") {
		t.Errorf("SortKey(book) = %q, want it to begin with the family name, inverted", got)
	}
}
