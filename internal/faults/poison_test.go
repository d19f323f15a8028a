//go:build faults

package faults

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"kouryu/internal/bus"
	"kouryu/internal/event"
	"kouryu/internal/pgtest"
	"kouryu/internal/testutil"
)

// TestPoison sends messages that can never succeed between valid events on
// both streams: each must become a dead letter of its stage, with its
// reason, at once, and the valid events around it must all be stored.
func TestPoison(t *testing.T) {
	dbURL := withPassword(t, pgtest.URL(t))
	n := startNATS(t, "solo")
	b := openBus(t, n.url(), 1)
	evs := makeEvents(300, "poison")
	want := expected(t, evs)
	st := &stages{nats: n.url(), db: dbURL}
	st.classify(t)
	st.publish(t)

	enc := func(e event.Event) []byte {
		data, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	noTitle := makeEvents(1, "poison-no-title")[0]
	noTitle.Title = ""
	labelled := makeEvents(1, "poison-labelled")[0]
	labelled.Title = " "
	labelled.Label = event.CrossIndustry
	// Valid as an event, refused by PostgreSQL (text cannot hold NUL): only
	// the database can tell, so only the publisher can set it aside.
	nul := makeEvents(1, "poison-nul")[0]
	nul.Title = "名刺交換会\x00第二部"

	// marker is a part of the payload unique to each; the dead letter of the
	// NUL event is its classified twin, so it is found by its URL.
	poison := []struct {
		out    bus.Outgoing
		marker string
		stage  string
		reason string
	}{
		{bus.Outgoing{Subject: "kouryu.raw.x", MsgID: "poison-raw-decode", Data: []byte(`{"id": "broken`)}, `"broken`, event.StageClassify, "decode event"},
		{bus.Outgoing{Subject: "kouryu.raw.x", MsgID: "poison-raw-invalid", Data: enc(noTitle)}, "poison-no-title", event.StageClassify, "title is empty"},
		{bus.Outgoing{Subject: "kouryu.classified.x", MsgID: "poison-cls-decode", Data: []byte("これはJSONではない")}, "JSONではない", event.StagePublish, "decode event"},
		{bus.Outgoing{Subject: "kouryu.classified.x", MsgID: "poison-cls-invalid", Data: enc(labelled)}, "poison-labelled", event.StagePublish, "title is empty"},
		{bus.Outgoing{Subject: "kouryu.raw.x", MsgID: "poison-raw-nul", Data: enc(nul)}, "poison-nul", event.StagePublish, "0x00"},
	}
	feed(t, b, evs[:100])
	for _, p := range poison {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		if err := b.Publish(ctx, p.out); err != nil {
			t.Fatal(err)
		}
		cancel()
	}
	feed(t, b, evs[100:])

	// Permanent faults are set aside at once: well before the first retry
	// backoff schedule (1s, 5s, 30s, 2m) could run out.
	waitRows(t, dbURL, len(want), 45*time.Second)
	testutil.WaitFor(t, 45*time.Second, "5 dead letters", func() bool { return streamMsgs(t, b, bus.StreamDead) >= uint64(len(poison)) })
	waitIdle(t, b)
	got, primary, nrows := pgRows(t, dbURL)
	lost, doubled := compare(t, want, got, nrows)
	events := countEvents(t, evs, got, primary)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	dls, err := b.DeadLetters(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(dls) != len(poison) {
		t.Errorf("%d dead letters, want %d", len(dls), len(poison))
	}
	for _, p := range poison {
		found := false
		for _, d := range dls {
			if strings.Contains(string(d.Data), p.marker) {
				found = true
				if d.Stage != p.stage || !strings.Contains(d.Reason, p.reason) {
					t.Errorf("dead letter of %s: stage %q reason %q; want stage %q and a reason naming %q", p.marker, d.Stage, d.Reason, p.stage, p.reason)
				}
				if d.Delivered != 1 {
					t.Errorf("dead letter of %s after %d deliveries; a permanent fault needs one", p.marker, d.Delivered)
				}
			}
		}
		if !found {
			t.Errorf("no dead letter for %s", p.marker)
		}
	}

	// What an operator sees: `kouryu dead list` as a process of its own.
	dl := kouryu(t, "dead list", "dead", "list", "--nats-url", n.url())
	select {
	case <-dl.done:
	case <-time.After(time.Minute):
		t.Fatal("kouryu dead list did not finish")
	}
	if dl.err != nil {
		t.Fatalf("kouryu dead list: %v\n%s", dl.err, dl.out.String())
	}
	out := dl.out.String()
	for _, want := range []string{"decode event", "title is empty", "0x00", "kouryu.raw.x", "kouryu.classified.x", "5 dead letters"} {
		if !strings.Contains(out, want) {
			t.Errorf("kouryu dead list does not show %q:\n%s", want, out)
		}
	}
	noSecret(t, secret)
	record(t, outcome{fault: "poison: 2 undecodable, 2 invalid, 1 refused by PostgreSQL", in: len(want), rows: nrows, lost: lost, twice: doubled, events: events})
}
