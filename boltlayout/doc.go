// Package boltlayout checks the page structure of a bbolt file before bbolt
// maps it, so that a damaged file is refused with an error naming the
// damage instead of being followed out of bounds.
package boltlayout
