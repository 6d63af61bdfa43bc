// Search, on the index of generator/search (see its doc.go). Without this
// script the search box submits to search.html (the A–Z indexes); with it,
// the box offers results as you type and search.html lists them all. The
// first part (tokens, Engine) does not touch the page: tests run it in Node.
(function (root) {
  "use strict";

  // ── Loading fragments
  var registered = {};
  var waiting = {};

  function register(name, data) {
    registered[name] = data;
    var w = waiting[name];
    if (w) {
      delete waiting[name];
      for (var i = 0; i < w.length; i++) w[i].resolve(data);
    }
  }

  // scriptLoader loads fragment `name` from folder base (a URL ending in
  // "/") by adding a <script src>. version is appended as a query over http
  // so that a browser never mixes two builds.
  function scriptLoader(base, version) {
    return function (name) {
      if (registered[name]) return Promise.resolve(registered[name]);
      return new Promise(function (resolve, reject) {
        var first = !waiting[name];
        (waiting[name] = waiting[name] || []).push({ resolve: resolve, reject: reject });
        if (!first) return;
        var s = document.createElement("script");
        var url = base + name + ".js";
        if (version && /^https?:$/.test(location.protocol)) url += "?v=" + encodeURIComponent(version);
        s.src = url;
        s.async = true;
        s.onerror = function () {
          var w = waiting[name] || [];
          delete waiting[name];
          for (var i = 0; i < w.length; i++) w[i].reject(new Error("cannot load " + url));
          s.remove();
        };
        s.onload = function () { s.remove(); };
        document.head.appendChild(s);
      });
    };
  }

  // ── Tokens: must agree with generator/search/tokenize.go
  var WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}\p{Mn}'’]+/gu; // "U.S." is one word
  var APOS_START = /^['’]+/;
  var APOS_END = /['’]+$/;

  function stem(s) {
    if (s.length < 4) return s;
    if (/ies$/.test(s) && !/[ea]ies$/.test(s)) return s.slice(0, -3) + "y";
    if (/es$/.test(s) && !/[aeo]es$/.test(s)) return s.slice(0, -1);
    if (/s$/.test(s) && !/(us|ss)$/.test(s)) return s.slice(0, -1);
    return s;
  }

  function normalize(w, stop) {
    var s = w.normalize("NFKD").replace(/\p{Mn}/gu, "").replace(/’/g, "'").toLowerCase();
    if (s.slice(-2) === "'s") s = s.slice(0, -2);
    s = s.replace(/['.]/g, "");
    if (stop && stop[s]) return "";
    return stem(s);
  }

  // words splits text into words with their offsets: {term, start, end}.
  function words(text, stop) {
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var raw = m[0];
      var start = m.index;
      var lead = APOS_START.exec(raw);
      if (lead) { raw = raw.slice(lead[0].length); start += lead[0].length; }
      var trail = APOS_END.exec(raw);
      if (trail) raw = raw.slice(0, raw.length - trail[0].length);
      if (!raw) continue;
      out.push({ term: normalize(raw, stop), start: start, end: start + raw.length });
    }
    return out;
  }

  function runeLength(s) { return Array.from(s).length; }

  // terms: the index terms of text (no stopwords, no one-letter words).
  function terms(text, stop) {
    return words(text, stop).map(function (w) { return w.term; })
      .filter(function (t) { return runeLength(t) > 1; });
  }

  // within1 reports whether a and b (arrays of characters) differ by at
  // most one insertion, deletion, substitution or swap of neighbours.
  function within1(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (i === la && i === lb) return true;
    var rest = function (x, xi, y, yi) {
      if (x.length - xi !== y.length - yi) return false;
      for (; xi < x.length; xi++, yi++) if (x[xi] !== y[yi]) return false;
      return true;
    };
    if (la === lb) {
      if (rest(a, i + 1, b, i + 1)) return true;
      return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2, b, i + 2);
    }
    if (la + 1 === lb) return rest(a, i, b, i + 1);
    return rest(a, i + 1, b, i);
  }

  // ── Reading the index, as generator/search/encode.go writes it
  // pairs reads postings or occurrences: [a, b, a, b…].
  function pairs(s) {
    var out = [], a = 0, v = 0, odd = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), d = c - 35 - (c > 92);
      v = v * 32 + d % 32;
      if (d > 31) continue;
      if (odd) odd = 0, out.push(v);
      else a += Math.floor(v / 2), odd = v % 2, out.push(a), odd || out.push(1);
      v = 0;
    }
    return out;
  }

  // unpack reads document i of a file: title, context, URL, text; for
  // entries and sources a: aliases, o: passages naming it, h: their words.
  function unpack(f, i) {
    var a = f.d[i], o = [], h = [], p = pairs(a[6] || "");
    for (var j = 0; j < p.length; j += 2) {
      if (p[j] !== o[o.length - 1]) o.push(p[j]), h.push([]);
      if (p[j + 1]) h[h.length - 1].push(a[7][p[j + 1] - 1]);
    }
    return { t: a[0], c: f.c[a[1]], u: f.p[a[2]] + (a[3] && "#" + a[3]), x: a[4], a: a[5], o: o, h: h };
  }

  // ── The engine
  var EXACT = 1, PREFIX = 0.7, FUZZY = 0.45;

  function Engine(load) {
    this.load = load;
    this.manifestP = null;
  }

  Engine.prototype.manifest = function () {
    var self = this;
    if (!this.manifestP) {
      this.manifestP = this.load("index").then(function (m) {
        self.m = m;
        self.stop = Object.create(null);
        m.stop.forEach(function (w) { self.stop[w] = true; });
        self.entityKinds = {};
        m.kinds.forEach(function (k, i) { if (k.key !== "text" && k.key !== "notes") self.entityKinds[i] = true; });
        return m;
      });
      this.manifestP.catch(function () { self.manifestP = null; });
    }
    return this.manifestP;
  };

  // shards lists the shards that may hold terms in [lo, hi).
  Engine.prototype.shards = function (lo, hi) {
    var s = this.m.shards, out = [];
    for (var i = 0; i < s.length; i++) {
      var first = s[i][0];
      var next = i + 1 < s.length ? s[i + 1][0] : null;
      if (first < hi && (next === null || next > lo)) out.push(s[i][1]);
    }
    return out;
  };

  Engine.prototype.postings = function (lo, hi) {
    var self = this;
    return Promise.all(this.shards(lo, hi).map(function (n) { return self.load(n); }));
  };

  // expand finds the terms a query token stands for: itself, words it
  // begins (if prefix) and, failing both, words a typo away.
  Engine.prototype.expand = function (tok, prefix) {
    var self = this;
    var hi = prefix ? tok + "\uffff" : tok + "\u0000";
    return this.postings(tok, hi).then(function (shards) {
      var found = Object.create(null);
      var any = false;
      shards.forEach(function (sh) {
        for (var t in sh) {
          if (t === tok) { found[t] = { q: EXACT, p: sh[t] }; any = true; }
          else if (prefix && t.lastIndexOf(tok, 0) === 0) { found[t] = { q: PREFIX, p: sh[t] }; any = true; }
        }
      });
      var chars = Array.from(tok);
      if (any || chars.length < 4) return { terms: found, fuzzy: false };
      var c = chars[0];
      return self.postings(c, c + "\uffff").then(function (shards) {
        shards.forEach(function (sh) {
          for (var t in sh) {
            var tc = Array.from(t);
            var ok = within1(chars, tc);
            if (!ok && prefix) {
              for (var L = chars.length - 1; L <= chars.length + 1 && !ok; L++) {
                if (L > 0 && L < tc.length) ok = within1(chars, tc.slice(0, L));
              }
            }
            if (ok && tc[0] === c) found[t] = { q: FUZZY, p: sh[t] };
          }
        });
        return { terms: found, fuzzy: true };
      });
    });
  };

  // aliasMatch says how well the query (exps: its words' expansions) names
  // an entry: 3 when it is one of its names (a typo forgiven), 2 when it
  // begins one, else 0.
  function aliasMatch(exps, names, stop) {
    var best = 0;
    names.forEach(function (n) {
      var nt = terms(n, stop);
      if (nt.length !== exps.length) return;
      var exact = true;
      for (var i = 0; i < nt.length; i++) {
        var hit = exps[i].terms[nt[i]];
        if (!hit) return;
        if (hit.q === PREFIX) exact = false;
      }
      best = Math.max(best, exact ? 3 : 2);
    });
    return best;
  }

  // search runs a query. opts: prefix (the last word is being typed;
  // default true), kinds (keys to keep), limit (results to describe; 10).
  // It resolves to {query, total, results, corrections}; a result has kind,
  // kindLabel, title, context, url, snippet ([{text, mark}]) and entity.
  Engine.prototype.search = function (query, opts) {
    var self = this;
    return this.find(query, opts).then(function (res) {
      // "pre-emptive" finds nothing where the text writes "preemptive":
      // then the words joined are searched, and the reader told so.
      var joined = query.replace(/(\p{L})[-\u2010\u2011](?=\p{L})/gu, "$1");
      if (res.total || joined === query) return res;
      return self.find(joined, opts).then(function (r) {
        if (!r.total) return res;
        r.query = query;
        r.corrections = [{ from: query.trim(), to: [joined.trim()] }];
        return r;
      });
    });
  };

  Engine.prototype.find = function (query, opts) {
    opts = opts || {};
    var self = this;
    var prefix = opts.prefix !== false;
    var limit = opts.limit || 10;
    return this.manifest().then(function (m) {
      var toks = terms(query, self.stop);
      if (!toks.length) return { query: query, total: 0, results: [], corrections: [] };
      return Promise.all(toks.map(function (t, i) { return self.expand(t, prefix && i === toks.length - 1); }))
        .then(function (exps) { return self.rank(query, toks, prefix, exps, opts, limit); });
    });
  };

  Engine.prototype.rank = function (query, toks, prefix, exps, opts, limit) {
    var self = this, m = this.m;
    var corrections = [];
    var perTok = exps.map(function (e, i) {
      var scores = {}, names = {};
      var ts = Object.keys(e.terms);
      if (e.fuzzy && ts.length) corrections.push({ from: toks[i], to: ts });
      ts.forEach(function (t) {
        var hit = e.terms[t];
        var p = pairs(hit.p);
        var idf = Math.log(1 + m.docs / (p.length / 2));
        for (var j = 0; j < p.length; j += 2) {
          var d = p[j], w = p[j + 1];
          // w: times in the text (up to 4), + 8 in a name or alias
          var s = hit.q * idf * (w % 8 + (w > 7 ? 6 : 0));
          if (!(d in scores) || scores[d] < s) scores[d] = s;
          if (w > 7) names[d] = true;
        }
      });
      return { scores: scores, names: names };
    });
    var marks = Object.create(null);
    exps.forEach(function (e) { for (var t in e.terms) marks[t] = true; });

    // Every word must match (AND).
    var score = {};
    Object.keys(perTok[0].scores).forEach(function (d) {
      var s = 0;
      for (var i = 0; i < perTok.length; i++) {
        if (!(d in perTok[i].scores)) return;
        s += perTok[i].scores[d];
      }
      score[d] = s;
    });
    // Entries and sources whose names hold every word may be named by the
    // query: load them to compare the query with their aliases.
    var named = Object.keys(score).filter(function (d) {
      return self.entityKinds[self.kindOf(+d)] && perTok.every(function (pt) { return pt.names[d]; });
    }).sort(function (a, b) { return score[b] - score[a]; }).slice(0, 24);

    return Promise.all(named.map(function (d) { return self.doc(d); })).then(function (docs) {
      var match = {}, via = {};
      docs.forEach(function (doc, i) {
        var d = named[i];
        var am = aliasMatch(exps, [doc.t].concat(doc.a || []), self.stop);
        if (!am) return;
        match[d] = am;
        if (am === 3) {
          // The query names this entry: every passage that names it counts.
          (doc.o || []).forEach(function (p, j) {
            score[p] = (score[p] || 0) + 1;
            (via[p] = via[p] || []).push.apply(via[p], (doc.h || [])[j] || []);
          });
        }
      });
      var keep = opts.kinds ? {} : null;
      if (opts.kinds) opts.kinds.forEach(function (k) { keep[k] = true; });
      var ids = Object.keys(score).map(Number).filter(function (d) {
        return !keep || keep[m.kinds[self.kindOf(d)].key];
      });
      // The entries the query names come first, then the passages, then
      // the other entries and sources.
      var group = function (d) {
        if ((match[d] || 0) >= 2) return 0;
        return self.entityKinds[self.kindOf(d)] ? 2 : 1;
      };
      ids.sort(function (a, b) {
        return group(a) - group(b) || (match[b] || 0) - (match[a] || 0) || score[b] - score[a] || a - b;
      });
      var shown = ids.slice(opts.offset || 0, (opts.offset || 0) + limit);
      return Promise.all(shown.map(function (d) { return self.doc(d); })).then(function (docs) {
        var results = docs.map(function (doc, i) {
          var d = shown[i];
          var k = m.kinds[self.kindOf(d)];
          return {
            id: d, kind: k.key, kindLabel: k.one, title: doc.t, context: doc.c || "", url: doc.u,
            entity: (match[d] || 0) >= 2,
            snippet: snippet(doc.x, marks, via[d] || [], self.stop)
          };
        });
        return { query: query, total: ids.length, results: results, corrections: corrections };
      });
    });
  };

  // doc loads document d from its file (of m.per documents, or of one).
  Engine.prototype.doc = function (d) {
    var per = this.m.per || 1;
    return this.load("d/" + Math.floor(d / per)).then(function (f) { return unpack(f, d % per); });
  };

  // kindOf finds a document's kind without loading it: the manifest gives
  // the first document of each kind.
  Engine.prototype.kindOf = function (d) {
    var f = this.m.first, k = 0;
    for (var i = 0; i < f.length; i++) if (d >= f[i]) k = i;
    return k;
  };

  // snippet cuts about 200 characters of text around its first marked word
  // and splits it into marked and unmarked parts.
  function snippet(text, marks, phrases, stop) {
    text = text || "";
    var spans = [];
    words(text, stop).forEach(function (w) {
      if (w.term && marks[w.term]) spans.push([w.start, w.end]);
    });
    var lower = text.toLowerCase();
    phrases.forEach(function (p) {
      var pl = p.toLowerCase(), at = 0;
      while (pl && (at = lower.indexOf(pl, at)) >= 0) {
        var before = at === 0 || !/[\p{L}\p{N}]/u.test(lower[at - 1]);
        var after = at + pl.length >= lower.length || !/[\p{L}\p{N}]/u.test(lower[at + pl.length]);
        if (before && after) spans.push([at, at + pl.length]);
        at += pl.length;
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    spans.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    });
    var width = 200;
    var from = 0;
    if (merged.length && merged[0][1] > width - 40) {
      from = merged[0][0] - 50;
      var sp = text.indexOf(" ", from);
      if (sp >= 0 && sp < merged[0][0]) from = sp + 1;
    }
    var to = Math.min(text.length, from + width);
    if (to < text.length) {
      var cut = text.lastIndexOf(" ", to);
      if (cut > from) to = cut;
    }
    var out = [];
    // An ellipsis stands apart from a sentence's end, as the entries'
    // snippets do: "… The" after one, "view. …" at the end of one.
    if (from > 0) out.push({ text: /[.?!]["”’')\]»]* +$/.test(text.slice(Math.max(0, from - 9), from)) ? "… " : "…", mark: false });
    var pos = from;
    merged.forEach(function (s) {
      if (s[1] <= from || s[0] >= to) return;
      var a = Math.max(s[0], from), b = Math.min(s[1], to);
      if (a > pos) out.push({ text: text.slice(pos, a), mark: false });
      out.push({ text: text.slice(a, b), mark: true });
      pos = b;
    });
    if (pos < to) out.push({ text: text.slice(pos, to), mark: false });
    if (to < text.length) out.push({ text: text[to] === " " && /[.?!]["”’')\]»]*$/.test(text.slice(Math.max(from, to - 9), to)) ? " …" : "…", mark: false });
    return out;
  }

  var api = {
    register: register, scriptLoader: scriptLoader, Engine: Engine,
    words: words, terms: terms, normalize: normalize, within1: within1,
    pairs: pairs, unpack: unpack
  };
  root.EditionSearch = api;

  if (typeof document === "undefined") return;

  // ── The page
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  function snippetNode(parts) {
    var s = el("span", { "class": "snippet" });
    parts.forEach(function (p) {
      s.appendChild(p.mark ? el("mark", null, p.text) : document.createTextNode(p.text));
    });
    return s;
  }

  var engine = null, rootURL = "";

  function setup() {
    var form = document.querySelector("form.site-search[data-search-index]");
    if (!form) return;
    var indexURL = form.getAttribute("data-search-index");
    rootURL = form.getAttribute("data-site-root") || "";
    var base = indexURL.slice(0, indexURL.lastIndexOf("/") + 1);
    var load = null;
    engine = new Engine(function (name) {
      if (!load) {
        // The manifest names the version; fragments are asked for with it.
        return scriptLoader(base, "")(name).then(function (m) {
          load = scriptLoader(base, m && m.v);
          return m;
        });
      }
      return load(name);
    });
    combobox(form);
    var page = document.getElementById("search-page-form");
    if (page) searchPage(page);
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) return;
      var t = ev.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      ev.preventDefault();
      var input = document.getElementById("search-page-q") || form.querySelector("input[name=q]");
      input.focus();
      input.select();
    });
  }

  function href(u) { return rootURL + u; }

  // combobox turns the header's search field into a combobox whose listbox
  // offers the best results as you type.
  function combobox(form) {
    var input = form.querySelector("input[name=q]");
    var list = el("ul", { id: "site-search-list", role: "listbox", "class": "search-list", "aria-label": "Search results" });
    list.hidden = true;
    var status = el("p", { "class": "visually-hidden", role: "status", "aria-live": "polite" });
    form.appendChild(list);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    var options = [], active = -1, timer = 0, seq = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function activate(i) {
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = i;
      if (i < 0) { input.removeAttribute("aria-activedescendant"); return; }
      options[i].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[i].id);
      options[i].scrollIntoView({ block: "nearest" });
    }
    function go(i) {
      var o = options[i];
      if (o) location.href = o.getAttribute("data-href");
    }
    function show(res) {
      list.textContent = "";
      options = [];
      active = -1;
      var q = input.value.trim();
      res.results.forEach(function (r, i) {
        var li = el("li", { role: "option", id: "site-search-opt-" + i, "aria-selected": "false",
          "data-href": href(r.url), "class": "search-option kind-" + r.kind + (r.entity ? " named" : "") });
        li.appendChild(el("span", { "class": "kind" }, r.kindLabel));
        li.appendChild(el("span", { "class": "title" }, r.title));
        if (r.context && !r.entity) li.appendChild(el("span", { "class": "context" }, r.context));
        li.appendChild(snippetNode(r.snippet));
        list.appendChild(li);
        options.push(li);
      });
      var all = el("li", { role: "option", id: "site-search-opt-all", "aria-selected": "false", "class": "search-option all",
        "data-href": form.getAttribute("action") + "?q=" + encodeURIComponent(q) });
      all.textContent = res.total > 1 ? "All " + res.total + " results for “" + q + "”" :
        res.total ? "1 result for “" + q + "”" : "No results for “" + q + "”: browse the indexes";
      list.appendChild(all);
      options.push(all);
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = res.total ? res.total + (res.total === 1 ? " result" : " results") + "; use the arrow keys to choose" : "No results";
    }
    function run() {
      var q = input.value;
      if (!q.trim()) { close(); status.textContent = ""; return; }
      var mine = ++seq;
      engine.search(q, { limit: 8 }).then(function (res) {
        if (mine === seq) show(res);
      }, function () {
        if (mine === seq) status.textContent = "The search index could not be loaded.";
      });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("focus", function () { engine.manifest().catch(function () {}); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        if (list.hidden) { if (input.value.trim()) run(); return; }
        ev.preventDefault();
        var n = options.length;
        activate(ev.key === "ArrowDown" ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
      } else if (ev.key === "Enter" && !list.hidden && active >= 0) {
        ev.preventDefault();
        go(active);
      } else if (ev.key === "Escape") {
        if (!list.hidden) { ev.preventDefault(); close(); } else input.value = "";
      }
    });
    // Enter on a chosen option goes to it, however the form came to be
    // submitted (some assistive technologies submit without a keydown).
    form.addEventListener("submit", function (ev) {
      if (!list.hidden && active >= 0) { ev.preventDefault(); go(active); }
    });
    list.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
    list.addEventListener("click", function (ev) {
      var li = ev.target.closest("[role=option]");
      if (li) go(options.indexOf(li));
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  // searchPage runs the query of search.html?q=… and lists every result,
  // with filters by kind.
  function searchPage(form) {
    var input = document.getElementById("search-page-q");
    var out = document.getElementById("search-results");
    var filters = document.getElementById("search-filters");
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    var limit = 50, seq = 0;
    if (filters) filters.hidden = false;
    function chosen() {
      if (!filters) return null;
      var boxes = filters.querySelectorAll("input[type=checkbox]");
      var keys = [];
      boxes.forEach(function (b) { if (b.checked) keys.push(b.value); });
      return keys.length === boxes.length ? null : keys;
    }
    function run(push) {
      var q = input.value;
      var mine = ++seq;
      if (push) {
        var u = new URL(location.href);
        u.searchParams.set("q", q);
        history.replaceState(null, "", u);
      }
      out.textContent = "";
      if (!q.trim()) return;
      engine.search(q, { limit: limit, kinds: chosen(), prefix: false }).then(function (res) {
        if (mine !== seq) return;
        out.textContent = "";
        var count = el("p", { "class": "search-count" });
        count.textContent = res.total === 0 ? "No results for “" + q + "”." :
          res.total + (res.total === 1 ? " result" : " results") + " for “" + q + "”" +
          (res.total > res.results.length ? "; the first " + res.results.length + " are shown." : ".");
        out.appendChild(count);
        res.corrections.forEach(function (c) {
          out.appendChild(el("p", { "class": "search-correction" }, "“" + c.from + "” is not in the text; showing " + c.to.join(", ") + "."));
        });
        var ol = el("ol", { "class": "search-results" });
        res.results.forEach(function (r) {
          var li = el("li", { "class": "search-result kind-" + r.kind + (r.entity ? " named" : "") });
          var h = el("p", { "class": "result-head" });
          h.appendChild(el("span", { "class": "kind" }, r.kindLabel));
          h.appendChild(document.createTextNode(" "));
          h.appendChild(el("a", { href: href(r.url) }, r.title));
          if (r.context) h.appendChild(el("span", { "class": "context" }, r.context));
          li.appendChild(h);
          var p = el("p", { "class": "result-snippet" });
          p.appendChild(snippetNode(r.snippet));
          li.appendChild(p);
          ol.appendChild(li);
        });
        out.appendChild(ol);
      }, function () {
        out.textContent = "The search index could not be loaded.";
      });
    }
    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(true); });
    if (filters) filters.addEventListener("change", function () { run(false); });
    run(false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})(typeof window !== "undefined" ? window : globalThis);
