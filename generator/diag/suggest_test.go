package diag

import "testing"

// TestDidYouMeanKey: a key that a renamed file left behind finds the entry
// by its name or an alias, written as a key is, in any order of its words;
// a key near another key is found as before.
func TestDidYouMeanKey(t *testing.T) {
	known := []Known{
		{Key: "unsc", Name: "UN Security Council", Aliases: []string{"UN Security Council", "Security Council", "council"}},
		{Key: "united-nations", Name: "United Nations", Aliases: []string{"UN", "United Nations"}},
		{Key: "hammarskjold", Name: "Dag Hammarskjöld"},
		{Key: "annan", Name: "Annan, Kofi"},
		{Key: "preemption", Name: "Preemption"},
		{Key: "atta-annan", Name: "Kofi Atta Annan"},
	}
	for _, tc := range []struct{ word, want string }{
		{"un-security-council", "did you mean “unsc”, the entry named “UN Security Council”?"},
		{"security-council", "did you mean “unsc”, the entry with the alias “Security Council”?"},
		{"dag-hammarskjold", "did you mean “hammarskjold”, the entry named “Dag Hammarskjöld”?"},
		{"kofi-annan", "did you mean “annan”, the entry named “Annan, Kofi”?"},
		{"premption", "did you mean “preemption”?"},
		// The words of the old key all in the name, in its order or not.
		{"kofi-atta", "did you mean “atta-annan”, the entry named “Kofi Atta Annan”?"},
		{"atta-kofi-annan", "did you mean “atta-annan”, the entry named “Kofi Atta Annan”?"},
		// "UN" is a prefix of the word, but a short name shares too much
		// to say anything.
		{"un-general-assembly", "none"},
	} {
		if got := DidYouMeanKey(tc.word, known, "none"); got != tc.want {
			t.Errorf("DidYouMeanKey(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}
