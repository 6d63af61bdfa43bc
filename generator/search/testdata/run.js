// run.js runs the edition's real search client (assets/search.js of a
// built site) in Node, loading the index fragments from the site's folder
// the way a browser's <script src> would: each file is run and hands its
// data to EditionSearch.register.
//
//   node run.js SITE search   < ["query", …]            → [result, …]
//   node run.js SITE search-kinds KINDS < ["query", …]  → only those kinds (comma-separated)
//   node run.js SITE tokens   < ["text", …]             → [[term, …], …]
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, mode, arg] = process.argv.slice(2);
const ctx = vm.createContext({ console });
vm.runInContext(fs.readFileSync(path.join(site, "assets", "search.js"), "utf8"), ctx, { filename: "search.js" });
const api = ctx.EditionSearch;
const loaded = [];
function load(name) {
  const file = path.join(site, "search", name + ".js");
  loaded.push({ name, bytes: fs.statSync(file).size });
  vm.runInContext(fs.readFileSync(file, "utf8"), ctx, { filename: file });
  return Promise.resolve(ctx.EditionSearchLoaded(name));
}
// The client keeps what was registered; expose it to the loader.
vm.runInContext("var __reg = {}; var __orig = EditionSearch.register; EditionSearch.register = function (n, d) { __reg[n] = d; __orig(n, d); }; function EditionSearchLoaded(n) { return __reg[n]; }", ctx);

const input = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  const out = [];
  if (mode === "tokens") {
    const m = JSON.parse(JSON.stringify(await new api.Engine(load).manifest()));
    const stop = {};
    m.stop.forEach((w) => { stop[w] = true; });
    for (const t of input) out.push(api.terms(t, stop));
  } else {
    for (const q of input) {
      loaded.length = 0;
      const engine = new api.Engine(load);
      const opts = { limit: 1000, prefix: false };
      if (mode === "search-kinds") opts.kinds = arg.split(",");
      if (mode === "search-typing") opts.prefix = true;
      const res = await engine.search(q, opts);
      out.push({ query: q, total: res.total, corrections: res.corrections, loaded: loaded.slice(),
        results: res.results.map((r) => ({ kind: r.kind, title: r.title, url: r.url, entity: r.entity,
          marked: r.snippet.filter((s) => s.mark).map((s) => s.text), snippet: r.snippet.map((s) => s.text).join("") })) });
    }
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
