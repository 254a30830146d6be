package emulator

import (
	"crypto/md5" //nolint:gosec // SQS checksums message bodies with MD5; not for security
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"sync"
	"time"
)

// defaultVisibility is SQS's default visibility timeout.
const defaultVisibility = 30 * time.Second

// sqsMessage is one message in a queue. A receive hides it until
// visibleAt and gives it a new receipt handle; only the newest handle
// deletes it.
type sqsMessage struct {
	id        string
	body      string
	sent      time.Time
	visibleAt time.Time
	receives  int
	receipt   string
}

// sqsQueue is one standard queue; its times are the emulator's clock.
type sqsQueue struct {
	name       string
	account    string
	region     string
	created    time.Time
	visibility time.Duration
	msgs       []*sqsMessage
}

// sqsQueues holds every queue, by account, region and name.
type sqsQueues struct {
	mu     sync.Mutex
	queues map[string]*sqsQueue
	seq    uint64
}

func newSQSQueues() *sqsQueues { return &sqsQueues{queues: map[string]*sqsQueue{}} }

func queueKey(account, region, name string) string { return account + "/" + region + "/" + name }

// create returns the queue, making it when it does not exist (CreateQueue
// is idempotent for the same name).
func (qs *sqsQueues) create(account, region, name string, now time.Time) *sqsQueue {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	k := queueKey(account, region, name)
	if q := qs.queues[k]; q != nil {
		return q
	}
	q := &sqsQueue{name: name, account: account, region: region, created: now, visibility: defaultVisibility}
	qs.queues[k] = q
	return q
}

func (qs *sqsQueues) get(account, region, name string) *sqsQueue {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	return qs.queues[queueKey(account, region, name)]
}

// send appends a message and returns its id.
func (qs *sqsQueues) send(q *sqsQueue, body string, now time.Time) string {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	qs.seq++
	id := uuidOf(qs.seq, q.name)
	q.msgs = append(q.msgs, &sqsMessage{id: id, body: body, sent: now, visibleAt: now})
	return id
}

// receive hides up to max visible messages for vis and returns copies.
func (qs *sqsQueues) receive(q *sqsQueue, limit int, vis time.Duration, now time.Time) []sqsMessage {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	var out []sqsMessage
	for _, m := range q.msgs {
		if len(out) == limit {
			break
		}
		if m.visibleAt.After(now) {
			continue
		}
		qs.seq++
		m.receives++
		m.visibleAt = now.Add(vis)
		m.receipt = fmt.Sprintf("%s#%d", m.id, qs.seq)
		out = append(out, *m)
	}
	return out
}

// remove deletes the message whose newest receipt handle is given; SQS
// answers success for a handle of an already deleted message too.
func (qs *sqsQueues) remove(q *sqsQueue, receipt string) bool {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	for i, m := range q.msgs {
		if m.receipt == receipt {
			q.msgs = append(q.msgs[:i], q.msgs[i+1:]...)
			return true
		}
	}
	return validReceipt(receipt)
}

// counts returns the visible and in-flight message counts.
func (qs *sqsQueues) counts(q *sqsQueue, now time.Time) (visible, inFlight int) {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	for _, m := range q.msgs {
		if m.visibleAt.After(now) {
			inFlight++
		} else {
			visible++
		}
	}
	return visible, inFlight
}

// validReceipt reports whether a handle has the shape receive gives out.
func validReceipt(h string) bool {
	id, n, ok := strings.Cut(h, "#")
	_, err := strconv.ParseUint(n, 10, 64)
	return ok && err == nil && len(id) == 36
}

func md5Hex(s string) string {
	sum := md5.Sum([]byte(s)) //nolint:gosec // the SQS wire checksum
	return hex.EncodeToString(sum[:])
}

// uuidOf makes a UUID-shaped, deterministic id.
func uuidOf(n uint64, salt string) string {
	x := splitmix64(n ^ fnv64(salt))
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", uint32(x>>32), uint16(x>>16), n&0xfff, uint16(x)&0xfff, n)
}

func fnv64(s string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(s))
	return h.Sum64()
}
