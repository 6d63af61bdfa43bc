package mention_test

import (
	"fmt"

	"edition/generator/markup/mention"
)

func ExampleMatcher_Find() {
	m, err := mention.NewMatcher([]mention.Pattern{
		{Text: "Security Council", Case: mention.Smart, Target: 1},
		{Text: "UN Security Council", Case: mention.Smart, Target: 2},
		{Text: "preemption", Case: mention.Smart, Target: 3},
		{Text: "US", Case: mention.Exact, Target: 4},
	})
	if err != nil {
		panic(err)
	}
	text := []byte("Preemption, said the US, needs no UN Security Council; preemptively, us.")
	for _, match := range m.Find(nil, text) {
		fmt.Printf("%d–%d %q → %d\n", match.Start, match.End, text[match.Start:match.End], match.Target)
	}
	// Output:
	// 0–10 "Preemption" → 3
	// 21–23 "US" → 4
	// 34–53 "UN Security Council" → 2
}
