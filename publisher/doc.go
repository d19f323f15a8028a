// Package publisher is kouryu's last stage and its face to users.
//
// The Writer consumes classified events from the JetStream stream
// KOURYU_CLASSIFIED (subjects kouryu.classified.<label>) in batches, upserts
// each batch into the events table in one transaction, places the batch's
// listings in events (store.Group: the listings of one gathering, from
// other sources, share a canonical_id), and acks the batch only after both
// commit: a crash before means a redelivery, which the upsert by id and
// placing again make harmless. A message that does not decode, is invalid
// or has no label is terminated and recorded on kouryu.dead.publish.
//
// The Server only reads the table. It serves RSS, Atom and iCalendar feeds
// per label and area (/feeds/{all|label}.{rss|atom|ics}?area=), the JSON API
// (/api/events), the web page (/), /healthz, /readyz and /metrics (package
// ops; /metrics can move to a listener of its own). The feeds, the API and
// the page take the same filters on what listings state (server_facts.go:
// free, open, online, apply_after), and the page marks each event with
// them (無料, 会員限定, オンライン, 締切間近, 申込締切済). Rendered bodies are
// cached until the table changes, keyed by the parameters each route knows
// (the page and the feeds ignore others, the API refuses them; requests
// carrying others are answered at most StrayRate a second), in a cache
// bounded in bytes; renders run a few at a time, one per body however many
// requests want it (singleflight), and event text is cleaned and clipped
// before it is rendered, so no client or page can make the server render or
// hold more than that. The table's stamp is read in the background, and when
// the database cannot be reached the last good copy of a body is served. Conditional requests (ETag, Last-Modified) go through
// http.ServeContent. WriteFeeds writes the same feeds as files, for operators
// who host static files.
package publisher
