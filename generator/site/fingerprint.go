package site

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"reflect"
)

// fingerprinter hashes values by what they hold: every field, exported or
// not, every element, and what every pointer points at (never the address).
// Two values with equal fingerprints hold the same data, up to the odds of
// a 64-bit hash collision. A page's template can reach only what its view
// holds, so equal fingerprints of (templates, template name, path, view)
// mean equal pages, and the previous bytes can be kept.
//
// Pointees are hashed once per fingerprinter: the edition, shared by every
// page's view, costs once per build. A fingerprinter must therefore not
// outlive the data it hashes unchanged: make one per build (per goroutine).
// Pointees that the caller knows did not change since an earlier build
// may be given with their fingerprints in stable.
type fingerprinter struct {
	seed   maphash.Seed
	stable map[ptrKey]uint64 // read-only
	memo   map[ptrKey]uint64
	active map[ptrKey]bool
	bufs   [][]byte // one encoding buffer per pointer depth
	depth  int
}

type ptrKey struct {
	addr uintptr
	typ  reflect.Type
}

func newFingerprinter(seed maphash.Seed) *fingerprinter {
	return &fingerprinter{seed: seed, memo: map[ptrKey]uint64{}, active: map[ptrKey]bool{}}
}

// keyOf is the memo key of a non-nil pointer.
func keyOf(p any) ptrKey {
	v := reflect.ValueOf(p)
	return ptrKey{v.Pointer(), v.Type()}
}

// sum returns the fingerprint of the values, taken in order.
func (f *fingerprinter) sum(vs ...any) uint64 {
	return f.hash(func(b []byte) []byte {
		for _, v := range vs {
			b = f.value(b, reflect.ValueOf(v))
		}
		return b
	})
}

// hash encodes into a buffer of its own depth and hashes the encoding.
// Values are encoded, not streamed into a maphash.Hash: appending small
// strings to a slice costs less than writing them through Hash's buffer.
func (f *fingerprinter) hash(encode func([]byte) []byte) uint64 {
	if f.depth == len(f.bufs) {
		f.bufs = append(f.bufs, make([]byte, 0, 4096))
	}
	d := f.depth
	f.depth++
	b := encode(f.bufs[d][:0])
	f.depth--
	f.bufs[d] = b
	return maphash.Bytes(f.seed, b)
}

// Markers keep differently shaped values from encoding alike.
const (
	markNil = iota + 1
	markPtr
	markCycle
	markIface
	markInvalid
	markLong
)

// longString is the length from which a string is hashed on its own and
// only its hash encoded, instead of being copied.
const longString = 256

func (f *fingerprinter) str(b []byte, s string) []byte {
	b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
	if len(s) >= longString {
		return binary.LittleEndian.AppendUint64(b, maphash.String(f.seed, s))
	}
	return append(b, s...)
}

func (f *fingerprinter) value(b []byte, v reflect.Value) []byte {
	le := binary.LittleEndian
	switch v.Kind() {
	case reflect.Invalid:
		return append(b, markInvalid)
	case reflect.String:
		return f.str(b, v.String())
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return le.AppendUint64(b, uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return le.AppendUint64(b, v.Uint())
	case reflect.Float32, reflect.Float64:
		return le.AppendUint64(b, math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		b = le.AppendUint64(b, math.Float64bits(real(c)))
		return le.AppendUint64(b, math.Float64bits(imag(c)))
	case reflect.Slice:
		if v.IsNil() {
			return append(b, markNil)
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return f.str(b, string(v.Bytes()))
		}
		b = le.AppendUint64(b, uint64(v.Len()))
		for i := range v.Len() {
			b = f.value(b, v.Index(i))
		}
		return b
	case reflect.Array:
		for i := range v.Len() {
			b = f.value(b, v.Index(i))
		}
		return b
	case reflect.Struct:
		for i := range v.NumField() {
			b = f.value(b, v.Field(i))
		}
		return b
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, markNil)
		}
		return le.AppendUint64(append(b, markPtr), f.pointee(v))
	case reflect.Interface:
		if v.IsNil() {
			return append(b, markNil)
		}
		e := v.Elem()
		b = f.str(append(b, markIface), e.Type().String())
		return f.value(b, e)
	case reflect.Map:
		if v.IsNil() {
			return append(b, markNil)
		}
		// In any order: the sum of each pair's own hash.
		var sum uint64
		it := v.MapRange()
		for it.Next() {
			sum += f.hash(func(b []byte) []byte { return f.value(f.value(b, it.Key()), it.Value()) })
		}
		b = le.AppendUint64(b, uint64(v.Len()))
		return le.AppendUint64(b, sum)
	default:
		// Functions, channels and unsafe pointers: templates cannot show
		// what they hold; their type is all that counts.
		return f.str(b, v.Type().String())
	}
}

// pointee hashes what a non-nil pointer points at, once.
func (f *fingerprinter) pointee(v reflect.Value) uint64 {
	k := ptrKey{v.Pointer(), v.Type()}
	if s, ok := f.stable[k]; ok {
		return s
	}
	if s, ok := f.memo[k]; ok {
		return s
	}
	if f.active[k] {
		return markCycle
	}
	f.active[k] = true
	s := f.hash(func(b []byte) []byte { return f.value(b, v.Elem()) })
	delete(f.active, k)
	f.memo[k] = s
	return s
}
