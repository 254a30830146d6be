package slack

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRenderGoldens turns every golden Block Kit file into an HTML page
// laid out roughly as Slack's phone app shows a message, and screenshots
// each with headless Chromium at a phone's width, to look at what an
// on-call engineer would see. It runs only when APIGW_TRIAGE_RENDER names
// an output directory; nothing it writes is committed.
func TestRenderGoldens(t *testing.T) {
	out := os.Getenv("APIGW_TRIAGE_RENDER")
	if out == "" {
		t.Skip("set APIGW_TRIAGE_RENDER=DIR to render the golden messages as HTML and PNG")
	}
	files, err := filepath.Glob(filepath.Join("testdata", "*.golden.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	browser, _ := exec.LookPath("chromium")
	if browser == "" && os.Getenv("CI") != "" {
		t.Fatal("chromium not installed (Debian package chromium)")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".golden.json")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			page, err := renderPage(name, raw)
			if err != nil {
				t.Fatal(err)
			}
			htmlPath := filepath.Join(out, name+".html")
			if err := os.WriteFile(htmlPath, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			if browser == "" {
				t.Skip("chromium not installed: HTML written, no screenshot")
			}
			screenshot(t, browser, htmlPath, filepath.Join(out, name+".png"))
		})
	}
}

// screenshot renders a page at a phone's width.
func screenshot(t *testing.T, browser, page, png string) {
	t.Helper()
	abs, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), browser, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--hide-scrollbars", "--user-data-dir="+t.TempDir(), "--screenshot="+png, "--window-size=420,1800",
		"file://"+abs)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, b)
	}
}

// golden is the part of a message the renderer draws.
type golden struct {
	Text   string `json:"text"`
	Blocks []struct {
		Type     string    `json:"type"`
		Text     *textObj  `json:"text"`
		Fields   []textObj `json:"fields"`
		Elements []textObj `json:"elements"`
		BlockID  string    `json:"block_id"`
	} `json:"blocks"`
}

type textObj struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

func renderPage(name string, raw []byte) (string, error) {
	var g golden
	if err := json.Unmarshal(raw, &g); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(`<!doctype html><meta charset="utf-8"><style>` + pageCSS + `</style>`)
	fmt.Fprintf(&b, `<div class="file">%s</div><div class="push"><b>apigw-triage</b><br>%s</div>`,
		html.EscapeString(name), mrkdwn(g.Text))
	b.WriteString(`<div class="msg"><div class="avatar">🛰</div><div class="body"><div class="who"><b>apigw-triage</b> <span class="app">APP</span> <span class="time">9:26 AM</span></div>`)
	for _, bl := range g.Blocks {
		switch bl.Type {
		case "header":
			fmt.Fprintf(&b, `<div class="header">%s</div>`, emojis(html.EscapeString(bl.Text.Text)))
		case "section":
			if bl.Text != nil {
				fmt.Fprintf(&b, `<div class="section">%s</div>`, textHTML(*bl.Text))
			}
			if len(bl.Fields) > 0 {
				b.WriteString(`<div class="fields">`)
				for _, f := range bl.Fields {
					fmt.Fprintf(&b, `<div>%s</div>`, textHTML(f))
				}
				b.WriteString(`</div>`)
			}
		case "context":
			b.WriteString(`<div class="context">`)
			for _, e := range bl.Elements {
				b.WriteString(textHTML(e) + " ")
			}
			b.WriteString(`</div>`)
		case "divider":
			b.WriteString(`<hr>`)
		default:
			fmt.Fprintf(&b, `<div class="unknown">[%s block]</div>`, html.EscapeString(bl.Type))
		}
	}
	b.WriteString(`</div></div>`)
	return b.String(), nil
}

func textHTML(o textObj) string {
	if o.Type == "plain_text" {
		return emojis(html.EscapeString(o.Text))
	}
	return mrkdwn(o.Text)
}

var (
	fenceRE   = regexp.MustCompile("(?s)```(.*?)```")
	inlineRE  = regexp.MustCompile("`([^`\n]+)`")
	linkRE    = regexp.MustCompile(`<(https?://[^|>]+)\|([^>]+)>`)
	subteamRE = regexp.MustCompile(`<!subteam\^([A-Z0-9]+)>`)
	boldRE    = regexp.MustCompile(`(^|[\s(>•])\*([^*\n]+)\*`)
	italicRE  = regexp.MustCompile(`(^|[\s(>•])_([^_\n]+)_`)
	strikeRE  = regexp.MustCompile(`(^|[\s(>])~([^~\n]+)~`)
)

// mrkdwn converts Slack's mrkdwn to HTML, well enough to judge a layout.
// Its input already has &, < and > escaped as entities wherever the text
// is not markup, which HTML shows as the characters.
func mrkdwn(s string) string {
	var codes []string
	s = fenceRE.ReplaceAllStringFunc(s, func(m string) string {
		codes = append(codes, "<pre>"+strings.Trim(fenceRE.FindStringSubmatch(m)[1], "\n")+"</pre>")
		return fmt.Sprintf("\x00%d\x00", len(codes)-1)
	})
	s = inlineRE.ReplaceAllString(s, "<code>$1</code>")
	s = linkRE.ReplaceAllString(s, `<a href="$1">$2</a>`)
	s = subteamRE.ReplaceAllString(s, `<span class="mention">@oncall</span>`)
	s = boldRE.ReplaceAllString(s, "$1<b>$2</b>")
	s = italicRE.ReplaceAllString(s, "$1<i>$2</i>")
	s = strikeRE.ReplaceAllString(s, "$1<s>$2</s>")
	s = strings.ReplaceAll(s, "\n", "<br>")
	for i, c := range codes {
		s = strings.Replace(s, fmt.Sprintf("\x00%d\x00", i), c, 1)
	}
	return emojis(s)
}

var emojiNames = strings.NewReplacer(":rotating_light:", "🚨", ":white_check_mark:", "✅",
	":arrows_counterclockwise:", "🔄", ":hourglass_flowing_sand:", "⏳", ":warning:", "⚠️")

func emojis(s string) string { return emojiNames.Replace(s) }

const pageCSS = `
body{margin:0;background:#fff;font:15px/1.46 -apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP",sans-serif;color:#1d1c1d}
.file{background:#333;color:#eee;font:12px monospace;padding:4px 8px}
.push{margin:8px;padding:8px 10px;border-radius:12px;background:#f0f0f0;font-size:13px;max-height:3.8em;overflow:hidden}
.msg{display:flex;padding:8px 12px}
.avatar{width:36px;height:36px;border-radius:6px;background:#4a154b;color:#fff;text-align:center;line-height:36px;margin-right:8px;flex:none}
.body{min-width:0;flex:1}
.who{font-size:15px}.app{font-size:10px;background:#ddd;padding:0 3px;border-radius:2px;color:#555}.time{color:#616061;font-size:12px}
.header{font-size:18px;font-weight:900;margin:4px 0 6px}
.section{margin:4px 0;overflow-wrap:anywhere}
.fields{display:grid;grid-template-columns:1fr 1fr;gap:6px 12px;margin:6px 0;overflow-wrap:anywhere}
.context{font-size:12px;color:#616061;margin:6px 0}
pre{background:#f8f8f8;border:1px solid #ddd;border-radius:4px;padding:6px;font:12px/1.5 Menlo,monospace;white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0}
code{background:#f4f4f4;border:1px solid #ddd;border-radius:3px;color:#e01e5a;font:12px Menlo,monospace;padding:0 2px}
a{color:#1264a3;text-decoration:none}
.mention{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}
hr{border:none;border-top:1px solid #ddd}
.unknown{color:red}
`
