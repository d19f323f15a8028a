package cli

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
	"kouryu/internal/store"
)

// TestDedupExplain stores three listings of one gathering and another party
// in the same hotel that evening, and asks `kouryu dedup explain` about
// one: it names its event and says why each other listing is in it or not.
// With an overrides file that keeps two of them apart, it says so.
func TestDedupExplain(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dataDir := t.TempDir()
	st, err := store.Open(ctx, store.Config{Path: filepath.Join(dataDir, "kouryu.db")}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 12, 3, 18, 30, 0, 0, event.Tokyo)
	mk := func(source, url, title, venue string) event.Event {
		e := event.Event{ID: event.ID(source, url, start, ""), Source: source, URL: url, Title: title,
			StartsAt: start, Venue: venue, Area: "大阪市中央区", Label: event.CrossIndustry}
		e.Normalize()
		return e
	}
	organiser := mk("naniwa-keiei", "https://naniwa-keiei.jp/news/2026/11/05-kouryukai.html", "第5回 なにわ経営者交流会のお知らせ", "ホテル日航大阪 5階 孔雀の間")
	portal := mk("kokuchpro", "https://www.kokuchpro.com/event/naniwa_keiei5/", "【難波】経営者交流会 vol.5", "日航大阪5F")
	other := mk("osaka-nishi-rc", "https://www.osaka-nishi-rc.jp/schedule/2026-12.html", "年末家族例会", "ホテル日航大阪 4階 鶴の間")
	evs := []event.Event{organiser, portal, other}
	if _, err := st.Upsert(ctx, evs); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Group(ctx, []string{organiser.ID, portal.ID, other.ID}, nil); err != nil {
		t.Fatal(err)
	}
	st.Close()

	explain := func(args ...string) string {
		t.Helper()
		var out strings.Builder
		if err := Main(ctx, append([]string{"dedup", "explain", portal.ID, "--data-dir", dataDir}, args...), nil, &out, io.Discard); err != nil {
			t.Fatalf("dedup explain: %v", err)
		}
		return out.String()
	}
	out := explain()
	for _, want := range []string{
		"event   " + min(organiser.ID, portal.ID) + ": 2 listings",
		"listings of this event:\n  " + organiser.ID,
		"same gathering: starts 18:30 / 18:30; the titles' numbers agree: 5",
		"other listings of the day and municipality:\n  " + other.ID,
		"apart: starts 18:30 / 18:30; other floors: 5 / 4",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}

	file := filepath.Join(t.TempDir(), "overrides.yaml")
	if err := os.WriteFile(file, []byte("never:\n  - ["+organiser.ID+", "+portal.ID+"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := explain("--dedup-overrides", file); !strings.Contains(out, "apart: the overrides file keeps them apart (never)") {
		t.Errorf("with overrides:\n%s", out)
	}

	err = Main(ctx, []string{"dedup", "explain", "nope", "--data-dir", dataDir}, nil, io.Discard, io.Discard)
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != 1 || !strings.Contains(err.Error(), `no listing with id "nope"`) {
		t.Errorf("unknown id: %v", err)
	}
	if err := os.WriteFile(file, []byte("never:\n  - [one]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = Main(ctx, []string{"dedup", "explain", portal.ID, "--data-dir", dataDir, "--dedup-overrides", file}, nil, io.Discard, io.Discard)
	if !errors.As(err, &ee) || ee.Code != 2 || !strings.Contains(err.Error(), "never[0]") {
		t.Errorf("a bad overrides file: %v", err)
	}
}
