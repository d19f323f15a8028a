// Package dedup tells when listings from different sources are one
// gathering, and which event each listing is a copy of.
//
// The same gathering is listed by its organiser, a chamber and portals, each
// in its own words: 第5回 なにわ経営者交流会のお知らせ at ホテル日航大阪 5階
// 孔雀の間, and 【難波】経営者交流会 vol.5 at 日航大阪5F. Each listing keeps
// its own row; listings of one gathering share a canonical id, the id of the
// event they are copies of, and readers show the event once.
//
// It is pure: events in, decisions out, no I/O.
//
//   - Prepare reads a listing once for comparison; Compare decides whether
//     two listings are one gathering and says why (Verdict). Two listings
//     are one only when two sources list them on one day in one
//     municipality, their starts are within StartTolerance (or one gives no
//     time), the numbers of their titles agree (第5回 is not vol.6, 第2部 is
//     not 第1部), they name one place (5階 and 5F, full and half width,
//     ホテル, 産創館 for 大阪産業創造館; another floor, room or street
//     address is another place), and their titles match once decorations
//     are removed (【…】, ＠place, in 梅田, のご案内, 開催案内, years, dates,
//     prices, Osaka's place names). In doubt they stay apart: a wrong merge
//     hides a gathering, a missed one shows it twice.
//   - BlockKey, MatchKey and Probe let a store find the listings a new one
//     must be compared with by an index: those of its day and municipality
//     whose titles carry the same numbers or none. The cost of placing a
//     listing grows with the listings of its day, not with the table.
//   - Assign decides the event of each listing of a batch among the stored
//     listings it may be one with, keeping the ids subscribers have: an
//     event keeps the id of its first-seen listing when others join, and
//     when that listing goes away (its row stays); a listing that matches
//     listings of two events joins neither. The best listing (Better: the
//     organiser's page before a portal's, then the one that tells more)
//     stands for its event, and Merge fills what it leaves empty from the
//     others.
//   - Overrides are an operator's pairs never and always to be one event;
//     they win over Compare.
//
// testdata/ holds a labelled set written before the rules: 159 listings and
// 219 pairs of them marked same or different. TestLabelledPairs scores
// Compare on it (precision and recall of "same event"):
//
//	go test -count=1 -run TestLabelledPairs -v ./internal/dedup/
package dedup
