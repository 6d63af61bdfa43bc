package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkWriter writes a site of 2,000 files of 14 KB (the size of an
// entry page) in 20 folders, on two goroutines as a build does: "new" into
// an empty output folder, "unchanged" over an identical site, where every
// file is read back, compared and linked.
func BenchmarkWriter(b *testing.B) {
	files := make([]File, 2000)
	for i := range files {
		data := make([]byte, 14<<10)
		for j := range data {
			data[j] = byte(i + j)
		}
		files[i] = File{Path: fmt.Sprintf("d%02d/f%04d.html", i%20, i), Data: data}
	}
	for _, over := range []bool{false, true} {
		name := "new"
		if over {
			name = "unchanged"
		}
		b.Run(name, func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "public")
			if _, err := Replace(dir, files); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(files) * 14 << 10))
			for b.Loop() {
				if !over {
					b.StopTimer()
					if err := os.RemoveAll(dir); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				st, err := Replace(dir, files)
				if err != nil {
					b.Fatal(err)
				}
				if over && st.Unchanged != len(files) || !over && st.Written != len(files) {
					b.Fatalf("stats %+v", st)
				}
			}
		})
	}
}
