package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options configure a Watcher. The zero value works.
type Options struct {
	// Debounce is how long the folders must be quiet before the changes
	// are sent. Default 10ms: longer than the gaps in an editor's save,
	// short enough not to be felt.
	Debounce time.Duration
	// Burst is the quiet wanted instead of Debounce when changes keep
	// coming: when a change follows the previous batch within Burst, the
	// watcher takes it for part of a burst (a checkout, a script writing
	// many files, a slow copy) and waits for Burst of quiet before sending
	// the rest. Default 100ms.
	Burst time.Duration
	// MaxDelay bounds how long a change waits while events keep coming.
	// Default 500ms.
	MaxDelay time.Duration
	// Ignore, if set, leaves out further paths (and, for a folder,
	// everything in it), such as an output folder inside a watched one.
	Ignore func(path string) bool
}

// Batch is the paths that changed while the folders were busy.
type Batch struct {
	// Paths are the files and folders created, written, removed or renamed,
	// sorted and without repeats, as the watched folder's path joined with
	// the path inside it.
	Paths []string
	// Overflow says the system dropped events: anything under the folders
	// may have changed.
	Overflow bool
}

// Watcher watches folders recursively and sends batches of changed paths.
type Watcher struct {
	fsw    *fsnotify.Watcher
	roots  []string
	opts   Options
	out    chan Batch
	errs   chan error
	done   chan struct{}
	closed chan struct{}
}

// New starts watching the folders roots and everything in them.
func New(roots []string, opts Options) (*Watcher, error) {
	if opts.Debounce <= 0 {
		opts.Debounce = 10 * time.Millisecond
	}
	if opts.Burst <= 0 {
		opts.Burst = 100 * time.Millisecond
	}
	if opts.MaxDelay <= 0 {
		opts.MaxDelay = 500 * time.Millisecond
	}
	fsw, err := fsnotify.NewBufferedWatcher(1024)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{fsw: fsw, opts: opts, out: make(chan Batch), errs: make(chan error, 16),
		done: make(chan struct{}), closed: make(chan struct{})}
	for _, r := range roots {
		r = filepath.Clean(r)
		fi, err := os.Stat(r)
		if err == nil && !fi.IsDir() {
			err = fmt.Errorf("%s is not a folder", r)
		}
		if err == nil {
			_, err = w.addTree(r)
		}
		if err != nil {
			fsw.Close()
			return nil, fmt.Errorf("watch: %w", err)
		}
		w.roots = append(w.roots, r)
	}
	go w.loop()
	return w, nil
}

// Batches delivers the changes. It is closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.out }

// Errors delivers problems that do not stop the watching, such as a new
// folder that could not be watched. Errors that are not received in time
// are dropped.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops watching.
func (w *Watcher) Close() error {
	select {
	case <-w.done:
	default:
		close(w.done)
	}
	<-w.closed
	return nil
}

// addTree watches dir and the folders under it, and returns the files
// found in them.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone meanwhile
		}
		if w.ignored(p, d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, p)
			return nil
		}
		if err := w.fsw.Add(p); err != nil {
			if p == dir {
				return err
			}
			w.report(fmt.Errorf("watch: cannot watch %s: %w", p, err))
		}
		return nil
	})
	return files, err
}

func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}

// ignored reports whether a path is left out: it is inside a hidden folder
// or is an editor's temporary file, or Options.Ignore says so.
func (w *Watcher) ignored(p string, dir bool) bool {
	if w.opts.Ignore != nil && w.opts.Ignore(p) {
		return true
	}
	for _, r := range w.roots {
		if rel, err := filepath.Rel(r, p); err == nil && filepath.IsLocal(rel) {
			for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
				if strings.HasPrefix(part, ".") {
					return true
				}
			}
		}
	}
	return !dir && Temporary(filepath.Base(p))
}

// Temporary reports whether a file name is one that editors and systems
// make beside the files people work on: swap, backup and lock files, atomic
// save intermediates, and folder litter.
func Temporary(name string) bool {
	switch {
	case name == "4913", // vim probes whether it may write the folder
		name == ".DS_Store", name == "Thumbs.db", name == "desktop.ini",
		strings.HasSuffix(name, "~"),                                                     // backups: vim, emacs, gedit
		strings.HasPrefix(name, ".#"),                                                    // emacs lock files
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),                     // emacs auto-save
		strings.HasPrefix(name, ".goutputstream-"),                                       // GNOME's atomic save
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"), // JetBrains
		strings.HasSuffix(name, ".crswap"), // Chrome's File System Access
		strings.HasSuffix(name, ".kate-swp"),
		strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".TMP"),
		vimSwapRE.MatchString(name),
		sedTempRE.MatchString(name):
		return true
	}
	return false
}

var (
	vimSwapRE = regexp.MustCompile(`\.sw[a-p]x?$`)        // .swp, .swo, …, and .swpx
	sedTempRE = regexp.MustCompile(`^sed[A-Za-z0-9]{6}$`) // sed -i
)

// loop turns fsnotify's events into batches until Close.
func (w *Watcher) loop() {
	defer close(w.closed)
	defer close(w.out)
	defer w.fsw.Close()
	var (
		pending, ready         = map[string]bool{}, map[string]bool{}
		pendingOver, readyOver bool
		first                  time.Time // of the oldest pending change
		flushed                time.Time // when the last batch was made
		quiet                  = w.opts.Debounce
		timer                  = time.NewTimer(time.Hour)
	)
	timer.Stop()
	touch := func() {
		now := time.Now()
		if len(pending) == 0 && !pendingOver {
			first = now
			quiet = w.opts.Debounce
			if now.Sub(flushed) < w.opts.Burst {
				quiet = w.opts.Burst // the changes go on: wait for their end
			}
		}
		wait := min(quiet, w.opts.MaxDelay-now.Sub(first))
		timer.Reset(max(wait, 0))
	}
	for {
		var out chan Batch
		var b Batch
		if len(ready) > 0 || readyOver {
			out = w.out
			b = Batch{Paths: slices.Sorted(maps.Keys(ready)), Overflow: readyOver}
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			paths := w.event(ev)
			if len(paths) == 0 {
				continue
			}
			touch()
			for _, p := range paths {
				pending[p] = true
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Folders made meanwhile may not be watched yet.
				for _, r := range w.roots {
					_, _ = w.addTree(r)
				}
				touch()
				pendingOver = true
				continue
			}
			w.report(fmt.Errorf("watch: %w", err))
		case <-timer.C:
			flushed = time.Now()
			for p := range pending {
				ready[p] = true
			}
			readyOver = readyOver || pendingOver
			clear(pending)
			pendingOver = false
		case out <- b:
			clear(ready)
			readyOver = false
		}
	}
}

// event returns the paths an event changed, or none if it changed nothing
// that counts.
func (w *Watcher) event(ev fsnotify.Event) []string {
	if ev.Op == fsnotify.Chmod || ev.Name == "" {
		return nil
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			if w.ignored(ev.Name, true) {
				return nil
			}
			files, err := w.addTree(ev.Name)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				w.report(fmt.Errorf("watch: cannot watch the new folder %s: %w", ev.Name, err))
			}
			return append([]string{ev.Name}, files...)
		}
	}
	if w.ignored(ev.Name, false) {
		return nil
	}
	return []string{ev.Name}
}
