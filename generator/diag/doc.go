// Package diag carries what a build has to say about its input: errors and
// warnings, each pinned to a file, line and column, with a hint that tells the
// editor what to do.
//
//	source, markup, index ──Add──▶ List ──Sort, Err──▶ site ──▶ cmd (exit 1 on errors)
//
// Positions count lines and columns from 1; columns count characters (runes),
// as editors show them.
package diag
