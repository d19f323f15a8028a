package cli

import (
	"context"
	"log/slog"

	"kouryu/internal/dedup"
	"kouryu/internal/store"
	"kouryu/publisher"
)

func (c *common) serverConfig() publisher.ServerConfig {
	return publisher.ServerConfig{Addr: c.httpAddr, BaseURL: c.baseURL}
}

// writerConfig is the publisher's configuration; with a feeds dir, the feed
// files there are rewritten after commits until ctx ends.
func (c *common) writerConfig(ctx context.Context, st *store.Store, feedsDir string, log *slog.Logger) (publisher.WriterConfig, error) {
	var wcfg publisher.WriterConfig
	ov, err := c.loadOverrides()
	if err != nil {
		return wcfg, err
	}
	wcfg.Overrides = ov
	if feedsDir == "" {
		return wcfg, nil
	}
	ff, err := newFeedFiles(c, st, feedsDir, log)
	if err != nil {
		return wcfg, err
	}
	wcfg.AfterCommit = ff.changed
	go ff.run(ctx)
	return wcfg, nil
}

// feedFiles rewrites the feed files of a directory after commits. Commits
// that come while a write is under way are folded into the next write, so a
// busy publisher writes the files at most once per batch, never falls behind
// and never blocks on them.
type feedFiles struct {
	srv  *publisher.Server
	dir  string
	log  *slog.Logger
	kick chan struct{}
}

func newFeedFiles(c *common, st *store.Store, dir string, log *slog.Logger) (*feedFiles, error) {
	srv, err := publisher.NewServer(st, c.serverConfig(), log)
	if err != nil {
		return nil, err
	}
	f := &feedFiles{srv: srv, dir: dir, log: log, kick: make(chan struct{}, 1)}
	f.kick <- struct{}{} // write the files once at start
	return f, nil
}

// changed is the writer's AfterCommit hook.
func (f *feedFiles) changed(context.Context) error {
	select {
	case f.kick <- struct{}{}:
	default:
	}
	return nil
}

func (f *feedFiles) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-f.kick:
			if err := f.srv.WriteFeeds(ctx, f.dir); err != nil && ctx.Err() == nil {
				f.log.Warn("write feed files", "dir", f.dir, "err", err)
			}
		}
	}
}

// loadOverrides reads --dedup-overrides; none without the flag.
func (c *common) loadOverrides() (*dedup.Overrides, error) {
	ov, err := dedup.LoadOverrides(c.dedupOverrides)
	if err != nil {
		return nil, &ExitError{Code: 2, Err: err}
	}
	return ov, nil
}
