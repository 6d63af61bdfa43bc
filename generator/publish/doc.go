// Package publish writes a built site into its output folder so that the
// folder is never seen half-written: files go to a staging folder next to it,
// which is then swapped in. On Linux the swap is one atomic renameat2
// (RENAME_EXCHANGE); elsewhere two renames, with recovery at the next run.
// A failed build never calls Replace, so the previous site stays.
//
//	[]File ──write (unchanged files hard-linked from the old site)──▶ public.staging-N
//	       ──swap──▶ public (old one removed)
//
// Files whose bytes did not change are linked, not rewritten, so they keep
// their modification time and a host sync (rsync, a CDN upload) stays cheap.
package publish
