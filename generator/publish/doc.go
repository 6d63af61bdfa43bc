// Package publish writes a built site into its output folder so that the
// folder is never seen half-written: files go to a staging folder next to it,
// which is then swapped in. On Linux the swap is one atomic renameat2
// (RENAME_EXCHANGE); elsewhere two renames, with recovery at the next run.
// A failed build never calls Replace (or aborts its Writer), so the previous
// site stays.
//
//	[]File ──write (unchanged files hard-linked from the old site)──▶ public.staging-N
//	       ──swap──▶ public (old one removed)
//
// Replace takes the whole site at once; a Writer (Begin, Write, Commit or
// Abort) takes it file by file as a build makes it, so that a large site
// need not be held in memory whole, and writing overlaps making.
//
// Files whose bytes did not change are linked, not rewritten, so they keep
// their modification time and a host sync (rsync, a CDN upload) stays cheap.
// A file the new site does not make can be carried over from the current
// one as it is (Writer.Carry, after the new files): the site package uses
// it to keep the previous version of each fingerprinted style sheet and
// script, which pages cached from the current site still name.
package publish
