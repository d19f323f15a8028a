package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kouryu/internal/event"
)

const benchBatch = 500

// benchBatches returns n batches of benchBatch new events each.
func benchBatches(n int) [][]event.Event {
	out := make([][]event.Event, n)
	start := jst(2027, 1, 1, 18, 0)
	for i := range out {
		out[i] = make([]event.Event, benchBatch)
		for j := range out[i] {
			k := i*benchBatch + j
			e := newEvent(k, start.Add(time.Duration(k)*time.Minute))
			e.Description = fmt.Sprintf("%d 件目の交流会。名刺交換、事業紹介、懇親会があります。参加費は当日お支払いください。", k)
			out[i][j] = e
		}
	}
	return out
}

// BenchmarkUpsertPostgres upserts batches of 500 new events: COPY into a
// temporary table and one INSERT … ON CONFLICT merge per batch, with the
// table's indexes in place. Compare events/s with BenchmarkCopyRaw.
func BenchmarkUpsertPostgres(b *testing.B) {
	s := openStore(b, postgresConfig(b))
	batches := benchBatches(b.N)
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N {
		r, err := s.Upsert(ctx, batches[i])
		if err != nil {
			b.Fatal(err)
		}
		if r.Inserted != benchBatch {
			b.Fatalf("batch %d: %+v", i, r)
		}
	}
	b.ReportMetric(float64(b.N*benchBatch)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkCopyRaw COPYs the same rows, one transaction per batch of 500,
// into a table with the same columns and no index or key: the floor the
// upsert is measured against.
func BenchmarkCopyRaw(b *testing.B) {
	s := openStore(b, postgresConfig(b))
	ctx := context.Background()
	if _, err := s.db.(*pgStore).pool.Exec(ctx, `
		CREATE TABLE events_raw_copy (
			id text, source text, url text, title text, description text,
			starts_at timestamptz, ends_at timestamptz, all_day boolean,
			venue text, address text, area text, organizer text, fee text, status text,
			fetched_at timestamptz, label text, score double precision, reasons jsonb,
			rules_version text, content_hash text
		)`); err != nil {
		b.Fatal(err)
	}
	batches := benchBatches(b.N)
	b.ResetTimer()
	for i := range b.N {
		// The same per-row work as Upsert: validation, hash, JSON.
		in, err := prepare(batches[i], false)
		if err != nil {
			b.Fatal(err)
		}
		err = pgx.BeginFunc(ctx, s.db.(*pgStore).pool, func(tx pgx.Tx) error {
			src := pgx.CopyFromSlice(len(in), func(j int) ([]any, error) { return pgIncomingRow(in[j]), nil })
			_, err := tx.CopyFrom(ctx, pgx.Identifier{"events_raw_copy"}, pgIncomingColumns, src)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*benchBatch)/b.Elapsed().Seconds(), "events/s")
}
