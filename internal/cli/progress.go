package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/mattn/go-isatty"

	"kouryu/crawler"
)

// progressEvery is the shortest time between two redraws of the progress
// block: at most five a second.
const progressEvery = 200 * time.Millisecond

// isTerminal reports whether w is a terminal that understands cursor
// movement (not TERM=dumb).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// progressView draws one line per source at the bottom of a terminal —
// pages done and queued, events found — and redraws them in place as
// crawls advance. It is also the log's writer, so that a log line is printed
// above the block instead of through it.
type progressView struct {
	mu    sync.Mutex
	w     io.Writer
	now   func() time.Time
	every time.Duration

	order []string // sources in the order they were first seen
	state map[string]crawler.Progress
	drawn int       // lines of the block on screen
	last  time.Time // of the last draw
	dirty bool      // state changed since the last draw
}

func newProgressView(w io.Writer) *progressView {
	return &progressView{w: w, now: time.Now, every: progressEvery, state: map[string]crawler.Progress{}}
}

// update is the crawler's Config.Progress: it records p and redraws when
// the last draw is older than every, or when a crawl is done.
func (v *progressView) update(source string, p crawler.Progress) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, ok := v.state[source]; !ok {
		v.order = append(v.order, source)
	}
	v.state[source] = p
	v.dirty = true
	if p.Done || v.now().Sub(v.last) >= v.every {
		v.draw()
	}
}

// Write prints a log line above the block.
func (v *progressView) Write(p []byte) (int, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	var buf bytes.Buffer
	v.erase(&buf)
	buf.Write(p)
	v.drawn = 0
	v.block(&buf)
	if _, err := v.w.Write(buf.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// flush draws what changed since the last draw (the end of a run).
func (v *progressView) flush() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.dirty {
		v.draw()
	}
}

func (v *progressView) draw() {
	var buf bytes.Buffer
	v.erase(&buf)
	v.drawn = 0
	v.block(&buf)
	_, _ = v.w.Write(buf.Bytes())
	v.last = v.now()
	v.dirty = false
}

// erase moves the cursor to the first line of the block and clears to the
// end of the screen.
func (v *progressView) erase(buf *bytes.Buffer) {
	if v.drawn > 0 {
		fmt.Fprintf(buf, "\x1b[%dA", v.drawn)
	}
	buf.WriteString("\r\x1b[J")
}

func (v *progressView) block(buf *bytes.Buffer) {
	width := 0
	for _, s := range v.order {
		width = max(width, len(s))
	}
	for _, s := range v.order {
		p := v.state[s]
		mark := "…"
		if p.Done {
			mark = "done"
		}
		fmt.Fprintf(buf, "%-*s  pages %4d done %4d queued  events %4d", width, s, p.PagesDone, p.PagesQueued, p.Events)
		if p.Errors > 0 {
			fmt.Fprintf(buf, "  errors %d", p.Errors)
		}
		fmt.Fprintf(buf, "  %s\n", mark)
		v.drawn++
	}
}
