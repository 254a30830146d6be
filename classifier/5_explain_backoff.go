package classifier

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// backoffParams are the exponential backoff numbers for one retryable cause.
// The client waits a random time in [0, min(maxMS, initialMS*multiplier^n)]
// before retry n+1 ("full jitter", so that clients that failed together do
// not retry together), for at most attempts attempts in all (the first
// request included, as the AWS SDKs count them).
type backoffParams struct {
	initialMS  int64
	maxMS      int64
	multiplier float64
	attempts   int
}

// backoffTable holds the causes a retry can fix: those whose taxonomy retry
// column is "yes" or "maybe". Every other cause gets a not-retryable hint.
//
// Reference points (the retry defaults of the AWS SDKs): aws-sdk-go-v2
// makes 3 attempts by default and caps its backoff at 20 s; its newer retry
// scheme starts at 50 ms for transient errors and at 1 s for throttling.
var backoffTable = map[Cause]backoffParams{
	// Lambda frees a concurrency slot as soon as any running invocation
	// ends, and invocations behind an API last milliseconds to a few
	// seconds, so a slot is usually free again within hundreds of ms:
	// start at 200 ms. The cap is the SDK's 20 s. Five attempts spread a
	// burst over about 3 s in the worst case (0.2+0.4+0.8+1.6 s).
	CauseLambdaThrottled: {initialMS: 200, maxMS: 20_000, multiplier: 2, attempts: 5},
	// AWS service quotas and provisioned throughput refill per second, so a
	// retry sooner than that meets the same empty bucket: start at 1 s like
	// the SDK's throttle base; five attempts cover about 15 s of refill.
	CauseBackendThrottled: {initialMS: 1_000, maxMS: 20_000, multiplier: 2, attempts: 5},
	// A transient internal error usually comes from one host, and a quick
	// retry lands on another: start at 100 ms. A regional event does not
	// pass by retrying longer, so keep the SDK's default of 3 attempts.
	CauseInternalServiceFailure: {initialMS: 100, maxMS: 10_000, multiplier: 2, attempts: 3},
	// Refused or reset connections come from a backend restarting or being
	// replaced, which takes seconds; but a hanging connect can cost a whole
	// integration timeout per attempt, so 3 attempts from 500 ms.
	CauseBackendConnectionError: {initialMS: 500, maxMS: 10_000, multiplier: 2, attempts: 3},
	// The backend said it is overloaded (503): quick retries add to the
	// load. Start at 1 s; scale-out takes tens of seconds, so allow five
	// attempts (about 15 s) under the SDK's 20 s cap. A Retry-After from
	// the backend, common on 503, overrides the start.
	CauseBackendUnavailable: {initialMS: 1_000, maxMS: 20_000, multiplier: 2, attempts: 5},
	// "maybe": each attempt already ran for the function's whole timeout.
	// One retry after about 1 s helps when the slowness was a cold start
	// (the next invocation likely finds a warm environment) or a passing
	// downstream delay; idempotent requests only.
	CauseLambdaFunctionTimeout: {initialMS: 1_000, maxMS: 5_000, multiplier: 2, attempts: 2},
	// "maybe": each attempt already waited up to the integration timeout
	// (29 s REST default, 30 s HTTP API maximum), and API Gateway does not
	// cancel the backend's work, so the first request may still be
	// running. At most 2 attempts, 2 s apart, idempotent requests only.
	CauseIntegrationTimeout: {initialMS: 2_000, maxMS: 10_000, multiplier: 2, attempts: 2},
	// "maybe": helps while load balancer targets are replaced or pass their
	// health checks again, not when the VPC link or listener is wrong; a
	// few attempts from 1 s find out which quickly.
	CausePrivateIntegrationError: {initialMS: 1_000, maxMS: 10_000, multiplier: 2, attempts: 3},
}

// Jitter values of BackoffHint.
const (
	jitterFull = "full"
	jitterNone = "none"
)

// BackoffFor returns the client retry advice for a cause; a Retry-After seen
// in the evidence (retryAfter > 0) overrides the computed initial delay (and
// raises the cap to it when needed). Causes whose taxonomy retry column is
// "yes" or "maybe" are retryable; for every other cause, Retry-After or not,
// the hint is not retryable, all numbers are zero and Jitter is "none".
// Note is in English; BackoffNote gives it in other languages.
func BackoffFor(c Cause, retryAfter time.Duration) BackoffHint {
	p, ok := backoffTable[c]
	if !ok {
		h := BackoffHint{Jitter: jitterNone}
		h.Note = BackoffNote(h, c, LangEN)
		return h
	}
	h := BackoffHint{
		Retryable:   true,
		InitialMS:   p.initialMS,
		MaxMS:       p.maxMS,
		Multiplier:  p.multiplier,
		MaxAttempts: p.attempts,
		Jitter:      jitterFull,
	}
	if retryAfter > 0 {
		// Round up: waiting less than the server asked for defeats it.
		ms := int64((retryAfter + time.Millisecond - 1) / time.Millisecond)
		h.InitialMS = ms
		h.MaxMS = max(h.MaxMS, ms)
	}
	h.Note = BackoffNote(h, c, LangEN)
	return h
}

// BackoffNote returns the plain-language retry advice of a hint for a cause
// in a language (unsupported languages fall back to English), for messages
// such as Slack notifications. When the hint is retryable and its initial
// delay differs from the cause's default, the delay came from a Retry-After
// and the note says to wait at least that long.
func BackoffNote(h BackoffHint, c Cause, lang Lang) string {
	cat, _ := loadedCatalog()
	notes := cat.backoffNotes(resolveLang(lang))
	note := notes[backoffNoteKey(c)]
	if p, ok := backoffTable[c]; ok && h.Retryable && h.InitialMS != p.initialMS {
		secs := strconv.FormatFloat(float64(h.InitialMS)/1000, 'f', -1, 64)
		note += " " + strings.ReplaceAll(notes[retryAfterKey], "{seconds}", secs)
	}
	return note
}

// backoffNotes returns a language's notes, English when it has none.
func (cat catalog) backoffNotes(lang Lang) map[string]string {
	if f, ok := cat[lang]; ok && len(f.Backoff) > 0 {
		return f.Backoff
	}
	if f, ok := cat[LangEN]; ok {
		return f.Backoff
	}
	return nil
}

// Keys of backoff_notes in the catalog besides cause ids.
const (
	notRetryableKey = "not_retryable"
	retryAfterKey   = "retry_after"
)

// backoffNoteKey picks a cause's note: retryable causes, unknown, not_5xx
// and lambda_function_error (not retryable, but a transient fault can pass)
// have their own; the other not-retryable causes share one.
func backoffNoteKey(c Cause) string {
	if c < 0 || c >= numCauses {
		c = CauseUnknown
	}
	if _, ok := backoffTable[c]; ok {
		return c.String()
	}
	switch c {
	case CauseUnknown, CauseNot5xx, CauseLambdaFunctionError:
		return c.String()
	}
	return notRetryableKey
}

// checkBackoffNotes validates one language's backoff notes: every key
// backoffNoteKey can return plus retry_after, nothing else, none empty.
func checkBackoffNotes(l Lang, notes map[string]string) []string {
	want := map[string]bool{retryAfterKey: true}
	for _, c := range Causes() {
		want[backoffNoteKey(c)] = true
	}
	var errs []string
	for k := range want {
		if strings.TrimSpace(notes[k]) == "" {
			errs = append(errs, fmt.Sprintf("%s: backoff note %q missing", l, k))
		}
	}
	for k := range notes {
		if !want[k] {
			errs = append(errs, fmt.Sprintf("%s: unknown backoff note %q", l, k))
		}
	}
	if !strings.Contains(notes[retryAfterKey], "{seconds}") {
		errs = append(errs, fmt.Sprintf("%s: backoff note %q lacks {seconds}", l, retryAfterKey))
	}
	return errs
}
