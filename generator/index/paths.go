package index

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxSlug bounds the length of a file name made from a key.
const maxSlug = 80

// reservedSlugs would collide with a folder's index page or are device names
// on Windows, where a site may be copied.
var reservedSlugs = map[string]bool{"index": true, "con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true,
	"com8": true, "com9": true, "lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true,
	"lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true}

// Slug turns any key into a safe file name: lowercase ASCII letters, digits
// and hyphens, never empty, never reserved, never longer than 80 bytes.
// Accents are dropped ("Qián" → "qian"); other characters become hyphens.
// When that loses information (a reserved or overlong name, or one with no
// ASCII letter left), a short hash of the key keeps distinct keys distinct.
func Slug(key string) string {
	if isSlug(key) {
		return key
	}
	return slugSlow(key)
}

// slugSlow is Slug for any key.
func slugSlow(key string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(key) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
			hyphen = false
		case unicode.Is(unicode.Mn, r): // a combining accent: drop it
		default:
			if !hyphen && b.Len() > 0 {
				b.WriteByte('-')
				hyphen = true
			}
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if s == "" || reservedSlugs[s] || len(s) > maxSlug {
		sum := sha256.Sum256([]byte(key))
		h := hex.EncodeToString(sum[:4])
		if len(s) > maxSlug-len(h)-1 {
			s = strings.TrimRight(s[:maxSlug-len(h)-1], "-")
		}
		if s == "" {
			return h
		}
		return s + "-" + h
	}
	return s
}

// isSlug reports whether key is its own slug: lowercase ASCII letters and
// digits in runs joined by single hyphens, not reserved, not too long, as
// most keys are. Slug gives such a key back as it is, without the work.
func isSlug(key string) bool {
	if key == "" || len(key) > maxSlug || key[0] == '-' || key[len(key)-1] == '-' || reservedSlugs[key] {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && key[i-1] != '-':
		default:
			return false
		}
	}
	return true
}
