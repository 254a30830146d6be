package classifier

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"runtime"
	"runtime/metrics"
	"sort"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// execExport builds a CloudWatch export of INFO-level REST execution logs:
// n requests, interleaved in pairs, failPct percent of them failing with a
// malformed proxy response, the rest successful.
func execExport(n, failPct int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	for i := 0; i < n; i += 2 {
		a, c := requestLines(rng, i, failPct), requestLines(rng, i+1, failPct)
		for j := 0; j < max(len(a), len(c)); j++ {
			if j < len(a) {
				b.WriteString(a[j])
			}
			if j < len(c) {
				b.WriteString(c[j])
			}
		}
	}
	return b.Bytes()
}

func requestLines(rng *rand.Rand, i, failPct int) []string {
	id := fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", rng.Uint32(), i&0xffff, i&0xfff, rng.IntN(0xfff), rng.Uint64()&0xffffffffffff)
	lid := fmt.Sprintf("%08x-1111-4222-8333-%012x", rng.Uint32(), rng.Uint64()&0xffffffffffff)
	ts := fmt.Sprintf("2024-03-12T10:%02d:%02d.%03dZ", i/60000%60, i/1000%60, i%1000)
	p := func(msg string) string { return ts + " (" + id + ") " + msg + "\n" }
	lines := []string{
		p("Extended Request Id: Vwc2MGFUrPEFV_g="),
		p("Verifying Usage Plan for request: " + id + ". API Key:  API Stage: a1b2c3d4e5/prod"),
		p("API Key authorized because method 'GET /orders' does not require API Key. Request will not contribute to throttle or quota limits"),
		p("Usage Plan check succeeded for API Key  and API Stage a1b2c3d4e5/prod"),
		p("Starting execution for request: " + id),
		p("HTTP Method: GET, Resource Path: /orders"),
		p("Method request path: {}"),
		p("Method request query string: {}"),
		p("Method request headers: {Accept=application/json, CloudFront-Viewer-Country=US, CloudFront-Is-Desktop-Viewer=true, User-Agent=curl/8.4.0, Host=a1b2c3d4e5.execute-api.us-east-1.amazonaws.com, X-Amz-Cf-Id=Hq3vG2yY8E0==, Via=2.0 b2f4.cloudfront.net (CloudFront)}"),
		p("Method request body before transformations: "),
		p("Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations"),
		p("Endpoint request headers: {x-amzn-lambda-integration-tag=" + id + ", Authorization=**********************************************************d2a7d1, X-Amz-Date=20240312T101500Z, x-amzn-apigateway-api-id=a1b2c3d4e5, Accept=application/json} [TRUNCATED]"),
		p(`Endpoint request body after transformations: {"resource":"/orders","path":"/orders","httpMethod":"GET","headers":{"Accept":"application/json"}} [TRUNCATED]`),
		p("Sending request to https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations"),
		p("Received response. Status: 200, Integration latency: 23 ms"),
		p("Endpoint response headers: {Date=Tue, 12 Mar 2024 10:15:00 GMT, Content-Type=application/json, Content-Length=57, x-amzn-RequestId=" + lid + ", X-Amz-Executed-Version=$LATEST}"),
	}
	if rng.IntN(100) < failPct {
		return append(lines,
			p(`Endpoint response body before transformations: {"items":[1,2,3]}`),
			p("Execution failed due to configuration error: Malformed Lambda proxy response"),
			p("Method completed with status: 502"),
			p("AWS Integration Endpoint RequestId : "+lid))
	}
	return append(lines,
		p(`Endpoint response body before transformations: {"statusCode":200,"headers":{"Content-Type":"application/json"},"body":"{\"items\":[]}"}`),
		p(`Method response body after transformations: {"items":[]}`),
		p("Method response headers: {Content-Type=application/json, X-Amzn-Trace-Id=Root=1-65f02a54-3b1e}"),
		p("Successfully completed execution"),
		p("Method completed with status: 200"),
		p("AWS Integration Endpoint RequestId : "+lid),
		p("X-ray Tracing ID : Root=1-65f02a54-3b1e4c2a9d0e"))
}

// BenchmarkClassifyExecExport measures ReadFrom plus Diagnose on an
// INFO-level export with 3 % failing requests.
func BenchmarkClassifyExecExport(b *testing.B) {
	data := execExport(20_000, 3)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var peak uint64
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse // the input itself
	for b.Loop() {
		s := NewSession(Hints{})
		if _, err := s.ReadFrom(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
		d := s.Diagnose(LangEN)
		if d.Cause != CauseLambdaMalformedProxyResponse {
			b.Fatalf("cause %s", d.Cause)
		}
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse-min(base, ms.HeapInuse))
	}
	// heap in use beyond the input buffer, sampled with the session alive
	b.ReportMetric(float64(peak)/(1<<20), "heap-MiB")
}

// TestBoundedMemoryStream streams a large generated export (far larger than
// the bounds) and checks that the heap stays small: the input is read once,
// successful requests are dropped, failing ones are capped.
func TestBoundedMemoryStream(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 128 MB")
	}
	chunk := execExport(4_000, 5)
	const total = 128 << 20
	// each repetition's requests are others (a request id read again is
	// the same request, finishedRequests), so the failing ones add up
	r := newRenamingReader(chunk, total)
	s := NewSession(Hints{})
	runtime.GC()
	n, err := s.ReadFrom(r)
	if err != nil || n != total {
		t.Fatalf("read %d, %v", n, err)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapInuse > 64<<20 {
		t.Errorf("heap in use %d MiB after streaming, want < 64", ms.HeapInuse>>20)
	}
	d := s.Diagnose(LangEN)
	if d.Cause != CauseLambdaMalformedProxyResponse || d.Failed < 1000 {
		t.Errorf("got %s with %d failed", d.Cause, d.Failed)
	}
}

// renamingReader yields chunk over and over, left bytes in all, with the
// first digit of every UUID in it changed on each repetition: an export of
// up to 16 times as many distinct requests as the chunk holds.
type renamingReader struct {
	repeatReader
	ids []int // offsets of the UUIDs in chunk
	rep int
}

var uuidPattern = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

func newRenamingReader(chunk []byte, total int64) *renamingReader {
	r := &renamingReader{repeatReader: repeatReader{chunk: chunk, left: total}}
	for _, m := range uuidPattern.FindAllIndex(chunk, -1) {
		r.ids = append(r.ids, m[0])
	}
	return r
}

func (r *renamingReader) Read(p []byte) (int, error) {
	off := r.off
	n, err := r.repeatReader.Read(p)
	for i := sort.SearchInts(r.ids, off); i < len(r.ids) && r.ids[i] < off+n; i++ {
		p[r.ids[i]-off] = "0123456789abcdef"[r.rep%16]
	}
	if r.off <= off && n > 0 {
		r.rep++ // the chunk wrapped round
	}
	return n, err
}

// repeatReader yields chunk over and over, left bytes in all.
type repeatReader struct {
	chunk []byte
	off   int
	left  int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(int64(len(p)), r.left)], r.chunk[r.off:])
	r.off = (r.off + n) % len(r.chunk)
	r.left -= int64(n)
	return n, nil
}

// BenchmarkClassifyLargeExport streams a 290 MB execution-log export (an
// INFO-level export with 3 % failing requests, repeated) through ReadFrom
// and Diagnose, and reports the throughput (MB/s, from SetBytes) and the
// peak heap in use while streaming, sampled every 10 ms. The goal is at
// least 250 MB/s within 64 MiB. MB/cpu-s divides the bytes by the CPU time
// the process used (all threads, the garbage collector's included), which
// stays meaningful on a machine shared with other work, where MB/s does not.
func BenchmarkClassifyLargeExport(b *testing.B) {
	const total = 290 << 20
	chunk := execExport(4_000, 3)
	b.SetBytes(total)
	m := startMeter(true)
	for b.Loop() {
		s := NewSession(Hints{})
		if n, err := s.ReadFrom(&repeatReader{chunk: chunk, left: total}); err != nil || n != total {
			b.Fatalf("read %d, %v", n, err)
		}
		if d := s.Diagnose(LangEN); d.Cause != CauseLambdaMalformedProxyResponse {
			b.Fatalf("cause %s", d.Cause)
		}
	}
	m.stop(b, total)
}

// meter measures a benchmark's loop, started before it and stopped after
// it: the CPU time the process used, the objects and bytes allocated, and,
// when it samples, the peak heap in use.
type meter struct {
	cpu0       time.Duration
	before     runtime.MemStats
	sampling   bool
	peak       atomic.Uint64
	halt, done chan struct{}
}

// startMeter compiles the rules, collects the garbage and starts
// measuring; sample: record the peak heap in use every 10 ms (sampleHeap).
func startMeter(sample bool) *meter {
	m := &meter{sampling: sample}
	// the rules are compiled on first use, once per process: not a cost of
	// the stream, and not of whichever benchmark happens to run first
	rules()
	runtime.GC()
	runtime.ReadMemStats(&m.before)
	if sample {
		m.halt, m.done = make(chan struct{}), make(chan struct{})
		go sampleHeap(&m.peak, m.halt, m.done)
	}
	m.cpu0 = cpuTime()
	return m
}

// stop ends the measure of b.N iterations of size bytes each and reports
// MB/cpu-s, and peak-heap-MiB when it sampled; it returns the megabytes
// read, the objects and the bytes allocated.
func (m *meter) stop(b *testing.B, size int) (mb, mallocs, alloc float64) {
	cpu := cpuTime() - m.cpu0
	if m.sampling {
		close(m.halt)
		<-m.done
		b.ReportMetric(float64(m.peak.Load())/(1<<20), "peak-heap-MiB")
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	mb = float64(size) * float64(b.N) / 1e6
	b.ReportMetric(mb/cpu.Seconds(), "MB/cpu-s")
	return mb, float64(after.Mallocs - m.before.Mallocs), float64(after.TotalAlloc - m.before.TotalAlloc)
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// sampleHeap records the largest heap in use (HeapInuse: the bytes of
// in-use spans, objects and their unused tail) seen until stop is closed.
// It reads runtime/metrics, which does not stop the world the way
// runtime.ReadMemStats does: sampling every 10 ms with ReadMemStats cost
// the stream it measures a visible share of its time on a loaded machine.
func sampleHeap(peak *atomic.Uint64, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	samples := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
	}
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for {
		metrics.Read(samples)
		if inuse := samples[0].Value.Uint64() + samples[1].Value.Uint64(); inuse > peak.Load() {
			peak.Store(inuse)
		}
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

// accessExport builds an HTTP API access log in JSON, one record a line as
// an export or `aws logs tail` of the access log group gives it: n records,
// failPct percent of them a 500 whose integration error names the
// function's failure, the rest successful.
func accessExport(n, failPct int) []byte {
	rng := rand.New(rand.NewPCG(3, 4))
	var b bytes.Buffer
	for i := range n {
		status, integ, errMsg, integStatus := "200", "-", "-", "200"
		if rng.IntN(100) < failPct {
			status, errMsg = "500", "Internal Server Error"
			integ = "The Lambda function returned the following error: KeyError. Check your Lambda function code and try again."
		}
		fmt.Fprintf(&b, `{"requestId": "%s", "ip": "203.0.113.%d", "requestTime": "12/Mar/2024:10:%02d:%02d +0000", `+
			`"httpMethod": "GET", "routeKey": "GET /orders/{id}", "status": "%s", "protocol": "HTTP/1.1", `+
			`"responseLength": "%d", "integrationErrorMessage": "%s", "errorMessage": "%s", `+
			`"integrationStatus": "%s", "integrationLatency": "%d", "integrationRequestId": "%08x-1111-4222-8333-%012x"}`+"\n",
			fmt.Sprintf("%x=", rng.Uint64()&0xffffffffffff), rng.IntN(256), i/60%60, i%60,
			status, 20+rng.IntN(2000), integ, errMsg, integStatus, 5+rng.IntN(300),
			rng.Uint32(), rng.Uint64()&0xffffffffffff)
	}
	return b.Bytes()
}

// BenchmarkClassifyAccessJSON classifies an HTTP API access log in JSON
// (about 32 MB, 3 % failing) read as a file (ReadFrom) and as the daemon
// passes it (one AddEvent per record of the access log group), and reports
// MB/s (from SetBytes), allocations per record and the heap allocated per
// MB read.
func BenchmarkClassifyAccessJSON(b *testing.B) {
	data := accessExport(100_000, 3)
	records := bytes.Count(data, []byte("\n"))
	b.Run("ReadFrom", func(b *testing.B) {
		benchAccess(b, data, records, func(s *Session) {
			if _, err := s.ReadFrom(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		})
	})
	events := make([]LogEvent, 0, records)
	for l := range bytes.Lines(data) {
		events = append(events, LogEvent{Group: "/aws/vendedlogs/orders-api-access", Message: string(bytes.TrimSuffix(l, []byte("\n")))})
	}
	b.Run("AddEvent", func(b *testing.B) {
		benchAccess(b, data, records, func(s *Session) {
			for _, e := range events {
				s.AddEvent(e)
			}
		})
	})
}

// benchAccess runs read on a new session per iteration and checks the
// diagnosis, so that a faster reader that reads less is no faster.
// MB/cpu-s is as in BenchmarkClassifyLargeExport.
func benchAccess(b *testing.B, data []byte, records int, read func(*Session)) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	m := startMeter(false)
	for b.Loop() {
		s := NewSession(Hints{})
		read(s)
		d := s.Diagnose(LangEN)
		if d.Cause != CauseLambdaFunctionError || d.Status != Status500 || d.Failed < records/50 {
			b.Fatalf("got %s/%s with %d failed", d.Status, d.Cause, d.Failed)
		}
	}
	mb, mallocs, alloc := m.stop(b, len(data))
	n := float64(b.N)
	b.ReportMetric(mallocs/n/float64(records), "allocs/record")
	b.ReportMetric(alloc/mb, "B-alloc/MB")
}

// functionLogExport builds about size bytes of a Lambda function's own log
// group, none of it a gateway record: the runtime's START/END/REPORT lines,
// Node.js and Python runtime-formatted INFO/ERROR lines carrying the request
// id, Powertools structured JSON lines, and now and then a stack trace.
func functionLogExport(size int) []byte {
	rng := rand.New(rand.NewPCG(5, 6))
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		writeInvocation(&b, rng, i, false)
	}
	return bytes.Clone(b.Bytes()) // its length, not the buffer's doubled capacity
}

// writeInvocation writes the log lines of the i-th invocation of
// functionLogExport; failing: every invocation ends in the Node.js
// runtime's Invoke Error, not one in twenty.
func writeInvocation(b *bytes.Buffer, rng *rand.Rand, i int, failing bool) {
	id := fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", rng.Uint32(), i&0xffff, i&0xfff, rng.IntN(0xfff), rng.Uint64()&0xffffffffffff)
	ts := fmt.Sprintf("2024-03-12T10:%02d:%02d.%03dZ", i/60000%60, i/1000%60, i%1000)
	fmt.Fprintf(b, "START RequestId: %s Version: $LATEST\n", id)
	fmt.Fprintf(b, "%s\t%s\tINFO\tfetching order %d for customer c-%d\n", ts, id, rng.IntN(1e6), rng.IntN(1e5))
	fmt.Fprintf(b, `{"level":"INFO","location":"handler:42","message":"order loaded","timestamp":"%s","service":"orders","cold_start":false,"function_name":"orders","function_memory_size":"512","function_arn":"arn:aws:lambda:us-east-1:123456789012:function:orders","function_request_id":"%s","xray_trace_id":"1-65f02a54-3b1e4c2a9d0e%08x","order_id":%d,"items":%d}`+"\n",
		ts, id, rng.Uint32(), rng.IntN(1e6), rng.IntN(20))
	fmt.Fprintf(b, "[INFO]\t%s\t%s\tquery took %d ms, %d rows\n", ts, id, rng.IntN(400), rng.IntN(50))
	kind := rng.IntN(20)
	if failing {
		kind = 0
	}
	switch kind {
	case 0:
		fmt.Fprintf(b, "%s\t%s\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"Cannot read properties of undefined (reading 'id')\",\"stack\":[\"TypeError: Cannot read properties of undefined (reading 'id')\",\"    at Runtime.handler (/var/task/index.js:%d:21)\",\"    at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)\"]}\n", ts, id, rng.IntN(200))
	case 1:
		fmt.Fprintf(b, "[ERROR] KeyError: 'customer'\nTraceback (most recent call last):\n  File \"/var/task/app.py\", line %d, in handler\n    customer = event['customer']\n", rng.IntN(300))
	case 2:
		fmt.Fprintf(b, `{"level":"WARNING","location":"fetch:88","message":"retrying downstream call","timestamp":"%s","service":"orders","function_request_id":"%s","attempt":%d}`+"\n", ts, id, 1+rng.IntN(3))
	}
	fmt.Fprintf(b, "END RequestId: %s\n", id)
	fmt.Fprintf(b, "REPORT RequestId: %s\tDuration: %d.%02d ms\tBilled Duration: %d ms\tMemory Size: 512 MB\tMax Memory Used: %d MB\t\n",
		id, rng.IntN(900), rng.IntN(100), 1+rng.IntN(900), 80+rng.IntN(60))
}

// failingInvocations yields the log of n invocations that each fail
// (writeInvocation), one invocation at a time: however long the log, the
// reader holds one invocation's lines.
type failingInvocations struct {
	rng  *rand.Rand
	i, n int
	buf  bytes.Buffer
}

func (r *failingInvocations) Read(p []byte) (int, error) {
	if r.buf.Len() == 0 {
		if r.i >= r.n {
			return 0, io.EOF
		}
		r.buf.Reset()
		writeInvocation(&r.buf, r.rng, r.i, true)
		r.i++
	}
	return r.buf.Read(p)
}

// TestBoundedMemoryFunctionLog streams a function's log of three times
// maxDone invocations that all fail, none of them joined to an API
// request, and checks what the session keeps of them: at most maxDone
// failed invocations, each with its few evidence lines, whatever the
// length of the log.
func TestBoundedMemoryFunctionLog(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 3 x maxDone failing invocations")
	}
	rules()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	s := NewSession(Hints{})
	r := &failingInvocations{rng: rand.New(rand.NewPCG(5, 6)), n: 3 * maxDone}
	if _, err := s.ReadFrom(r); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	if kept := ms.HeapAlloc - min(base, ms.HeapAlloc); kept > 12<<20 {
		t.Errorf("session keeps %d MiB after %d failed invocations, want < 12", kept>>20, r.n)
	}
	if n := len(s.lambdaDone); n > maxDone {
		t.Errorf("%d failed invocations kept, want at most %d", n, maxDone)
	}
	if d := s.Diagnose(LangEN); d.Cause != CauseLambdaFunctionError {
		t.Errorf("cause %s", d.Cause)
	}
}

// proseExport builds about size bytes of issue-thread prose: paragraphs of
// an engineer describing an outage in words, with a few numbers in them.
func proseExport(size int) []byte {
	words := strings.Fields(`we deployed the new version of the service yesterday and since then some
		requests fail intermittently the gateway sits in front of a function that reads from a table
		and the client retries after a timeout I checked the dashboard and the latency looks normal
		most of the time but there are spikes every few minutes does anyone know what could cause
		this behaviour we also tried increasing the memory and the concurrency but nothing changed
		the logs show nothing unusual on our side and the team thinks it might be the network or
		a cold start issue thanks in advance for any pointers`)
	rng := rand.New(rand.NewPCG(7, 8))
	var b bytes.Buffer
	for b.Len() < size {
		for range 8 + rng.IntN(30) {
			b.WriteString(words[rng.IntN(len(words))])
			if rng.IntN(25) == 0 {
				fmt.Fprintf(&b, " %d", rng.IntN(100))
			}
			b.WriteByte(' ')
		}
		b.WriteString("\n")
		if rng.IntN(5) == 0 {
			b.WriteString("\n")
		}
	}
	return bytes.Clone(b.Bytes()) // its length, not the buffer's doubled capacity
}

// longLineExport builds about size bytes of lines of maxMatchBytes each,
// every one a run of sentences that name status codes the ways the status
// readers weigh ("should return 404 instead of 502", "the API answered
// 502 but the client got 200"): what a function that logs its callers'
// request bodies may write, whoever chose the words. Such a line holds
// hundreds of codes, and each is read with the words around it: the
// reading must cost in proportion to the line, not to its square.
func longLineExport(size int) []byte {
	sentences := []string{
		"the service should return 404 instead of 502 when the item is missing",
		"the API answered 502 but the client got 200 from the cache",
		"it is supposed to answer 429 rather than 500 under load",
		"we get a 504 after 29 seconds and sometimes a 503",
		"the upstream service returns 404 and the gateway returns 502",
		"expected status code 200 but got 403 on the second call",
		"returned status 400 instead of the expected 200, then 500",
	}
	rng := rand.New(rand.NewPCG(9, 10))
	var b bytes.Buffer
	for b.Len() < size {
		start := b.Len()
		for b.Len()-start < maxMatchBytes {
			b.WriteString(sentences[rng.IntN(len(sentences))])
			b.WriteString(", and ")
		}
		b.Truncate(start + maxMatchBytes)
		b.WriteString("\n")
	}
	return bytes.Clone(b.Bytes())
}

// BenchmarkClassifyNonGateway streams lines that are not gateway records,
// a function's own log group, issue-thread prose and lines as long as the
// rules read that hold hundreds of codes (longLineExport), through
// ReadFrom and Diagnose, and reports MB/cpu-s, allocations per MB and the
// peak heap as BenchmarkClassifyLargeExport does. Such lines must cost
// little: the daemon pulls a function's whole log group for an incident
// window. Each input (16 MiB, 2 MiB of the long lines; held in memory and
// so counted in the peak) is built in its own sub-benchmark: one built
// beside it would count in its peak too.
func BenchmarkClassifyNonGateway(b *testing.B) {
	for _, c := range []struct {
		name string
		gen  func(size int) []byte
		size int
	}{
		{"FunctionLog", functionLogExport, 16 << 20},
		{"Prose", proseExport, 16 << 20},
		{"LongLines", longLineExport, 2 << 20},
	} {
		b.Run(c.name, func(b *testing.B) {
			data := c.gen(c.size)
			b.SetBytes(int64(len(data)))
			m := startMeter(true)
			for b.Loop() {
				s := NewSession(Hints{})
				if _, err := s.ReadFrom(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
				s.Diagnose(LangEN)
			}
			mb, mallocs, _ := m.stop(b, len(data))
			b.ReportMetric(mallocs/mb, "allocs/MB")
		})
	}
}
