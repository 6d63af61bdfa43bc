package render

import (
	"io"

	"edition/generator/index"
)

// AddReuse lets the benchmarks of package render_test call addReuse on a
// view made by Page.View.
func (t *Templates) AddReuse(x *index.Index, v any) { t.addReuse(x, v) }

// ExecutePartial executes one partial (such as "meta") of a page template
// with a view, as the page would.
func (t *Templates) ExecutePartial(w io.Writer, page, partial string, v any) error {
	return t.pages[page].ExecuteTemplate(w, partial, v)
}
