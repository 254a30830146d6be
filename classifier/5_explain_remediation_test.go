package classifier

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

func TestCatalogLoads(t *testing.T) {
	if _, err := loadedCatalog(); err != nil {
		t.Fatal(err)
	}
}

// TestRemediateEveryCause checks, through the public API, that every cause
// has a title and steps within the Slack limits in every language.
func TestRemediateEveryCause(t *testing.T) {
	for _, lang := range Langs() {
		for _, c := range Causes() {
			t.Run(string(lang)+"/"+c.String(), func(t *testing.T) {
				a := Remediate(c, lang)
				if a.Lang != lang {
					t.Errorf("lang %q, want %q", a.Lang, lang)
				}
				if a.Title == "" || a.Title == c.String() {
					t.Errorf("title %q: missing or placeholder", a.Title)
				}
				if n := utf8.RuneCountInString(a.Title); n > maxTitleRunes {
					t.Errorf("title has %d characters", n)
				}
				if len(a.Steps) == 0 {
					t.Fatal("no steps")
				}
				for i, s := range a.Steps {
					if strings.TrimSpace(s) == "" || utf8.RuneCountInString(s) > maxStepRunes {
						t.Errorf("step %d empty or over %d characters: %q", i+1, maxStepRunes, s)
					}
				}
			})
		}
	}
}

// awsCommand matches an aws CLI command inside backticks.
var awsCommand = regexp.MustCompile("`(aws [^`]+)`")

// TestTranslationsMatchEnglish checks that every language gives the same
// number of steps as English and the very same aws commands in each step.
func TestTranslationsMatchEnglish(t *testing.T) {
	for _, c := range Causes() {
		en := Remediate(c, LangEN)
		for _, lang := range Langs()[1:] {
			t.Run(string(lang)+"/"+c.String(), func(t *testing.T) {
				a := Remediate(c, lang)
				if len(a.Steps) != len(en.Steps) {
					t.Fatalf("%d steps, English has %d", len(a.Steps), len(en.Steps))
				}
				if a.Title == en.Title {
					t.Errorf("title is the English one: %q", a.Title)
				}
				for i := range en.Steps {
					got := awsCommand.FindAllString(a.Steps[i], -1)
					want := awsCommand.FindAllString(en.Steps[i], -1)
					slices.Sort(got)
					slices.Sort(want)
					if !slices.Equal(got, want) {
						t.Errorf("step %d commands %q, English has %q", i+1, got, want)
					}
				}
			})
		}
	}
}

// TestCommandsUsePlaceholders keeps example values out of commands: no
// account numbers, API ids or regions a reader might paste unchanged.
func TestCommandsUsePlaceholders(t *testing.T) {
	concrete := regexp.MustCompile(`\b\d{12}\b|\b[a-z]{2}-[a-z]+-\d\b`)
	for _, c := range Causes() {
		for i, s := range Remediate(c, LangEN).Steps {
			for _, cmd := range awsCommand.FindAllString(s, -1) {
				if m := concrete.FindString(cmd); m != "" && m != "us-east-1" {
					t.Errorf("%s step %d: concrete value %q in %s", c, i+1, m, cmd)
				}
			}
		}
	}
}

func TestRemediateLanguageFallback(t *testing.T) {
	tests := []struct {
		name string
		in   Lang
		want Lang
	}{
		{"exact", LangJA, LangJA},
		{"case-insensitive", "ZH-tw", LangZhTW},
		{"region variant", "ja-JP", LangJA},
		{"primary subtag", "pt", LangPtBR},
		{"unsupported", "fr", LangEN},
		{"empty", "", LangEN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Remediate(CauseLambdaThrottled, tt.in)
			if a.Lang != tt.want {
				t.Errorf("Remediate(_, %q).Lang = %q, want %q", tt.in, a.Lang, tt.want)
			}
			if want := Remediate(CauseLambdaThrottled, tt.want); a.Title != want.Title {
				t.Errorf("title %q, want %q", a.Title, want.Title)
			}
		})
	}
}

func TestRemediateOutOfRangeCauseIsUnknown(t *testing.T) {
	if got, want := Remediate(Cause(999), LangEN).Title, Remediate(CauseUnknown, LangEN).Title; got != want {
		t.Errorf("title %q, want unknown's %q", got, want)
	}
}

func TestRemediateReturnsCopy(t *testing.T) {
	a := Remediate(CauseLambdaThrottled, LangEN)
	first := a.Steps[0]
	a.Steps[0] = "changed"
	if got := Remediate(CauseLambdaThrottled, LangEN).Steps[0]; got != first {
		t.Errorf("catalog changed through a returned slice: %q", got)
	}
}

// TestCatalogValidationRejects breaks the real catalog in one way at a time
// and checks that validation names the fault.
func TestCatalogValidationRejects(t *testing.T) {
	const dropStep = "      - 'Watch Max Memory Used after the change and keep about 20% headroom below Memory Size.'\n"
	tests := []struct {
		name    string
		lang    Lang
		from    string
		to      string
		wantErr string
	}{
		{"unknown field", LangEN, "lang: en\n", "lang: en\nextra: 1\n", "field extra not found"},
		{"wrong lang", LangEN, "lang: en\n", "lang: ja\n", `lang is "ja"`},
		{"unknown cause", LangEN, "  not_5xx:\n", "  not_5xx_typo:\n", "unknown cause id"},
		{"empty title", LangEN, "title: 'The Lambda function ran out of memory'", "title: ''", "lambda_out_of_memory: title is empty"},
		{"long step", LangEN, "      - 'Watch Max Memory Used", "      - '" + strings.Repeat("x", 300) + "Watch", "step 4 has"},
		{"unclosed backtick", LangEN, "`aws lambda get-account-settings`", "`aws lambda get-account-settings", "unclosed backtick"},
		{"missing note", LangEN, "  unknown: 'No retry advice", "  unknown_x: 'No retry advice", `backoff note "unknown" missing`},
		{"note placeholder", LangEN, "{seconds}", "{secs}", "lacks {seconds}"},
		{"duplicate cause", LangEN, "  not_5xx:\n", "  unknown:\n", "already defined"},
		{"fewer steps than English", LangEN, dropStep, "", "ja: lambda_out_of_memory: 4 steps, English has 3"},
		{"command differs", LangZhTW, "--since 30m --filter-pattern", "--since 1h --filter-pattern", "zh-TW: lambda_function_error: step 1 code"},
		{"missing cause", LangPtBR, "  not_5xx:\n", "  not_5xx_x:\n", "pt-BR: not_5xx: title is empty"},
		{"missing label", LangJA, "  peak_window: ", "  peak_windows: ", "ja: label peak_window missing"},
		{"label not in English", LangJA, "  peak_window: ", "  peak_windows: ", "ja: label peak_windows is not in English"},
		{"label verb lost", LangZhTW, "  latency: '%s 延遲'", "  latency: '延遲'", `zh-TW: label latency verbs []`},
		{"label verbs reordered", LangPtBR, "(%.0f%%)", "(%d%%)", "pt-BR: label route_figures verbs"},
		{"empty label", LangEN, "  where: 'Region / account'", "  where: ''", "en: label where is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, l := range Langs() {
				fsys["catalog/"+string(l)+".yaml"] = &fstest.MapFile{Data: []byte(readCatalogText(t, l))}
			}
			name := "catalog/" + string(tt.lang) + ".yaml"
			text := string(fsys[name].Data)
			if !strings.Contains(text, tt.from) {
				t.Fatalf("fixture text %q not in %s", tt.from, name)
			}
			fsys[name].Data = []byte(strings.Replace(text, tt.from, tt.to, 1))
			_, err := loadCatalog(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestCatalogMissingLanguage(t *testing.T) {
	fsys := fstest.MapFS{"catalog/en.yaml": {Data: []byte(readCatalogText(t, LangEN))}}
	cat, err := loadCatalog(fsys)
	if err == nil || !strings.Contains(err.Error(), "catalog/ja.yaml") {
		t.Fatalf("error %v, want one naming catalog/ja.yaml", err)
	}
	if _, ok := cat.entry(LangEN, CauseLambdaThrottled); !ok {
		t.Error("English entries lost when another language is missing")
	}
}

func readCatalogText(t *testing.T, l Lang) string {
	t.Helper()
	b, err := catalogFS.ReadFile("catalog/" + string(l) + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRemediationNamesConfiguredTimeout: integration_timeout and
// lambda_function_timeout advice name the timeout configured on the stage,
// when known, instead of the defaults (29 s REST and WebSocket, 30 s HTTP
// APIs: the API Gateway quotas pages).
func TestRemediationNamesConfiguredTimeout(t *testing.T) {
	tests := []struct {
		name  string
		lang  Lang
		cause Cause
		to    time.Duration
		want  string // in the IntegrationLatency step; "" keeps the catalog's step
	}{
		{"raised REST timeout", LangEN, CauseIntegrationTimeout, time.Minute, "configured at 60 s"},
		{"lowered to the 50 ms minimum", LangEN, CauseIntegrationTimeout, 50 * time.Millisecond, "configured at 50 ms"},
		{"Japanese", LangJA, CauseIntegrationTimeout, 5 * time.Second, "5 s に設定"},
		{"Traditional Chinese", LangZhTW, CauseIntegrationTimeout, 5 * time.Second, "設定為 5 s"},
		{"Portuguese", LangPtBR, CauseIntegrationTimeout, 1500 * time.Millisecond, "configurado em 1500 ms"},
		{"not known: the defaults", LangEN, CauseIntegrationTimeout, 0, ""},
		{"function timeout: keep it below the configured one", LangEN, CauseLambdaFunctionTimeout, time.Minute, "timeout of 60 s"},
		{"function timeout in Japanese", LangJA, CauseLambdaFunctionTimeout, time.Minute, "(60 s)"},
		{"another cause", LangEN, CauseLambdaFunctionError, 5 * time.Second, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := Remediate(tt.cause, tt.lang)
			got := base.WithTimeout(tt.cause, tt.to)
			if tt.want == "" {
				if !slices.Equal(got.Steps, base.Steps) {
					t.Errorf("steps changed: %q", got.Steps)
				}
				return
			}
			i := slices.IndexFunc(got.Steps, func(s string) bool { return strings.Contains(s, tt.want) })
			if i < 0 || strings.Contains(got.Steps[i], "29") {
				t.Errorf("steps %q: want a step naming %q instead of the defaults", got.Steps, tt.want)
			}
			// the catalog's step (one per API type where it has one for
			// each) gives way to the one note
			marked := func(steps []string) int {
				n := 0
				for _, st := range steps {
					if slices.ContainsFunc(timeoutSteps, func(ts timeoutStep) bool {
						return ts.cause == tt.cause && strings.Contains(st, ts.mark)
					}) {
						n++
					}
				}
				return n
			}
			if marked(got.Steps) != 1 || len(got.Steps) != len(base.Steps)-marked(base.Steps)+1 || slices.Contains(base.Steps, got.Steps[i]) {
				t.Errorf("the catalog's step was not replaced: %q", got.Steps)
			}
		})
	}
}
