// Package golden runs golden integration cases for the markup extensions:
// Markdown in, HTML out, written in the case-file format of goldmark's own
// extension tests (extension/_test/*.txt), so that the files read the same
// and goldmark's testutil.DoTestCaseFile could run a file that needs no
// per-document context.
//
//	testdata/mention.txt ──ParseFile──▶ []Case ──Run(convert)──▶ one subtest per case
//
// Unlike DoTestCaseFile, Run lets each case convert with a fresh parser
// context (per-document Options), and the output may end with the problems
// the extension reported, one per line, as Reports writes them:
//
//	! 3:17: unknown concept "premption" (did you mean “preemption”?)
//
// With -update (go test ./generator/markup/... -update), Run rewrites the
// expected outputs with what the cases produce: review the diff before
// committing it. It is used by tests only.
package golden
