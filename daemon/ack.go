package daemon

import "context"

// Acknowledger is a collector whose polls consume messages (alarm mode):
// they may be deleted only once the incidents they changed are stored, so
// the daemon acknowledges after its observations, naming the stages whose
// incident could not be stored; their messages are received again.
type Acknowledger interface {
	Ack(ctx context.Context, failed map[string]bool) error
}

func (d *Daemon) ack(ctx context.Context, failed map[string]bool) {
	a, ok := d.opts.Collector.(Acknowledger)
	if !ok || ctx.Err() != nil {
		return
	}
	if err := a.Ack(ctx, failed); err != nil {
		d.log.Error("acknowledging alarm events failed; they will be received again", "err", err)
	}
}
