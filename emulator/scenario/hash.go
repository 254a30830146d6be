package scenario

import "math/rand/v2"

// mix is splitmix64's finaliser: a cheap, well-spread 64-bit hash step.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// hashString folds strings into a seed with FNV-1a, then mixes.
func hashString(seed uint64, parts ...string) uint64 {
	h := seed ^ 0xcbf29ce484222325
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= 0x100000001b3
		}
		h ^= 0xff
		h *= 0x100000001b3
	}
	return mix(h)
}

// hashInts mixes numbers into a key.
func hashInts(key uint64, xs ...int64) uint64 {
	h := key
	for _, x := range xs {
		h = mix(h ^ uint64(x))
	}
	return h
}

// rngFor is the random stream of one key and one number (a minute, a
// request): generation is a pure function of the seed, never of call order.
func rngFor(key uint64, n int64) *rand.Rand {
	return rand.New(rand.NewPCG(key, mix(uint64(n))))
}

const lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"

// derivedID makes an id of n lower-case letters and digits, like API
// Gateway's API, resource and integration ids.
func derivedID(h uint64, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = lowerAlnum[h%uint64(len(lowerAlnum))]
		h /= uint64(len(lowerAlnum))
		if h == 0 {
			h = mix(uint64(i) + 7)
		}
	}
	return string(b)
}

const hexDigits = "0123456789abcdef"

// hexOf writes n hex digits of successive hashes of h.
func hexOf(h uint64, n int) string {
	b := make([]byte, n)
	for i := range b {
		if i%16 == 0 && i > 0 {
			h = mix(h)
		}
		b[i] = hexDigits[(h>>(4*(i%16)))&0xf]
	}
	return string(b)
}

// uuidOf formats a version-4 style UUID from a hash, as Lambda and API
// Gateway request ids look.
func uuidOf(h uint64) string {
	s := hexOf(h, 32)
	return s[0:8] + "-" + s[8:12] + "-4" + s[13:16] + "-" + "89ab"[h>>62:h>>62+1] + s[17:20] + "-" + s[20:32]
}
