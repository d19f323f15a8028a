package main

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"kouryu/internal/event"
	"kouryu/internal/store"
)

// The dedup stage measures what the publisher does for each new listing
// beyond storing it: finding the stored listings it may be a copy of (its
// day and municipality, by an index) and deciding its event (store.Group).
// The table is filled with c.dedupPerDay listings a day, first to a tenth
// of c.dedupRows, then to all of them on further days: the cost of placing
// a listing on the same days must not grow with the table.

// dedupListing is the i-th listing of the stage's table: genEvent's
// listing, on day i/perDay after base, at one of three hours.
func dedupListing(i, perDay int, base time.Time) event.Event {
	e := genEvent(i, fmt.Sprintf("bench-%d", i%8), base)
	d := base.AddDate(0, 0, i/perDay)
	hour := []int{10, 14, 18}[i%3]
	e.StartsAt = time.Date(d.Year(), d.Month(), d.Day(), hour, 30, 0, 0, event.Tokyo)
	e.EndsAt = e.StartsAt.Add(2 * time.Hour)
	e.ID = event.ID(e.Source, e.URL, e.StartsAt, "")
	return e
}

// dedupProbe is a new listing on the day of stored listing k: a portal's
// copy of it (its numbered title decorated: found by the key of its
// number), or, with numbered false, a gathering whose title has no number
// (compared with every listing of its day and municipality).
func dedupProbe(k, j, perDay int, base time.Time, numbered bool) event.Event {
	e := dedupListing(k, perDay, base)
	e.Source, e.URL = "bench-portal", fmt.Sprintf("https://portal.example.jp/event/%d", j)
	if numbered {
		e.Title = "【大阪】" + e.Title + "のご案内"
	} else {
		e.Title = "【梅田】ビジネス交流ランチ会のご案内"
		e.StartsAt = e.StartsAt.Add(90 * time.Minute)
		e.EndsAt = e.StartsAt.Add(time.Hour)
	}
	e.ID = event.ID(e.Source, e.URL, e.StartsAt, "")
	return e
}

func benchDedup(ctx context.Context, c config, res *Result, log *slog.Logger) error {
	dbURL, drop, err := pgSchema(ctx, c.databaseURL, "dedup")
	if err != nil {
		return err
	}
	defer drop()
	st, err := store.Open(ctx, store.Config{URL: dbURL}, log)
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()
	base := time.Now().In(event.Tokyo).AddDate(0, 0, 1)
	perDay := c.dedupPerDay
	small := c.dedupRows / 10
	filled := 0
	fill := func(n int) error {
		t0 := time.Now()
		const batch = 5000
		for filled < n {
			evs := make([]event.Event, 0, batch)
			for i := filled; i < min(filled+batch, n); i++ {
				evs = append(evs, dedupListing(i, perDay, base))
			}
			if _, err := st.Upsert(ctx, evs); err != nil {
				return fmt.Errorf("fill the table: %w", err)
			}
			filled += len(evs)
		}
		res.Extra[fmt.Sprintf("dedup.fill_to_%d_seconds", n)] = round(time.Since(t0).Seconds(), 1)
		return nil
	}
	// place stores probes and groups each alone, as the writer groups a
	// batch, and returns the times of Group and what it read.
	j := 0
	place := func(numbered bool, n int) (times []time.Duration, read, joined int, reading, deciding time.Duration, err error) {
		for range n {
			k := (j * 7919) % small // listings of the first days, spread
			e := dedupProbe(k, j, perDay, base, numbered)
			j++
			if _, err := st.Upsert(ctx, []event.Event{e}); err != nil {
				return nil, 0, 0, 0, 0, err
			}
			t0 := time.Now()
			r, err := st.Group(ctx, []string{e.ID}, nil)
			if err != nil {
				return nil, 0, 0, 0, 0, err
			}
			times = append(times, time.Since(t0))
			read += r.Compared
			reading += r.Reading
			deciding += r.Deciding
			for _, note := range r.Notes {
				if note.What == "joined" {
					joined++
				}
			}
		}
		slices.Sort(times)
		return times, read, joined, reading, deciding, nil
	}
	probes := float64(c.dedupProbes)
	var p50s [2]float64
	for phase, rows := range []int{small, c.dedupRows} {
		if err := fill(rows); err != nil {
			return err
		}
		for _, numbered := range []bool{true, false} {
			times, read, joined, reading, deciding, err := place(numbered, c.dedupProbes)
			if err != nil {
				return fmt.Errorf("place listings among %d: %w", rows, err)
			}
			kind := "numbered"
			if !numbered {
				kind = "unnumbered"
			}
			p50, p99 := ms(times[len(times)/2]), ms(times[len(times)*99/100])
			prefix := fmt.Sprintf("dedup.%dk_%s_", rows/1000, kind)
			res.Extra[prefix+"p50_ms"] = p50
			res.Extra[prefix+"p99_ms"] = p99
			res.Extra[prefix+"listings_read"] = round(float64(read)/probes, 1)
			res.Extra[prefix+"reading_ms"] = round(ms(reading)/probes, 2)
			res.Extra[prefix+"deciding_ms"] = round(ms(deciding)/probes, 2)
			if numbered {
				res.Extra[prefix+"joined_fraction"] = round(float64(joined)/probes, 2)
				p50s[phase] = p50
			}
			if rows == c.dedupRows {
				res.Checks = append(res.Checks, Check{
					Stage:  "dedup",
					Metric: fmt.Sprintf("place a new %s listing among %d (%d a day), p99", kind, rows, perDay), Unit: "ms",
					Figure: p99, Target: "< 100 ms", Pass: p99 < 100,
				})
			}
		}
	}
	ratio := p50s[1] / p50s[0]
	res.Checks = append(res.Checks, Check{
		Stage: "dedup", Metric: fmt.Sprintf("p50 among %d / among %d, same days", c.dedupRows, small), Unit: "×",
		Figure: round(ratio, 2), Target: "≤ 2×: grows with the day, not the table", Pass: ratio <= 2,
	})
	return nil
}

func ms(d time.Duration) float64 { return round(float64(d.Microseconds())/1000, 2) }
