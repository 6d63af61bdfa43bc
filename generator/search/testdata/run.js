// run.js runs the edition's real search client (assets/search.js of a built
// site) in Node, loading the index fragments from the site's folder the way
// a browser's <script src> does: each file is run, and hands its data to
// EditionSearch.register.
//
//   node run.js SITE search [OPTIONS] < ["query", …]  → [{query, total, results, loaded}, …]
//   node run.js SITE tokens < ["text", …]             → [[term, …], …]
//   node run.js SITE dump < null                      → {terms: {term: [doc, weight, …]}, docs: [{t, c, u, x, a, o, h}, …]}
//
// OPTIONS is JSON for Engine.search ({"limit": 10, "prefix": true, "kinds": ["notes"]});
// by default every result is described and the last word is not a prefix.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, mode, options] = process.argv.slice(2);
const ctx = vm.createContext({ console });
vm.runInContext(fs.readFileSync(path.join(site, "assets", "search.js"), "utf8"), ctx, { filename: "search.js" });
const api = ctx.EditionSearch;
if (typeof ctx.document !== "undefined") throw new Error("the harness must not have a document");

// Keep what each fragment registers, as the page's loader would.
const registered = {};
const register = api.register;
api.register = (name, data) => { registered[name] = data; register(name, data); };
let loaded = [];
function load(name) {
  if (name in registered) return Promise.resolve(registered[name]); // as the page's loader does
  const file = path.join(site, "search", name + ".js");
  loaded.push({ name, bytes: fs.statSync(file).size });
  vm.runInContext(fs.readFileSync(file, "utf8"), ctx, { filename: file });
  if (!(name in registered)) return Promise.reject(new Error(file + " registered no " + name));
  return Promise.resolve(registered[name]);
}

const input = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  let out = [];
  if (mode === "dump") {
    // The whole index, as the client reads it.
    const engine = new api.Engine(load);
    const m = await engine.manifest();
    const terms = {};
    for (const [, name] of m.shards) {
      const shard = await load(name);
      for (const t in shard) terms[t] = Array.from(api.pairs(shard[t]));
    }
    const docs = [];
    for (let d = 0; d < m.docs; d++) docs.push(await engine.doc(d));
    out = { terms, docs };
  } else if (mode === "tokens") {
    const m = await new api.Engine(load).manifest();
    const stop = Object.create(null);
    m.stop.forEach((w) => { stop[w] = true; });
    for (const t of input) out.push(Array.from(api.terms(t, stop)));
  } else {
    const opts = Object.assign({ limit: 100000, prefix: false }, JSON.parse(options || "{}"));
    for (const q of input) {
      loaded = [];
      const res = await new api.Engine(load).search(q, opts);
      out.push({
        query: q, total: res.total, corrections: JSON.parse(JSON.stringify(res.corrections)), loaded,
        results: res.results.map((r) => ({
          kind: r.kind, title: r.title, url: r.url, entity: r.entity,
          marked: r.snippet.filter((s) => s.mark).map((s) => s.text),
          snippet: r.snippet.map((s) => s.text).join(""),
        })),
      });
    }
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error((e && e.stack) || e); process.exit(1); });
