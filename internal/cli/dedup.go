package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"kouryu/internal/dedup"
	"kouryu/internal/event"
	"kouryu/internal/store"
)

func cmdDedup(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "dedup", "dedup explain ID [flags]\n\nWhy listing ID is one event with other listings, or kept apart from them:\nevery listing of its day and municipality, and of its event, compared with it.", &c, flagDatabase|flagDataDir|flagDedup)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "explain" {
		fs.Usage()
		return usageErr("want: dedup explain ID")
	}
	log, err := c.logger(env.stderr)
	if err != nil {
		return err
	}
	ov, err := c.loadOverrides()
	if err != nil {
		return err
	}
	st, err := c.openStore(ctx, log)
	if err != nil {
		return err
	}
	defer st.Close()
	ms, err := st.Listings(ctx, pos[1])
	if errors.Is(err, store.ErrNotFound) {
		return &ExitError{Code: 1, Err: fmt.Errorf("no listing with id %q", pos[1])}
	}
	if err != nil {
		return err
	}
	explain(env.stdout, ms, ov)
	return nil
}

// explain writes why ms[0] is in its event: each other listing, in its
// event or not, and what Compare (with the overrides) says of the pair.
func explain(w io.Writer, ms []dedup.Member, ov *dedup.Overrides) {
	self := ms[0]
	in := 1
	for _, m := range ms[1:] {
		if m.Canonical == self.Canonical {
			in++
		}
	}
	fmt.Fprintf(w, "listing %s\n", describe(&self))
	role := "it stands for the event"
	if !self.Primary {
		role = "another listing stands for the event"
	}
	switch {
	case in == 1:
		fmt.Fprintf(w, "event   %s: this listing alone\n", self.Canonical)
	case self.Canonical == self.Event.ID:
		fmt.Fprintf(w, "event   %s: %d listings, this one seen first; %s\n", self.Canonical, in, role)
	default:
		fmt.Fprintf(w, "event   %s: %d listings; %s\n", self.Canonical, in, role)
	}
	if len(ms) == 1 {
		fmt.Fprintln(w, "\nno other listing on that day in that municipality")
		return
	}
	a := dedup.Prepare(&self.Event)
	for _, group := range []struct {
		title string
		in    bool
	}{{"listings of this event", true}, {"other listings of the day and municipality", false}} {
		first := true
		for i := range ms[1:] {
			m := &ms[1+i]
			if (m.Canonical == self.Canonical) != group.in {
				continue
			}
			if first {
				fmt.Fprintf(w, "\n%s:\n", group.title)
				first = false
			}
			v := ov.Decide(a, dedup.Prepare(&m.Event))
			verdict := "same gathering"
			switch {
			case !v.Same && v.Hard:
				verdict = "apart"
			case !v.Same:
				verdict = "apart (in doubt)"
			}
			fmt.Fprintf(w, "  %s\n    %s: %s\n", describe(m), verdict, strings.Join(v.Why, "; "))
			if v.Same && !group.in {
				fmt.Fprintf(w, "    (in event %s: a listing that matches listings of two events, or contradicts one listing of an event, joins neither)\n", m.Canonical)
			}
		}
	}
}

func describe(m *dedup.Member) string {
	e := &m.Event
	when := e.StartsAt.In(event.Tokyo).Format("2006-01-02 15:04")
	if e.AllDay {
		when = e.StartsAt.In(event.Tokyo).Format("2006-01-02") + " (day only)"
	}
	where := e.Venue
	if e.Area != "" {
		where += " (" + e.Area + ")"
	}
	return fmt.Sprintf("%s  %s  %s  「%s」  %s  %s", e.ID, e.Source, when, e.Title, strings.TrimSpace(where), e.URL)
}
