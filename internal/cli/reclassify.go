package cli

import (
	"context"
	"fmt"

	"kouryu/internal/bus"
	"kouryu/internal/event"
)

func cmdReclassify(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "reclassify", "reclassify [--batch N] [flags]", &c, flagDatabase|flagNATS|flagDataDir|flagRules)
	batch := fs.Int("batch", 500, "events read and published at a time")
	log, err := c.setup(env, fs, args)
	if err != nil {
		return err
	}
	if *batch <= 0 {
		return usageErr("--batch %d: want a positive number", *batch)
	}
	live, err := c.loadRules(log)
	if err != nil {
		return err
	}
	rules := live.Current()
	st, err := c.openStore(ctx, log)
	if err != nil {
		return err
	}
	defer st.Close()
	// A short command: beside a running kouryu run, it uses that
	// process's embedded server rather than failing.
	c.attach = true
	b, err := c.openBus(ctx, "kouryu-reclassify", log)
	if err != nil {
		return err
	}
	defer b.Close()

	// Events stored under other rules are labelled again from their stored
	// record and published on kouryu.classified.<label>, the path every
	// classified event takes, so the table and the feeds follow once the
	// publisher has stored them.
	total, moved := 0, 0
	after := ""
	for {
		evs, err := st.OtherRules(ctx, rules.Version(), after, *batch)
		if err != nil {
			return fmt.Errorf("read stored events: %w", err)
		}
		if len(evs) == 0 {
			break
		}
		out := make([]bus.Outgoing, 0, len(evs))
		for i := range evs {
			e := &evs[i]
			old := e.Label
			rules.Apply(e)
			if e.Label != old {
				moved++
			}
			data, err := event.Encode(e)
			if err != nil {
				return fmt.Errorf("encode event %s: %w", e.ID, err)
			}
			out = append(out, bus.Outgoing{Subject: event.ClassifiedSubject(e.Label), MsgID: e.MsgID(), Data: data})
		}
		if err := b.Publish(ctx, out...); err != nil {
			return fmt.Errorf("publish reclassified events: %w", err)
		}
		total += len(evs)
		after = evs[len(evs)-1].ID
	}
	log.Info("reclassified", "events", total, "label_changed", moved, "rules_version", rules.Version())
	fmt.Fprintf(env.stdout, "%d events labelled again with rules %s (%d changed label); the publisher stores them\n",
		total, rules.Version(), moved)
	return nil
}
