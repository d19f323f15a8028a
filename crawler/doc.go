// Package crawler fetches the event pages of the sources in sources.yaml and
// hands each event it finds to a Publisher (in production: JetStream, subject
// kouryu.raw.<source>).
//
// The parts:
//
//   - sources.go: the sources file of DESIGN.md (ParseSources, LoadSources,
//     DefaultSources from the embedded sources.yaml). A bad file is refused
//     as a whole with every fault named by source id and key.
//   - extract.go: pure extraction, a parsed page and its URL in, list items,
//     fields and events out (ExtractList, ExtractDetail, BuildEvent). Field
//     selectors are goquery selectors; "sel@attr" reads an attribute.
//   - collector.go: the one file that imports Colly. A fresh collector per
//     crawl with robots.txt honoured, a User-Agent naming the project,
//     allowed domains, per-host delay and parallelism, timeouts, a body size
//     limit, a max_pages budget, and a dial check that refuses loopback and
//     private addresses unless Config.AllowPrivate. Pages are decoded from
//     the charset of the Content-Type header or, failing that, of the page's
//     <meta> (Shift_JIS and EUC-JP sites often name it only there).
//
// Every event is Normalize()d and Validate()d before it is published; an
// unreadable date, a selector that matched nothing or a failed fetch is a
// problem in the crawl's Report, not a crash and not a guessed event.
package crawler
