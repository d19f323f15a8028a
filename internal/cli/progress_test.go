package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"kouryu/crawler"
)

func TestProgressViewRedrawsInPlaceAtMostFiveTimesASecond(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	v := newProgressView(&out)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	v.now = func() time.Time { return now }

	v.update("osaka-cci", crawler.Progress{PagesDone: 1, PagesQueued: 9})
	first := out.String()
	if !strings.Contains(first, "osaka-cci  pages    1 done    9 queued  events    0") || strings.Contains(first, "\x1b[1A") {
		t.Fatalf("first draw %q", first)
	}
	// 50ms later: recorded, not drawn.
	now = now.Add(50 * time.Millisecond)
	v.update("sakai-cci", crawler.Progress{PagesDone: 1, PagesQueued: 3, Events: 2})
	if out.String() != first {
		t.Fatalf("redrawn within %s: %q", progressEvery, out.String()[len(first):])
	}
	// 200ms after the first draw: both lines, drawn over the old block.
	now = now.Add(150 * time.Millisecond)
	v.update("osaka-cci", crawler.Progress{PagesDone: 4, PagesQueued: 6, Events: 3, Errors: 1})
	second := out.String()[len(first):]
	if !strings.HasPrefix(second, "\x1b[1A\r\x1b[J") {
		t.Errorf("second draw does not move up over the one-line block: %q", second)
	}
	for _, want := range []string{
		"osaka-cci  pages    4 done    6 queued  events    3  errors 1  …\n",
		"sakai-cci  pages    1 done    3 queued  events    2  …\n",
	} {
		if !strings.Contains(second, want) {
			t.Errorf("second draw %q lacks %q", second, want)
		}
	}
	// A finished crawl is drawn at once, however soon.
	now = now.Add(time.Millisecond)
	v.update("sakai-cci", crawler.Progress{PagesDone: 4, Events: 3, Done: true})
	third := out.String()[len(first)+len(second):]
	if !strings.HasPrefix(third, "\x1b[2A\r\x1b[J") || !strings.Contains(third, "sakai-cci  pages    4 done    0 queued  events    3  done\n") {
		t.Errorf("final draw %q", third)
	}
	// A log line goes above the block, which is drawn again below it.
	n := out.Len()
	if _, err := v.Write([]byte("level=WARN msg=\"fetch failed\"\n")); err != nil {
		t.Fatal(err)
	}
	logged := out.String()[n:]
	if !strings.HasPrefix(logged, "\x1b[2A\r\x1b[Jlevel=WARN msg=\"fetch failed\"\nosaka-cci") {
		t.Errorf("log line through the view: %q", logged)
	}
}

func TestProgressOnlyOnATerminal(t *testing.T) {
	t.Parallel()
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is a terminal")
	}
}
