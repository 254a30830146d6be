package alarms

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// applied is the last state change of one alarm that alarm mode acted on.
type applied struct {
	State   string    `json:"state"`
	At      time.Time `json:"at"`
	EventID string    `json:"event"`
	Stages  []string  `json:"stages"` // the stage keys it watches
}

// book is the state of every alarm as last applied, kept in a file next
// to the incident store. It is written after the incidents an event
// changed are stored and before the event's message is deleted, so after
// a crash a redelivered event is recognised: same event id, or a state
// no newer than the one applied.
type book struct {
	path   string
	alarms map[string]applied // by Event.key()
}

func loadBook(path string) (*book, error) {
	b := &book{path: path, alarms: map[string]applied{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return b, nil
	}
	if err != nil {
		return nil, fmt.Errorf("alarm book: %w", err)
	}
	if err := json.Unmarshal(data, &b.alarms); err != nil {
		return nil, fmt.Errorf("alarm book %s: %w (delete it to start over: alarms then count from their next state change)", path, err)
	}
	return b, nil
}

// stale reports whether ev was applied already or is older than what was.
func stale(states map[string]applied, ev Event) bool {
	a, ok := states[ev.key()]
	return ok && (a.EventID == ev.ID || !ev.StateAt.After(a.At))
}

// alarming reports whether any alarm watching the stage is in ALARM.
func alarming(states map[string]applied, stageKey string) bool {
	for _, a := range states {
		if a.State != "ALARM" {
			continue
		}
		for _, k := range a.Stages {
			if k == stageKey {
				return true
			}
		}
	}
	return false
}

// save writes the book atomically: a crash leaves the old or the new one.
func (b *book) save() error {
	data, err := json.Marshal(b.alarms)
	if err != nil {
		return fmt.Errorf("alarm book: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(b.path), ".alarms-*")
	if err != nil {
		return fmt.Errorf("alarm book: %w", err)
	}
	defer func() { _ = os.Remove(tmp.Name()) }()
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("alarm book: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("alarm book: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("alarm book: %w", err)
	}
	if err := os.Rename(tmp.Name(), b.path); err != nil {
		return fmt.Errorf("alarm book: %w", err)
	}
	return nil
}
