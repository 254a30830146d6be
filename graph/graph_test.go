package graph

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func series(n int) []Point {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	pts := make([]Point, n)
	for i := range pts {
		pts[i] = Point{
			At:        t0.Add(time.Duration(i) * time.Minute),
			ErrorRate: 0.45 * math.Abs(math.Sin(float64(i)/5)),
			Latency:   time.Duration(200+i%29*100) * time.Millisecond,
		}
	}
	return pts
}

// decode renders in and checks the result is a PNG of the promised size.
func decode(t *testing.T, in Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := PNG(&buf, in); err != nil {
		t.Fatalf("PNG: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Fatalf("size %dx%d, want %dx%d", b.Dx(), b.Dy(), Width, Height)
	}
	return buf.Bytes()
}

func TestPNGRendersSeries(t *testing.T) {
	pts := series(40)
	keep(decode(t, Input{Title: "orders (abc123) / prod", Points: pts, OpenedAt: pts[5].At, ResolvedAt: pts[35].At}), "graph.png")
}

// keep saves a render for a look by eye; the folder is ignored by git.
func keep(b []byte, name string) {
	dir := filepath.Join("testdata", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err == nil {
		_ = os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
}

func TestPNGOnePoint(t *testing.T) {
	pts := series(1)
	keep(decode(t, Input{Title: "one window", Points: pts, OpenedAt: pts[0].At.Add(40 * time.Second)}), "graph-one.png")
}

func TestPNGHostileTitle(t *testing.T) {
	for name, title := range map[string]string{
		"controls": "prod\x1b[2J\r\nforged line\x00\x7f\u0085",
		"bidi":     "stage\u202egnp.exe\u2066\u200b\ufeff",
		"invalid":  "bad \xff\xfe utf8",
		"long":     strings.Repeat("very-long-stage-name-", 5000),
		"scripts":  "本番ステージ 🔥 مرحلة ✓ <b>&amp;</b> %s %!d",
	} {
		t.Run(name, func(t *testing.T) {
			decode(t, Input{Title: title, Points: series(10)})
		})
	}
}

func TestPNGBoundsInput(t *testing.T) {
	pts := series(50 * MaxPoints)
	if got := bound(pts); len(got) != MaxPoints || !got[len(got)-1].At.Equal(pts[len(pts)-1].At) {
		t.Fatalf("bound kept %d points ending %v, want the newest %d", len(got), got[len(got)-1].At, MaxPoints)
	}
	decode(t, Input{Title: "long incident", Points: pts})
}

func TestPNGRejectsEmptyAndNonFinite(t *testing.T) {
	if err := PNG(&bytes.Buffer{}, Input{Title: "x"}); err == nil {
		t.Fatal("no points: want an error")
	}
	pts := series(3)
	pts[1].ErrorRate = math.NaN()
	if err := PNG(&bytes.Buffer{}, Input{Title: "x", Points: pts}); err == nil {
		t.Fatal("NaN rate: want an error")
	}
}

func TestTicksOnWholeMinutes(t *testing.T) {
	lo := time.Date(2026, 3, 1, 9, 55, 17, 0, time.UTC)
	for _, span := range []time.Duration{10 * time.Minute, 3 * time.Hour, 30 * 24 * time.Hour} {
		ticks := minuteTicks{}.Ticks(unix(lo), unix(lo.Add(span)))
		if len(ticks) == 0 || len(ticks) > maxTicks+1 {
			t.Fatalf("span %v: %d ticks", span, len(ticks))
		}
		for _, tk := range ticks {
			at := fromUnix(tk.Value)
			if at.Second() != 0 || (at.Format("15:04") != tk.Label && at.Format("01-02") != tk.Label) {
				t.Errorf("span %v: tick %q at %v", span, tk.Label, at)
			}
		}
	}
}

// TestLatencyPanelNamesTheStatistic: the latency panel says the percentile
// the figures were read at, p99 for points that do not say.
func TestLatencyPanelNamesTheStatistic(t *testing.T) {
	for in, want := range map[string]string{"": "p99", "p90": "p90", "p99.9": "p99.9"} {
		if got := latencyName(Input{LatencyName: in}); got != want {
			t.Errorf("latencyName(%q) = %q, want %q", in, got, want)
		}
	}
}
