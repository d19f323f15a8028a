package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"kouryu/classifier"
	"kouryu/internal/event"
	"kouryu/internal/store"
)

const (
	storeBatch = 500 // publisher.WriterConfig's default batch
)

// storeRules are the embedded rules, parsed once for the stages that fill
// a store (store, serve, hostile): a parse is not what they measure.
var storeRules = sync.OnceValue(classifier.Default)

// storeEvents returns n classified events in batches of storeBatch.
func storeEvents(n int, now time.Time) [][]event.Event {
	rules := storeRules()
	var out [][]event.Event
	for i := 0; i < n; i += storeBatch {
		b := make([]event.Event, 0, storeBatch)
		for k := i; k < i+storeBatch && k < n; k++ {
			e := genEvent(k, "bench", now)
			rules.Apply(&e)
			b = append(b, e)
		}
		out = append(out, b)
	}
	return out
}

// copyRaw is the baseline: the per-row work Upsert does too on PostgreSQL
// (validation, the reasons as JSON, the content hash),
// then a COPY of each batch, in its own transaction, into a table with the
// same columns and no key or index.
func copyRaw(ctx context.Context, pool *pgxpool.Pool, table string, batches [][]event.Event, prep *time.Duration) error {
	cols := []string{
		"id", "source", "url", "title", "description", "starts_at", "ends_at", "all_day",
		"venue", "address", "area", "organizer", "fee", "status", "fetched_at",
		"label", "score", "reasons", "rules_version", "content_hash",
	}
	for _, b := range batches {
		t0 := time.Now()
		rows := make([][]any, 0, len(b))
		for i := range b {
			e := &b[i]
			if err := e.Validate(); err != nil {
				return err
			}
			reasons, err := json.Marshal(e.Reasons)
			if err != nil {
				return err
			}
			rows = append(rows, []any{
				e.ID, e.Source, e.URL, e.Title, e.Description, e.StartsAt, e.EndsAt, e.AllDay,
				e.Venue, e.Address, e.Area, e.Organizer, e.Fee, string(e.Status), e.FetchedAt,
				string(e.Label), e.Score, reasons, e.RulesVersion, e.ContentHash(),
			})
		}
		*prep += time.Since(t0)
		err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
			_, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
			return err
		})
		if err != nil {
			return fmt.Errorf("copy batch: %w", err)
		}
	}
	return nil
}

func benchStore(ctx context.Context, c config, res *Result, log *slog.Logger) error {
	dbURL, drop, err := pgSchema(ctx, c.databaseURL, "store")
	if err != nil {
		return err
	}
	defer drop()
	st, err := store.Open(ctx, store.Config{URL: dbURL}, log)
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()
	pool, err := pgxpool.New(ctx, dbURL)
	if err != nil {
		return fmt.Errorf("open pool: %w", err)
	}
	defer pool.Close()
	const columns = `(
			id text, source text, url text, title text, description text,
			starts_at timestamptz, ends_at timestamptz, all_day boolean,
			venue text, address text, area text, organizer text, fee text, status text,
			fetched_at timestamptz, label text, score double precision, reasons jsonb,
			rules_version text, content_hash text)`
	if _, err := pool.Exec(ctx, `CREATE TABLE events_raw_copy `+columns); err != nil {
		return fmt.Errorf("create copy table: %w", err)
	}
	batches := storeEvents(c.storeRows, time.Now())

	// Batch by batch, the COPY and the upsert take turns (the order
	// alternates), so that a neighbour's burst on this shared machine falls
	// on both alike.
	var prep, copyTime, upsertTime time.Duration
	var ins store.UpsertResult
	for i, b := range batches {
		for turn := range 2 {
			t0 := time.Now()
			if (i+turn)%2 == 0 {
				if err := copyRaw(ctx, pool, "events_raw_copy", [][]event.Event{b}, &prep); err != nil {
					return err
				}
				copyTime += time.Since(t0)
				continue
			}
			r, err := st.Upsert(ctx, b)
			if err != nil {
				return fmt.Errorf("upsert: %w", err)
			}
			upsertTime += time.Since(t0)
			ins.Inserted += r.Inserted
		}
	}
	if ins.Inserted != c.storeRows {
		return fmt.Errorf("upsert: %d rows inserted, want %d", ins.Inserted, c.storeRows)
	}
	// Again: a crawl that finds nothing new.
	t0 := time.Now()
	for _, b := range batches {
		r, err := st.Upsert(ctx, b)
		if err != nil {
			return fmt.Errorf("upsert again: %w", err)
		}
		if r.Unchanged != len(b) {
			return fmt.Errorf("upsert again: %+v, want %d unchanged", r, len(b))
		}
	}
	againSecs := time.Since(t0).Seconds()
	copySecs, insSecs := copyTime.Seconds(), upsertTime.Seconds()

	rate, base := float64(c.storeRows)/insSecs, float64(c.storeRows)/copySecs
	ratio := rate / base
	res.Checks = append(res.Checks, Check{
		Stage: "store", Metric: fmt.Sprintf("upsert %d new rows, batches of %d", c.storeRows, storeBatch), Unit: "rows/s",
		Figure: round(rate, 0), Baseline: round(base, 0), BaseName: "raw COPY", Ratio: round(ratio, 2),
		Target: "≥ 0.5× COPY", Pass: ratio >= 0.5,
	})
	res.Extra["store.copy_row_prep_seconds"] = round(prep.Seconds(), 2)
	res.Extra["store.copy_seconds"] = round(copySecs, 2)
	res.Extra["store.upsert_seconds"] = round(insSecs, 2)
	res.Extra["store.upsert_unchanged_rows_per_s"] = round(float64(c.storeRows)/againSecs, 0)
	return nil
}
