//go:build !linux

package publish

func swap(staging, dir string) error { return swapRenames(staging, dir) }
