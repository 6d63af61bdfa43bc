package cite_test

import (
	"fmt"

	"edition/generator/markup/cite"
)

func ExampleParseItems() {
	items, ok := cite.ParseItems([]byte("see @nss2002, chap. 2; -@bush2002, pp. 63–64"))
	fmt.Println(ok)
	for _, it := range items {
		fmt.Printf("key=%s prefix=%q locator=%q suppress-author=%v\n", it.Key, it.Prefix, it.Locator, it.SuppressAuthor)
	}

	// A bracket without a key is no citation, and goldmark keeps it as text.
	_, ok = cite.ParseItems([]byte("sic"))
	fmt.Println(ok)
	// Output:
	// true
	// key=nss2002 prefix="see" locator="chap. 2" suppress-author=false
	// key=bush2002 prefix="" locator="pp. 63–64" suppress-author=true
	// false
}
