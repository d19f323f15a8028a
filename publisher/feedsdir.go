package publisher

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"kouryu/internal/event"
)

// WriteFeeds writes every feed — all events and each label, as .rss, .atom
// and .ics — into dir, for operators who host static files. Each file is
// replaced atomically (written beside it, then renamed), so a web server
// never serves half a feed.
func (s *Server) WriteFeeds(ctx context.Context, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("feeds dir: %w", err)
	}
	now := s.now()
	labels := append([]event.Label{""}, event.Labels...)
	for _, label := range labels {
		name := string(label)
		if label == "" {
			name = "all"
		}
		for _, ext := range []string{"rss", "atom", "ics"} {
			b, err := s.feed(ctx, name, label, ext, "", facts{}, now)
			if err != nil {
				return fmt.Errorf("render %s.%s: %w", name, ext, err)
			}
			if err := writeFileAtomic(filepath.Join(dir, name+"."+ext), b.data); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp, 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp, path)
	}
	if werr != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, werr)
	}
	return nil
}
