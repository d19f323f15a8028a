package crawler

import (
	"slices"
	"testing"
)

// igEmbed is Instagram's embed code for a post, as a site pastes it: the
// caption's line breaks become spaces, two where a blank line was.
func igEmbed(post, caption, datetime, shown string) string {
	link := "https://www.instagram.com/p/" + post + "/?utm_source=ig_embed&amp;utm_campaign=loading"
	return `<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="` + link + `" data-instgrm-version="14" style="background:#FFF; max-width:540px;">` +
		`<div style="padding:16px;"> <a href="` + link + `" style="background:#FFFFFF;" target="_blank"> <div style="display: flex;"><div style="background-color: #F4F4F4; height: 40px; width: 40px;"></div></div>` +
		`<div style="padding-top: 8px;"> <div style="color:#3897f0; font-family:Arial,sans-serif;">View this post on Instagram</div></div></a>` +
		` <p style="margin:8px 0 0 0; padding:0 4px;"> <a href="` + link + `" style="color:#000;" target="_blank">` + caption + `</a></p>` +
		` <p style="color:#c9c8cd;">A post shared by <a href="https://www.instagram.com/example_koryukai/?utm_source=ig_embed&amp;utm_campaign=loading" style="color:#c9c8cd;" target="_blank"> 例交流会｜本町</a> (@example_koryukai) on <time style="font-family:Arial,sans-serif;" datetime="` + datetime + `">` + shown + `</time></p></div></blockquote>` +
		` <script async src="//www.instagram.com/embed.js"></script>`
}

// A small organiser's events page is its Instagram posts, embedded: each
// post's caption names the event on its first line and labels its date,
// place and fee with pictographs; a note added on top of a caption later
// (【11/26追記】…中止) is no name; the day a post went up is not its event's.
func TestAutoListInstagramEmbeds(t *testing.T) {
	page := `<html><head><title>イベント | 例交流会</title></head><body><main><article><h1>イベント</h1>
<p>最新のご案内はInstagramで発信しています。</p>` +
		igEmbed("AAA111", "12月の例交流会🎄  📅12/17(木)19:00〜21:00 📍カフェ 例 本町店 💰3,000円（1ドリンク付）  初めての方も大歓迎です🙌  #異業種交流会 #本町", "2026-11-30T23:00:00+00:00", "Nov 30, 2026 at 3:00pm PST") +
		igEmbed("BBB222", "【11/26追記】 体調不良のため、11/28の朝活は中止とさせていただきます🙇‍♀️ ―――――――――― ☕例朝活 vol.4☕  📅11/28(土) 7:30〜9:00 📍ベーカリー 例 2F  #朝活", "2026-11-10T01:00:00+00:00", "Nov 9, 2026 at 5:00pm PST") +
		`</article></main></body></html>`
	lp := autoItems(t, "https://www.example.jp/event/", page)
	var got []string
	for _, it := range lp.Items {
		e := wholeEvent(t, ListItem{Link: it.Link, Fields: it.Fields, Whole: true})
		got = append(got, jst(e.StartsAt)+" "+e.Title+" @"+e.Venue+" "+string(e.Status))
	}
	want := []string{"2026-12-17 19:00 12月の例交流会 @カフェ 例 本町店 scheduled", "2026-11-28 07:30 例朝活 vol.4 @ベーカリー 例 2F cancelled"}
	if !slices.Equal(got, want) {
		t.Errorf("events\n%q\nwant\n%q", got, want)
	}
}

func TestCaptionLines(t *testing.T) {
	got := captionLines("10月の例交流会🌰 📅10/16(金)19:00〜21:00 📍カフェ 例 💰3,000円  今月は自己紹介タイムがあります🎤  #異業種交流会 #大阪")
	want := []string{"10月の例交流会🌰", "日時：10/16(金)19:00〜21:00", "会場：カフェ 例", "参加費：3,000円", "今月は自己紹介タイムがあります🎤"}
	if !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}

// A shopping street's site mirrors its LINE account's posts: each card
// names the account in its meta line, then the post, whose first line
// names the event and whose 📅 and 📍 lines give its day and place; the
// link to the post on LINE is no name.
func TestAutoListLineTimelinePosts(t *testing.T) {
	post := func(id, when, text string) string {
		return `<article class="ltel-post" id="ltel-post-` + id + `"><div class="ltel-post__head"><img class="ltel-avatar" src="/icon.png" alt="">` +
			`<div class="ltel-post__meta"><span class="ltel-post__name">例通り商店街</span><span class="ltel-post__time">` + when + `</span></div></div>` +
			`<div class="ltel-post__body"><div class="ltel-text">` + text + `</div><button type="button" class="ltel-more-btn">もっと見る</button></div>` +
			`<div class="ltel-post__foot"><span class="ltel-like"><span class="ltel-like__count">12</span></span>` +
			`<a class="ltel-open" href="https://linevoom.line.me/post/` + id + `" target="_blank">LINE VOOMで見る</a></div></article>`
	}
	page := `<html><head><title>お知らせ｜例通り商店街振興組合</title></head><body><main><h1>LINE公式アカウントのお知らせ</h1><div class="ltel-timeline">` +
		post("1001", "2026.11.20 18:30", `🍻加盟店主 忘年会🍻<br>今年もやります！<span class="ltel-ellipsis">…</span><span class="ltel-text-more ltel-is-hidden"><br><br>📅12月18日(金) 19:00～21:00<br>📍居酒屋 例八<br>💴会費 4,000円</span>`) +
		post("1002", "2026.11.15 10:00", `🍡歳末餅つき大会🍡<br>地域の皆さま、今年も開催します！<span class="ltel-ellipsis">…</span><span class="ltel-text-more ltel-is-hidden"><br><br>📅12月27日(日) 10:00～<br>📍📍場所：例通り 中央広場</span>`) +
		`</div></main></body></html>`
	lp := autoItems(t, "https://www.example.jp/", page)
	var got []string
	for _, it := range lp.Items {
		e := wholeEvent(t, ListItem{Link: it.Link, Fields: it.Fields, Whole: true})
		got = append(got, jst(e.StartsAt)+" "+e.Title+" @"+e.Venue)
	}
	want := []string{"2026-12-18 19:00 加盟店主 忘年会 @居酒屋 例八", "2026-12-27 10:00 歳末餅つき大会 @例通り 中央広場"}
	if !slices.Equal(got, want) {
		t.Errorf("events\n%q\nwant\n%q", got, want)
	}
}

// A post that announces two events numbers them, each with its date;
// what follows is said of both.
func TestCaptionEvents(t *testing.T) {
	lines := captionLines("1月・2月の日程が決まりました🎍 2か月分まとめてお知らせです📣 ━━━━━━━━━━ ①新春交流会🎍 📅1/15(金)19:00〜21:00 📍カフェ 例 💰3,500円 ②2月 例交流会 📅2/19(金)19:00〜21:00 📍カフェ 例 ━━━━━━━━━━ どちらも受付は18:45〜です  #例交流会")
	got := captionEvents(lines)
	want := [][]string{
		{"新春交流会🎍", "日時：1/15(金)19:00〜21:00", "会場：カフェ 例", "参加費：3,500円", "どちらも受付は18:45〜です"},
		{"2月 例交流会", "日時：2/19(金)19:00〜21:00", "会場：カフェ 例", "どちらも受付は18:45〜です"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d events %q, want %d", len(got), got, len(want))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("event %d: %q, want %q", i, got[i], want[i])
		}
	}
	// One event with numbered points: the caption whole.
	one := captionLines("12月の例交流会🎄 📅12/17(木)19:00〜 ①自己紹介 ②名刺交換")
	if got := captionEvents(one); len(got) != 1 {
		t.Errorf("%q read as %d events", one, len(got))
	}
}

// A thank-you for a meeting held and a post that only marks another
// post's event full are posts of the list, not events.
func TestAutoListInstagramReportsAndMarks(t *testing.T) {
	page := `<html><head><title>イベント | 例交流会</title></head><body><main><article><h1>イベント</h1>` +
		igEmbed("CCC333", "【満席になりました🙏】  12/18(金)の忘年会SP🎄 おかげさまで定員30名に達し、満席となりました。  #例交流会", "2026-12-02T12:15:00+00:00", "Dec 2, 2026 at 4:15am PST") +
		igEmbed("DDD444", "11/20(金)の11月例交流会、ご参加いただいた皆さまありがとうございました🙏✨  今回は27名のご参加でした👏  #例交流会", "2026-11-21T01:00:00+00:00", "Nov 20, 2026 at 5:00pm PST") +
		igEmbed("EEE555", "12月の例交流会🎄  📅12/17(木)19:00〜21:00 📍カフェ 例 本町店  #異業種交流会", "2026-11-30T23:00:00+00:00", "Nov 30, 2026 at 3:00pm PST") +
		`</article></main></body></html>`
	lp := autoItems(t, "https://www.example.jp/event/", page)
	if len(lp.Items) != 1 || lp.Items[0].Fields[FieldTitle] != "12月の例交流会" {
		t.Errorf("items %v, want the December meeting alone", lp.Items)
	}
	if len(lp.Refused) != 2 {
		t.Errorf("refused %v, want the mark and the thanks", lp.Refused)
	}
}
