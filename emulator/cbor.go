package emulator

import (
	"fmt"
	"math"
	"time"

	"github.com/aws/smithy-go/encoding/cbor"
)

// The smithy-go cbor package says it is for the SDK runtime only and may
// change without notice, so it is used in this file alone: everything else
// in the emulator sees plain Go values (map[string]any, []any, string,
// float64, int64, bool, time.Time).

// cborTagEpoch is the CBOR tag for an epoch timestamp (RFC 8949 §3.4.2),
// which Smithy RPC v2 CBOR uses for every timestamp member.
const cborTagEpoch = 1

// decodeCBOR turns a CBOR document into plain Go values. Timestamps (tag 1)
// become float64 epoch seconds, which the request structs accept.
func decodeCBOR(p []byte) (any, error) {
	if len(p) == 0 {
		return map[string]any{}, nil
	}
	v, err := cbor.Decode(p)
	if err != nil {
		return nil, fmt.Errorf("decode cbor: %w", err)
	}
	return fromCBOR(v)
}

func fromCBOR(v cbor.Value) (any, error) {
	switch x := v.(type) {
	case cbor.Map:
		m := make(map[string]any, len(x))
		for k, e := range x {
			g, err := fromCBOR(e)
			if err != nil {
				return nil, err
			}
			if g != nil {
				m[k] = g
			}
		}
		return m, nil
	case cbor.List:
		l := make([]any, 0, len(x))
		for _, e := range x {
			g, err := fromCBOR(e)
			if err != nil {
				return nil, err
			}
			l = append(l, g)
		}
		return l, nil
	case *cbor.Tag:
		if x.ID != cborTagEpoch {
			return nil, fmt.Errorf("unsupported cbor tag %d", x.ID)
		}
		return cbor.AsFloat64(x.Value)
	case *cbor.Nil, *cbor.Undefined:
		return nil, nil
	}
	return fromCBORScalar(v)
}

func fromCBORScalar(v cbor.Value) (any, error) {
	switch x := v.(type) {
	case cbor.String:
		return string(x), nil
	case cbor.Bool:
		return bool(x), nil
	case cbor.Uint, cbor.NegInt:
		return cbor.AsInt64(x)
	case cbor.Float32:
		return float64(x), nil
	case cbor.Float64:
		return float64(x), nil
	case cbor.Slice:
		return []byte(x), nil
	}
	return nil, fmt.Errorf("unsupported cbor value %T", v)
}

// encodeCBOR serialises plain Go values; time.Time becomes tag 1 around
// float64 epoch seconds at millisecond precision, as the SDK itself sends.
func encodeCBOR(v any) []byte {
	return cbor.Encode(toCBOR(v))
}

func toCBOR(v any) cbor.Value {
	switch x := v.(type) {
	case map[string]any:
		m := make(cbor.Map, len(x))
		for k, e := range x {
			if e != nil {
				m[k] = toCBOR(e)
			}
		}
		return m
	case []any:
		l := make(cbor.List, len(x))
		for i, e := range x {
			l[i] = toCBOR(e)
		}
		return l
	case []float64:
		l := make(cbor.List, len(x))
		for i, e := range x {
			l[i] = cbor.Float64(e)
		}
		return l
	case []time.Time:
		l := make(cbor.List, len(x))
		for i, e := range x {
			l[i] = epochTag(e)
		}
		return l
	case time.Time:
		return epochTag(x)
	}
	return toCBORScalar(v)
}

func toCBORScalar(v any) cbor.Value {
	switch x := v.(type) {
	case string:
		return cbor.String(x)
	case bool:
		return cbor.Bool(x)
	case int:
		return intCBOR(int64(x))
	case int64:
		return intCBOR(x)
	case float64:
		return cbor.Float64(x)
	case []string:
		l := make(cbor.List, len(x))
		for i, e := range x {
			l[i] = cbor.String(e)
		}
		return l
	}
	panic(fmt.Sprintf("emulator: no cbor encoding for %T", v))
}

func intCBOR(i int64) cbor.Value {
	if i < 0 {
		return cbor.NegInt(uint64(-i)) // the package applies the -1 bias itself
	}
	return cbor.Uint(uint64(i))
}

func epochTag(t time.Time) *cbor.Tag {
	ms := float64(t.UnixMilli()) / 1000
	return &cbor.Tag{ID: cborTagEpoch, Value: cbor.Float64(math.Round(ms*1000) / 1000)}
}
