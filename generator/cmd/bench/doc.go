// Command bench measures edition at scale, as issue 7 asks: on synthetic
// corpora of 1, 100 and 1,000 chapters with 300 and 3,000 registry entries
// (generator/internal/corpus), it times in one run, interleaved, on the
// same number of cores:
//
//   - edition build, into an empty folder: wall time, CPU time (user and
//     system, from the child's rusage), peak resident memory (its maxrss),
//     files and bytes written;
//   - the floor: plain goldmark with GFM and footnotes (none of the
//     edition's extensions) converting the same chapters, one HTML file
//     each, on GOMAXPROCS goroutines, written to disk (bench floor, run as
//     a child the same way);
//   - the edition's files written alone (bench write): the output of the
//     edition's run, read into memory, then written to a new folder on
//     GOMAXPROCS goroutines, timed by the child itself: what the bytes a
//     build must write cost on this machine, whatever made them;
//   - Hugo, when a hugo binary is at hand (.cache/bin/hugo, or hugo on
//     $PATH), on the same chapters as plain pages;
//
// and their ratios; then a second edition build over the first after one
// word of one chapter changed, to count the files it had to write. It then
// runs the go test benchmarks of mention matching (300 and 30,000
// aliases), indexing and rendering with -benchmem, and BenchmarkReload
// (edition serve). The report is printed and written between the marks of
// bench/results.md, whose other text (the profiles and what was changed)
// it keeps.
//
//	make bench                                   everything (about ten minutes)
//	make bench BENCHFLAGS='-chapters 100 -runs 1' one size, one run
//	bin/bench profile [-chapters N] [-entries N]  CPU and allocation profiles of a build
//	bin/bench floor CONTENT OUT                   the floor alone
//	bin/bench write SRC OUT                       a build's files written again, timed
package main
