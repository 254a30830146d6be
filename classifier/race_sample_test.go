package classifier

// underRace thins xs to every raceStride-th element under the race
// detector. The exhaustive checks of the literal indexes, the rule index,
// the guards and the code needs run on one goroutine, where the detector
// finds nothing and slows their regular expressions about twentyfold (the
// guards' check alone took eight of the seventeen minutes the suite took
// on two cores); `make test` runs them whole without it first (its
// exhaustive step).
func underRace[T any](xs []T) []T {
	if !raceEnabled {
		return xs
	}
	out := make([]T, 0, len(xs)/raceStride+1)
	for i := 0; i < len(xs); i += raceStride {
		out = append(out, xs[i])
	}
	return out
}
