// Package incident keeps one incident per API stage and failure episode,
// persists it, and delivers its notifications through a transactional
// outbox, so that a sink outage or a crash delays a notification but never
// drops or doubles it.
//
// # Lifecycle
//
// The daemon calls Manager.Observe once per poll per stage. The rules:
//
//   - A trip opens an incident when the stage has none (notification
//     "opened"). Pass the diagnosis with that observation; without one the
//     incident opens with the unknown cause and the diagnosis that follows
//     is an update.
//   - While open, an observation with a diagnosis whose status or dominant
//     cause differs from the last notified one is an "updated" (the old
//     diagnosis travels as Incident.Previous); so is a tripped poll whose
//     error rate doubled or halved against the last notified rate
//     (Rules.RateChangeFactor). A new diagnosis with the same answer only
//     refreshes the evidence.
//   - A tripped poll RepeatInterval after the last notification is a
//     "reminder". A poll that is neither tripped nor clear changes nothing
//     but the figures.
//   - A clear observation (the daemon's K clean periods) resolves it.
//   - Flapping: a stage that trips again less than Cooldown after its
//     incident resolved reopens that same incident, with an "updated"
//     notification whose incident has ResolvedAt zero again, so a flapping
//     stage stays one incident and one Slack thread. After the cooldown, a
//     trip opens a new incident.
//
// Each transition's incident and its events (one per sink, Event.ID
// "<incident id>#<seq>") are written in one bbolt transaction.
//
// # Delivery
//
// One Dispatcher per sink delivers that sink's outbox oldest first; an
// entry blocks the ones behind it until it is delivered or fails for good.
// Transient failures back off exponentially with jitter and are retried
// for ever (Depth and apigw_triage_outbox_depth show the queue); a
// notifier.RetryAfterError is waited as asked, up to an hour. The schedule (failures in a
// row, when to try again) is stored with the entry, so a restarted daemon
// waits out what is left of it instead of calling a sink that asked it to
// slow down at once; a permanent failure is kept,
// marked failed and counted, and the entries behind it go on. The sink's
// state is persisted by Delivery.Checkpoint while it works and together
// with the removal of the entry afterwards; a crash in between redelivers
// the same Event.ID with the checkpointed state, which the sink recognises.
//
// # Store
//
// Open refuses, with an error naming the file, a store that is locked by
// another process, empty, truncated, not bbolt, someone else's, of a newer
// schema, or holding a record that does not decode; it never rewrites such
// a file. Resolved incidents are kept StoreOptions.RetainFor or up to
// RetainMax, whichever is fewer, and never while a notification is pending.
package incident
