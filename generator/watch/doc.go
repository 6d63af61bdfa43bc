// Package watch tells when files under some folders change, in batches. It
// wraps fsnotify, which watches single folders and reports every event, and
// adds what a live preview needs:
//
//   - folders are watched recursively, including folders created after the
//     start (their files are reported too, since they may have been written
//     before the watch on the new folder was in place);
//
//   - events that change no content are dropped: chmod-only events, editors'
//     temporary and backup files (.swp, ~, 4913, .#name, #name#, …), system
//     litter (.DS_Store, Thumbs.db) and anything in a hidden folder;
//
//   - bursts are debounced: the paths changed are collected until the
//     folders have been quiet for a moment (10ms, or 100ms when the changes
//     follow a batch closely, as in a checkout or a script writing many
//     files; at most 500ms under a steady stream), then sent as one Batch.
//     A save by an editor (which may write, rename and delete several
//     files) is one batch, a long burst one or two, and changes that
//     arrive while the receiver is busy fold into the next batch instead
//     of queuing up.
//
//     fsnotify events ──filter──▶ pending paths ──quiet for Debounce──▶ Batch ──▶ Batches()
//
// The package knows nothing of editions: it reports paths.
package watch
