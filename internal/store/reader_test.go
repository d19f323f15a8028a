package store

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// TestReaderRole applies deploy/postgres/reader.sql (twice: it must be
// re-runnable) and checks that kouryu_reader reads events and
// upcoming_events and nothing else, and cannot write.
func TestReaderRole(t *testing.T) {
	cfg := postgresConfig(t)
	s := openStore(t, cfg)
	upsert(t, s, newEvent(1, jst(2026, 3, 1, 18, 0)))
	script, err := os.ReadFile("../../deploy/postgres/reader.sql")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 2 {
		if _, err := s.db.(*pgStore).pool.Exec(ctx, string(script)); err != nil {
			t.Fatalf("apply reader.sql: %v", err)
		}
	}
	asReader := func(sql string) error {
		return pgx.BeginFunc(ctx, s.db.(*pgStore).pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `SET LOCAL ROLE kouryu_reader`); err != nil {
				t.Fatalf("set role: %v", err)
			}
			_, err := tx.Exec(ctx, sql)
			return err
		})
	}
	for _, q := range []string{`SELECT count(*) FROM events`, `SELECT id, title FROM upcoming_events`} {
		if err := asReader(q); err != nil {
			t.Errorf("reader cannot %q: %v", q, err)
		}
	}
	for _, q := range []string{
		`INSERT INTO events (id, source, url, title, starts_at, content_hash, first_seen_at, updated_at, last_seen_at, classified_at)
		 VALUES ('x', 's', 'https://x.jp/', 't', now(), 'h', now(), now(), now(), now())`,
		`UPDATE events SET title = 'changed'`,
		`DELETE FROM events`,
		`SELECT * FROM schema_migrations`,
		`UPDATE events_stamp SET changed_at = now()`,
	} {
		var pe *pgconn.PgError
		if err := asReader(q); !errors.As(err, &pe) || pe.Code != "42501" {
			t.Errorf("reader ran %q: want insufficient_privilege (42501), got %v", q, err)
		}
	}
}
