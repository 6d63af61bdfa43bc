package serve

import (
	"bytes"
	"embed"
	"html"
	"mime"
	"net"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// The client: the live-reload script and the overlay's stylesheet.
//
//go:embed client/live.js client/overlay.css
var client embed.FS

// Reserved is the path prefix of the server's own resources. No site path
// can start with it: the pipeline writes no file or folder whose name
// starts with "_".
const Reserved = "/_edition/"

// ServeHTTP serves the site, the event stream and the client.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if s.loopback && !Loopback(hostOnly(r.Host)) {
		http.Error(w, "this preview answers only requests for localhost", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case Reserved + "events":
		s.events(w, r)
		return
	case Reserved + "live.js":
		s.asset(w, r, "client/live.js", "text/javascript; charset=utf-8")
		return
	case Reserved + "overlay.css":
		s.asset(w, r, "client/overlay.css", "text/css; charset=utf-8")
		return
	}
	p, dir, ok := sitePath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	site := s.site.Load()
	if site == nil {
		s.noSite(w, r)
		return
	}
	if dir {
		p = path.Join(p, "index.html")
	}
	data, found := site.files[p]
	if !found && !dir {
		if _, isDir := site.files[path.Join(p, "index.html")]; isDir {
			target := "/" + p + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusFound)
			return
		}
	}
	status := http.StatusOK
	page := p
	if !found {
		status = http.StatusNotFound
		page = ""
		p = "404.html"
		data, found = site.files[p]
		if !found {
			http.Error(w, "page not found", http.StatusNotFound)
			return
		}
		if dirOf := path.Dir(strings.TrimPrefix(r.URL.Path, "/")); dirOf != "." && dirOf != "" {
			data = rootLinks(data)
		}
	}
	ctype := contentType(p, data)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, site.tag, page)
	}
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// hostOnly is the host of a Host header, without its port.
func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return hostport
}

// sitePath turns a request's (decoded) path into a site path. It refuses
// any path with a ".." segment (%2e%2e decodes to ".." before it gets
// here), a backslash or a NUL, rather than resolving it. dir says the path
// names a folder (it ends in "/").
func sitePath(p string) (site string, dir, ok bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false, false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "", false, false
		}
	}
	dir = strings.HasSuffix(p, "/")
	site = strings.TrimPrefix(path.Clean(p), "/")
	return site, dir || site == "", true
}

// contentTypes are the types of the files a site has; others are looked
// up by extension, then sniffed.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".json":  "application/json",
	".txt":   "text/plain; charset=utf-8",
	".xml":   "application/xml",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".avif":  "image/avif",
	".ico":   "image/x-icon",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".pdf":   "application/pdf",
	".map":   "application/json",
}

func contentType(p string, data []byte) string {
	ext := strings.ToLower(path.Ext(p))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

// bodyEndRE finds the closing body tag.
var bodyEndRE = regexp.MustCompile(`(?i)</body\s*>`)

// inject adds the live-reload script to a page, before its closing body
// tag (or at the end). page is the page's site path ("" for the 404 page
// and the error page, which reload on any change).
func inject(data []byte, tag, page string) []byte {
	script := `<script src="` + Reserved + `live.js" data-build="` + html.EscapeString(tag) +
		`" data-page="` + html.EscapeString(page) + `" defer></script>` + "\n"
	at := len(data)
	if locs := bodyEndRE.FindAllIndex(data, -1); len(locs) > 0 {
		at = locs[len(locs)-1][0]
	}
	out := make([]byte, 0, len(data)+len(script))
	out = append(out, data[:at]...)
	out = append(out, script...)
	return append(out, data[at:]...)
}

// relLinkRE finds links relative to the page's folder: not absolute, not
// a fragment, without a scheme.
var relLinkRE = regexp.MustCompile(`(\s(?:href|src)=")([^"#/:?][^":]*(?:[?#][^"]*)?)"`)

// rootLinks makes the relative links of the 404 page, which are relative
// to the site's root where the page lives, start from the root, so that
// they work wherever the page is served.
func rootLinks(data []byte) []byte {
	return relLinkRE.ReplaceAll(data, []byte(`$1/$2"`))
}

func (s *Server) asset(w http.ResponseWriter, r *http.Request, name, ctype string) {
	data, err := client.ReadFile(name)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// noSite answers while no build has succeeded: the errors, as a page that
// reloads itself once a build succeeds.
func (s *Server) noSite(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		"<title>The edition does not build</title>\n</head>\n<body>\n<main>\n" +
		"<h1>The edition does not build</h1>\n<p>Fix the errors below and save: this page reloads when the build succeeds.</p>\n<ul>\n")
	if f := s.failed.Load(); f != nil {
		for _, d := range f.errors {
			b.WriteString("<li><code>" + html.EscapeString(d.String()) + "</code></li>\n")
		}
	}
	b.WriteString("</ul>\n</main>\n</body>\n</html>\n")
	data := inject(b.Bytes(), s.instance+"-0", "")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusServiceUnavailable)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}
