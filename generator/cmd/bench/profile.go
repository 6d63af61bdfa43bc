package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"edition/generator/site"
)

// profileCmd builds a corpus in this process, as edition build does, with
// pprof profiles of the CPU and of the allocations:
//
//	bench profile [-chapters 1000] [-entries 3000] [-cpu cpu.prof] [-mem mem.prof]
//
// then: go tool pprof -top bin/bench cpu.prof
func profileCmd(args []string) int {
	fl := flag.NewFlagSet("bench profile", flag.ContinueOnError)
	chapters := fl.Int("chapters", 1000, "chapters of the corpus")
	entries := fl.Int("entries", 3000, "registry entries of the corpus")
	dir := fl.String("dir", "bench/corpus", "where the corpora are")
	cpu := fl.String("cpu", "bench/cpu.prof", "the CPU profile")
	mem := fl.String("mem", "bench/mem.prof", "the allocation profile")
	peak := fl.String("peak", "", "a heap profile taken when the heap is largest")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	sp := spec{Chapters: *chapters, Entries: *entries, Sources: max(20, *entries/10)}
	d := filepath.Join(*dir, sp.name())
	if _, err := prepare(d, sp); err != nil {
		fmt.Fprintln(os.Stderr, "bench profile:", err)
		return 1
	}
	runtime.MemProfileRate = 64 << 10
	f, err := os.Create(*cpu)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench profile:", err)
		return 1
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "bench profile:", err)
		return 1
	}
	stop := make(chan struct{})
	if *peak != "" {
		go watchPeak(*peak, stop)
	}
	opts := site.Options{Content: filepath.Join(d, "content"), Templates: "templates", Output: filepath.Join(d, "public")}
	t0, ru0 := time.Now(), rusage()
	res, err := site.Write(opts)
	fmt.Fprintf(os.Stderr, "build: %v wall, %v CPU\n", time.Since(t0).Round(time.Millisecond), (rusage() - ru0).Round(time.Millisecond))
	pprof.StopCPUProfile()
	close(stop)
	f.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench profile:", err)
		return 1
	}
	if !res.OK() {
		fmt.Fprintln(os.Stderr, "bench profile:", res.Diags.Err())
		return 1
	}
	fmt.Println(site.Summarize(res))
	m, err := os.Create(*mem)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench profile:", err)
		return 1
	}
	defer m.Close()
	// The allocation profile counts what was allocated up to the last
	// collection; without this one it would leave out what the build made
	// after it (the search index, TEI and registry come last).
	runtime.GC()
	if err := pprof.Lookup("allocs").WriteTo(m, 0); err != nil {
		fmt.Fprintln(os.Stderr, "bench profile:", err)
		return 1
	}
	return 0
}

// watchPeak writes a heap profile to path each time the heap in use grows
// by a further 64 MiB, until stop is closed: the last one is the peak's.
func watchPeak(path string, stop chan struct{}) {
	var last uint64
	for {
		select {
		case <-stop:
			return
		case <-time.After(20 * time.Millisecond):
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapInuse < last+64<<20 {
			continue
		}
		last = ms.HeapInuse
		if f, err := os.Create(path); err == nil {
			pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
			fmt.Fprintf(os.Stderr, "heap in use %d MiB\n", last>>20)
		}
	}
}

// rusage is the CPU time this process has used.
func rusage() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
