package classifier

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// pollEvery is how often Watch looks at the rules file.
const pollEvery = 2 * time.Second

// Live holds the rules in use and replaces them when the file changes. It is
// safe for concurrent use: Current never blocks and always returns a complete
// set of rules, the old one until a new one has loaded. The zero value is not
// usable: make one with NewLive.
type Live struct {
	path string
	log  *slog.Logger
	cur  atomic.Pointer[Rules]

	mu      sync.Mutex // serialises reloads
	modTime time.Time
	size    int64
	sum     [32]byte
}

// NewLive loads the rules at path, or the embedded default when path is "".
// An error means the file does not load; nothing is running yet.
func NewLive(path string, log *slog.Logger) (*Live, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	l := &Live{path: path, log: log}
	if path == "" {
		l.cur.Store(Default())
		return l, nil
	}
	if _, err := l.load(); err != nil {
		return nil, err
	}
	return l, nil
}

// Current returns the rules in use.
func (l *Live) Current() *Rules { return l.cur.Load() }

// Reload reads the file again. When it does not load, the rules in use stay
// and the error says why. With the embedded default, Reload does nothing.
func (l *Live) Reload() error {
	if l.path == "" {
		return nil
	}
	old := l.Current().Version()
	changed, err := l.load()
	if err != nil {
		return err
	}
	if changed {
		l.log.Info("rules reloaded", "path", l.path, "old_version", old, "new_version", l.Current().Version())
	}
	return nil
}

// load reads and compiles the file; changed is false when its bytes are the
// ones already loaded.
func (l *Live) load() (changed bool, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st, err := os.Stat(l.path)
	if err != nil {
		return false, fmt.Errorf("reload rules: %w", err)
	}
	data, err := os.ReadFile(l.path)
	if err != nil {
		return false, fmt.Errorf("reload rules: %w", err)
	}
	sum := sha256.Sum256(data)
	l.modTime, l.size = st.ModTime(), st.Size()
	if l.Current() != nil && bytes.Equal(sum[:], l.sum[:]) {
		return false, nil
	}
	r, err := Parse(data)
	if err != nil {
		return false, fmt.Errorf("reload rules %s (keeping version %s): %w", l.path, l.versionOrNone(), err)
	}
	l.sum = sum
	l.cur.Store(r)
	return true, nil
}

func (l *Live) versionOrNone() string {
	if r := l.Current(); r != nil {
		return r.Version()
	}
	return "none"
}

// statChanged reports whether the file's modification time or size differs
// from the last load.
func (l *Live) statChanged() bool {
	st, err := os.Stat(l.path)
	if err != nil {
		return true // let Reload report it
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return !st.ModTime().Equal(l.modTime) || st.Size() != l.size
}

// Watch reloads the rules on every signal from hup (SIGHUP, say) and when the
// file's modification time or size changes, polling every two seconds, until
// ctx is done. A file that does not load is logged and the old rules stay.
// With the embedded default there is no file to watch; signals are ignored.
func (l *Live) Watch(ctx context.Context, hup <-chan os.Signal) {
	l.watch(ctx, hup, pollEvery)
}

func (l *Live) watch(ctx context.Context, hup <-chan os.Signal, every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	lastErr := ""
	for {
		signalled := false
		select {
		case <-ctx.Done():
			return
		case <-hup:
			signalled = true
		case <-tick.C:
		}
		if l.path == "" || (!signalled && !l.statChanged()) {
			continue
		}
		if err := l.Reload(); err != nil {
			// Log a broken file once, not on every poll.
			if signalled || err.Error() != lastErr {
				l.log.Error("rules not reloaded", "path", l.path, "err", err)
			}
			lastErr = err.Error()
			continue
		}
		lastErr = ""
	}
}
