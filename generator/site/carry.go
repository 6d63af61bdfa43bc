package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"

	"edition/generator/publish"
	"edition/generator/render"
)

// fingerprintedFileRE takes a fingerprinted asset's name apart: "style",
// the ten hex digits, ".css" (see render.FingerprintedName).
var fingerprintedFileRE = regexp.MustCompile(`^(.+)\.[0-9a-f]{10}(\.(?:css|js))$`)

// carryPreviousAssets carries over into the new site (w, before Commit)
// the previous version of each fingerprinted style sheet and script, from
// the site in the output folder, so that a page cached from that site (by
// a browser, a CDN, or a host that swaps a deploy in while readers read)
// still finds the style sheet and scripts it names, whose old names the
// new site no longer has.
//
// Only one version back is kept. Which file of the output folder is an
// asset's current version is read from the folder itself: the one whose
// name is the fingerprint of the asset's plain-named copy there. For each
// asset:
//
//   - if its current version is not in the new site (the asset changed, or
//     is gone from the templates), that version is carried over;
//   - if the new site has it (the asset did not change), the version that
//     was carried over into the output folder (if any) is carried over
//     again, so that a build of the same sources changes no file;
//   - any other version, older, is left behind.
//
// A build into a fresh folder carries nothing: its output depends on the
// sources alone.
func carryPreviousAssets(w *publish.Writer, output string) error {
	dir := filepath.Join(output, render.AssetsDir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot read the previous site's assets to keep their previous versions: %w", err)
	}
	versions := map[string][]fs.DirEntry{} // by the asset's plain name
	for _, e := range entries {
		m := fingerprintedFileRE.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() || !render.Fingerprinted(m[1]+m[2]) {
			continue
		}
		versions[m[1]+m[2]] = append(versions[m[1]+m[2]], e)
	}
	names := make([]string, 0, len(versions))
	for name := range versions {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		plain, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			continue // no current version to tell the previous one by
		}
		current := render.FingerprintedName(name, plain)
		vs := versions[name]
		if !slices.ContainsFunc(vs, func(e fs.DirEntry) bool { return e.Name() == current }) {
			continue
		}
		carry := ""
		if !w.Has(render.AssetsDir + "/" + current) {
			carry = current
		} else {
			carry = lastCarried(vs, current)
		}
		if carry == "" || w.Has(render.AssetsDir+"/"+carry) {
			continue
		}
		if err := w.Carry(render.AssetsDir + "/" + carry); err != nil {
			return err
		}
	}
	return nil
}

// lastCarried is the name of the newest of an asset's versions other than
// current: there is one at most in a folder this package wrote, but a
// folder touched by hand may have more.
func lastCarried(versions []fs.DirEntry, current string) string {
	best, bestInfo := "", fs.FileInfo(nil)
	for _, e := range versions {
		if e.Name() == current {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		if bestInfo == nil || fi.ModTime().After(bestInfo.ModTime()) ||
			fi.ModTime().Equal(bestInfo.ModTime()) && e.Name() > best {
			best, bestInfo = e.Name(), fi
		}
	}
	return best
}
