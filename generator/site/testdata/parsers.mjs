// parsers.mjs reads the edition's bibliography exports with other people's
// parsers, as reference managers would: BibTeX with
// @retorquere/bibtex-parser (the parser of Zotero's Better BibTeX), RIS and
// CSL-JSON with Citation.js. Run it with the folder holding node_modules as
// the working directory:
//
//   node --input-type=module -e "$(cat parsers.mjs)" -- bibtex|ris|csl FILE…
//
// It prints one JSON answer per file.
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.cwd() + "/");
const [mode, ...files] = process.argv.slice(1).filter((a) => a !== "--");
const out = [];
if (mode === "bibtex") {
  const bp = await import("@retorquere/bibtex-parser");
  for (const f of files) {
    const r = bp.parse(fs.readFileSync(f, "utf8"), { sentenceCase: false });
    out.push({ file: f, errors: r.errors, entries: r.entries.map((e) => ({ key: e.key, type: e.type, fields: e.fields })) });
  }
} else {
  const { Cite } = require("@citation-js/core");
  require("@citation-js/plugin-ris");
  for (const f of files) {
    const type = mode === "ris" ? "@ris/file" : "@csl/list+object";
    const text = fs.readFileSync(f, "utf8");
    const c = new Cite(mode === "ris" ? text : JSON.parse(text), { forceType: type });
    out.push({ file: f, items: c.data.map((d) => { const { _graph, ...rest } = d; return rest; }) });
  }
}
process.stdout.write(JSON.stringify(out));
