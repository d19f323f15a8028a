package publisher

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
	"kouryu/internal/store"
	"kouryu/internal/testutil"
)

// TestWriteFeeds checks the files `kouryu publish --feeds-dir` writes: every
// feed, valid, with the items the server would serve, and rewritten when the
// table changes.
func TestWriteFeeds(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		f := newFixture()
		upsertEach(t, st, f.announced()...)
		srv, err := NewServer(st, ServerConfig{BaseURL: "https://kouryu.example"}, testutil.Logger(t))
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(t.TempDir(), "feeds")
		if err := srv.WriteFeeds(context.Background(), dir); err != nil {
			t.Fatal(err)
		}
		names := []string{"all"}
		for _, l := range event.Labels {
			names = append(names, string(l))
		}
		for _, n := range names {
			for _, ext := range []string{"rss", "atom", "ics"} {
				data, err := os.ReadFile(filepath.Join(dir, n+"."+ext))
				if err != nil {
					t.Fatal(err)
				}
				if ext == "ics" {
					if !bytes.HasPrefix(data, []byte("BEGIN:VCALENDAR\r\n")) {
						t.Errorf("%s.ics does not start a calendar", n)
					}
					continue
				}
				dec := xml.NewDecoder(bytes.NewReader(data))
				dec.Strict = true
				for {
					if _, err := dec.Token(); err != nil {
						if err.Error() != "EOF" {
							t.Errorf("%s.%s: %v", n, ext, err)
						}
						break
					}
				}
			}
		}
		all, _ := os.ReadFile(filepath.Join(dir, "all.rss"))
		if !strings.Contains(string(all), f.kita.Title) || strings.Contains(string(all), f.past.Title) {
			t.Errorf("all.rss should hold the upcoming events only:\n%s", all)
		}
		study, _ := os.ReadFile(filepath.Join(dir, "study_group.rss"))
		if !strings.Contains(string(study), f.sakai.Title) || strings.Contains(string(study), f.kita.Title) {
			t.Errorf("study_group.rss should hold the study groups only:\n%s", study)
		}

		added := ev("added", event.CrossIndustry, "大阪市北区", day(7).Add(18*time.Hour), "新しい名刺交換会")
		upsertEach(t, st, added)
		if err := srv.WriteFeeds(context.Background(), dir); err != nil {
			t.Fatal(err)
		}
		all, _ = os.ReadFile(filepath.Join(dir, "all.rss"))
		if !strings.Contains(string(all), added.Title) {
			t.Error("all.rss was not rewritten after the table changed")
		}
		left, _ := filepath.Glob(filepath.Join(dir, ".*"))
		if len(left) > 0 {
			t.Errorf("temporary files left behind: %v", left)
		}
	})
}
