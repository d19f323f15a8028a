package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"kouryu/internal/dedup"
)

// GroupResult says what Group did.
type GroupResult struct {
	Compared int          // stored listings the batch was compared with (its own included)
	Changed  int          // listings whose event or role changed
	Notes    []dedup.Note // one per listing of the batch whose event changed
	// Reading and Deciding are the time spent reading the listings and
	// in dedup.Assign, for measurements.
	Reading, Deciding time.Duration
}

// Group decides which event each listing named by ids (stored already) is
// a copy of, and which listing stands for each event, by dedup.Assign with
// the operator's overrides ov (nil: none). It reads the listings of the
// blocks of the batch (their day and municipality, by match key), the
// listings ov pairs with them and every listing of the events of all these,
// and writes the changes.
//
// Writes are decided under a lock that no other Group holds meanwhile, in
// this process or another: two writers deciding from reads that miss each
// other's changes could leave an event with two primary listings. Reads
// need no lock, so Group first reads and decides without it, and when that
// changes nothing — most batches: listings no other source lists — it is
// done. Otherwise it takes the lock and reads and decides again for the
// listings that changed. A listing that matched nothing when read without
// the lock is safe to leave: a writer that stores a copy of it afterwards
// reads it.
func (s *Store) Group(ctx context.Context, ids []string, ov *dedup.Overrides) (GroupResult, error) {
	if len(ids) == 0 {
		return GroupResult{}, nil
	}
	batch := slices.Clone(ids)
	for _, id := range ids {
		batch = append(batch, ov.Partners(id)...)
	}
	batch = uniq(batch)
	t0 := time.Now()
	known, err := s.db.near(ctx, batch)
	if err != nil {
		return GroupResult{}, fmt.Errorf("group %d listings: read listings: %w", len(ids), err)
	}
	t1 := time.Now()
	changes, notes := dedup.Assign(ids, known, ov)
	res := GroupResult{Compared: len(known), Reading: t1.Sub(t0), Deciding: time.Since(t1)}
	if len(changes) == 0 {
		return res, nil
	}
	var again []string
	for _, id := range ids {
		if slices.ContainsFunc(changes, func(c dedup.Change) bool { return c.ID == id }) ||
			slices.ContainsFunc(notes, func(n dedup.Note) bool { return n.ID == id }) {
			again = append(again, id)
		}
	}
	err = s.db.group(ctx, func(tx groupTx) error {
		sel := slices.Clone(again)
		for _, id := range again {
			sel = append(sel, ov.Partners(id)...)
		}
		t0 := time.Now()
		known, err := tx.near(ctx, uniq(sel))
		if err != nil {
			return err
		}
		t1 := time.Now()
		changes, notes := dedup.Assign(again, known, ov)
		res.Compared += len(known)
		res.Changed, res.Notes = len(changes), notes
		res.Reading += t1.Sub(t0)
		res.Deciding += time.Since(t1)
		return tx.apply(ctx, changes)
	})
	if err != nil {
		return GroupResult{}, fmt.Errorf("group %d listings: %w", len(ids), err)
	}
	return res, nil
}

// Listings returns the stored listings of the block (dedup.BlockKey) of
// listing id and of the events they belong to, as grouping sees them, the
// listing itself first: what `kouryu dedup explain` compares.
func (s *Store) Listings(ctx context.Context, id string) ([]dedup.Member, error) {
	var out []dedup.Member
	err := s.db.group(ctx, func(tx groupTx) error {
		self, err := tx.listings(ctx, listingSelect{ids: []string{id}})
		if err != nil {
			return err
		}
		if len(self) == 0 {
			return fmt.Errorf("listing %q: %w", id, ErrNotFound)
		}
		block := dedup.BlockKey(&self[0].Event) + "|"
		rest, err := tx.listings(ctx, listingSelect{prefixes: []string{block}, events: []string{self[0].Canonical},
			ids: []string{self[0].Canonical}, exclude: []string{id}})
		if err != nil {
			return err
		}
		seen := map[string]bool{id: true}
		out = append(out, self[0])
		for _, m := range rest {
			if !seen[m.Event.ID] {
				seen[m.Event.ID] = true
				out = append(out, m)
			}
		}
		return tx.apply(ctx, nil)
	})
	if err != nil {
		return nil, fmt.Errorf("listings near %q: %w", id, err)
	}
	return out, nil
}

// fillKeys gives the listings stored without a match key (before the table
// had one) their key, and places them in events, a chunk at a time.
func (s *Store) fillKeys(ctx context.Context) error {
	total := 0
	for {
		evs, err := s.db.unkeyed(ctx, 500)
		if err != nil {
			return fmt.Errorf("read listings without a match key: %w", err)
		}
		if len(evs) == 0 {
			break
		}
		keys := make(map[string]string, len(evs))
		ids := make([]string, len(evs))
		for i := range evs {
			keys[evs[i].ID] = dedup.MatchKey(&evs[i])
			ids[i] = evs[i].ID
		}
		if err := s.db.setKeys(ctx, keys); err != nil {
			return fmt.Errorf("store match keys: %w", err)
		}
		if _, err := s.Group(ctx, ids, nil); err != nil {
			return err
		}
		total += len(evs)
	}
	if total > 0 {
		s.log.Info("store placed stored listings in events", "listings", total)
	}
	return nil
}

func uniq(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}
