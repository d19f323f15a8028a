// Package publisher is kouryu's last stage and its face to users.
//
// The Writer consumes classified events from the JetStream stream
// KOURYU_CLASSIFIED (subjects kouryu.classified.<label>) in batches, upserts
// each batch into the events table in one transaction, and acks the batch
// only after the commit: a crash before the commit means a redelivery, which
// the upsert by id makes harmless. A message that does not decode, is invalid
// or has no label is terminated and recorded on kouryu.dead.publish.
//
// The Server only reads the table. It serves RSS, Atom and iCalendar feeds
// per label and area (/feeds/{all|label}.{rss|atom|ics}?area=), the JSON API
// (/api/events), the web page (/), /healthz, /readyz and /metrics. Rendered
// bodies are cached until the table changes, and feeds and the API answer
// conditional requests (ETag, Last-Modified). WriteFeeds writes the same
// feeds as files, for operators who host static files.
package publisher
