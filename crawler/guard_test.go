package crawler

import (
	"log/slog"
	"strings"
	"testing"

	"kouryu/internal/testutil"
)

// A block whose only link is a flyer named by its date (a PDF whose text
// is 12月10日（木）) scores below every other kind of link; with nothing
// better it is still the block's link, and choosing it must not crash.
func TestChooseLinkDateNamedFlyerAlone(t *testing.T) {
	flyer := &linkInfo{url: "https://example.jp/jigyo/1210.pdf", text: "12月10日（木）", file: true}
	if got := chooseLink([]*linkInfo{flyer}); got != flyer {
		t.Errorf("chooseLink = %+v, want the flyer", got)
	}
	page := &linkInfo{url: "https://example.jp/jigyo/1210.html", text: "12月例会のご案内"}
	if got := chooseLink([]*linkInfo{flyer, page}); got != page {
		t.Errorf("chooseLink = %+v, want the event's page", got)
	}
}

// A reader's bug on one page costs that page, not the crawl: the panic
// becomes an error naming the page, and the stack goes to the log.
func TestGuardTurnsAPanicIntoThePagesError(t *testing.T) {
	var buf testutil.SyncBuffer
	s := &session{log: slog.New(slog.NewTextHandler(&buf, nil)), src: &Source{ID: "kyokai"}}
	err := s.guard("https://example.jp/gyoji.html", func() {
		var links []*linkInfo
		_ = links[3] // out of range, as a reader's bug would be
	})
	if err == nil || !strings.Contains(err.Error(), "https://example.jp/gyoji.html") || !strings.Contains(err.Error(), "internal error") {
		t.Errorf("guard = %v", err)
	}
	if !strings.Contains(buf.String(), "stack=") || !strings.Contains(buf.String(), "source=kyokai") {
		t.Errorf("log lacks the stack or the source:\n%s", buf.String())
	}
	if err := s.guard("https://example.jp/ok.html", func() {}); err != nil {
		t.Errorf("guard of a page read without a panic = %v", err)
	}
}
