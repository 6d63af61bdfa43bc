package render

import "html/template"

// This file writes what chapter and source pages show a few of, where a
// template would make a dozen reflected calls for each.

// citeBlocks writes citation blocks as _reuse.html's "cite-block" partial
// wrote each of them, one after the other: the format's name, a link to
// download the file, and the citation with a button to copy it. Chapter and
// source pages show three or four each; written here rather than by a
// partial per block, they cost no reflected call per value. Escaped as the
// partial escaped them (TestCiteBlocksAreThePartial).
func citeBlocks(blocks []CiteBlock) template.HTML {
	if len(blocks) == 0 {
		return ""
	}
	w := getMarkup()
	for i := range blocks {
		c := &blocks[i]
		w.raw("\n<figure class=\"cite-block\">\n  <figcaption><span class=\"format\">")
		w.text(c.Format)
		w.raw("</span>")
		if c.Href != "" {
			w.raw(` <a class="download" href="`)
			w.urlAttr(c.Href)
			w.raw(`" download>Download</a>`)
		}
		if c.Code != "" {
			w.raw(` <button type="button" class="copy" data-copy="`)
			w.attr(c.ID)
			w.raw(`" hidden>Copy</button>`)
		}
		w.raw("</figcaption>")
		if c.Code != "" {
			w.raw("\n  <div id=\"")
			w.attr(c.ID)
			w.raw(`" class="cite-code">`)
			w.raw(string(c.Code))
			w.raw("</div>")
		}
		w.raw("\n</figure>")
	}
	return w.html()
}

// sectionItems writes the links to a chapter's sections as the items of
// chapter.html's table of contents, <li><a href="#id">Title</a></li>, as
// the template's loop wrote them (TestSectionItemsAreTheLoop).
func sectionItems(links []Link) template.HTML {
	if len(links) == 0 {
		return ""
	}
	w := getMarkup()
	for i := range links {
		w.raw(`<li><a href="`)
		w.urlAttr(links[i].Href)
		w.raw(`">`)
		w.text(links[i].Label)
		w.raw("</a></li>")
	}
	return w.html()
}
