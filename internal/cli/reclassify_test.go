package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kouryu/classifier"
	"kouryu/internal/event"
	"kouryu/internal/store"
	"kouryu/internal/testutil"
)

// TestReclassify stores events labelled by other rules, runs `kouryu
// reclassify` and then `kouryu publish` on the same data dir, as an operator
// would after changing the rules, and waits for the table to follow.
func TestReclassify(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dataDir := t.TempDir()
	st, err := store.Open(ctx, store.Config{Path: filepath.Join(dataDir, "kouryu.db")}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now().Add(72 * time.Hour)
	u := "https://www.example-rinri.jp/seminar/1"
	stale := event.Event{
		ID: event.ID("example", u, start, ""), Source: "example", URL: u,
		Title:     "モーニングセミナー「朝礼で変わる職場」",
		Organizer: "大阪中央倫理法人会", StartsAt: start,
		Label: event.CrossIndustry, Score: 1, Reasons: []string{"old rules"}, RulesVersion: "old",
	}
	stale.Normalize()
	if _, err := st.Upsert(ctx, []event.Event{stale}); err != nil {
		t.Fatal(err)
	}

	var out strings.Builder
	if err := Main(ctx, []string{"reclassify", "--data-dir", dataDir}, nil, &out, io.Discard); err != nil {
		t.Fatalf("reclassify: %v", err)
	}
	if !strings.Contains(out.String(), "1 events labelled again") {
		t.Errorf("reclassify said %q", out.String())
	}

	pctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- Main(pctx, []string{"publish", "--data-dir", dataDir}, nil, io.Discard, io.Discard) }()
	want := classifier.Default().Version()
	testutil.Eventually(t, 30*time.Second, func() error {
		row, err := st.Get(ctx, stale.ID)
		if err != nil {
			t.Fatal(err)
		}
		if row.RulesVersion != want {
			return fmt.Errorf("the row still has rules %q, label %s", row.RulesVersion, row.Label)
		}
		if row.Label != event.StudyGroup {
			t.Errorf("label %s, want study_group (reasons %v)", row.Label, row.Reasons)
		}
		return nil
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("publish: %v", err)
	}
}
