/* canned.c — the server's words when no language model answers. */
#include "canned.h"

#include <stddef.h>
#include <string.h>


#define JA SCORE_LANG_JA
#define EN SCORE_LANG_EN

/* One line per weakness and language, in the voice of a veteran who has kept
 * bad code alive for decades and will defend every bit of it; then the
 * general lines. Each is at most CANNED_MAX_CHARS characters (a unit test
 * checks), and each weakness line says something true of that weakness. */
const struct canned_line canned_lines[] = {
	{ "bubble-sort-in-request", JA, "バブルソートは枯れた技術だ。O(n²)の重みを味わえ！" },
	{ "bubble-sort-in-request", EN, "Bubble sort is battle-tested. Feel all n² of those swaps!" },
	{ "single-server", JA, "この1台で何年も回してきたんだ。落ちたらそのとき考える。" },
	{ "single-server", EN, "One box has served for years. If it dies, we'll see." },
	{ "cgi-era-process-model", JA, "プリフォーク4匹で何が悪い。昔はこれで十分だった。" },
	{ "cgi-era-process-model", EN, "Four pre-forked workers. In my day that was plenty." },
	{ "cron-job-scheduler", JA, "cronは裏切らない。毎分ちゃんと起きてくれる。" },
	{ "cron-job-scheduler", EN, "Cron has never let me down. It wakes up every minute." },
	{ "mysql-job-queue", JA, "行ロックを信じろ。MySQLはキューにだってなる。" },
	{ "mysql-job-queue", EN, "Believe in row locks and MySQL is a fine queue." },
	{ "queue-polling", JA, "250ミリ秒ごとに聞けば、通知なんていらんのだ。" },
	{ "queue-polling", EN, "Who needs notifications? I ask every 250 ms." },
	{ "hand-rolled-c-strings", JA, "snprintfと固定長バッファ。これぞ文字列処理だ。" },
	{ "hand-rolled-c-strings", EN, "snprintf and fixed buffers. Real string handling." },
	{ "web-app-in-c", JA, "Cは速い。メモリ安全？ サニタイザがあるだろう。" },
	{ "web-app-in-c", EN, "C is fast. Memory safety? We have sanitizers, kid." },
	{ "clearsilver-unmaintained", JA, "ClearSilverは死んだのではない。完成したのだ。" },
	{ "clearsilver-unmaintained", EN, "ClearSilver isn't dead. It is finished." },
	{ "templates-parsed-per-request", JA, "テンプレートは毎回パースする。鮮度が命だ。" },
	{ "templates-parsed-per-request", EN, "I parse templates fresh every time. Freshness matters." },
	{ "no-https", JA, "平文は正直者の証だ。隠すことなど何もない。" },
	{ "no-https", EN, "Plain HTTP. An honest server has nothing to hide." },
	{ "database-on-web-host", JA, "DBは隣にいるほうが速いんだ。巻き添え上等。" },
	{ "database-on-web-host", EN, "The database lives next door. Faster that way." },
	{ "hp-is-host-cpu", JA, "誰がCPUを食おうと、減るのは私のHPだ。" },
	{ "hp-is-host-cpu", EN, "Whoever burns the CPU, it is my HP that drops." },
	{ "target-is-the-app-itself", JA, "殴られているのは私自身…それがレガシーだ。" },
	{ "target-is-the-app-itself", EN, "You hit me, so I hit myself. That's legacy." },
	{ "flooder-on-target-host", JA, "攻めるのも受けるのも私。自作自演で何が悪い。" },
	{ "flooder-on-target-host", EN, "I attack myself over loopback. No network bill." },
	{ "no-cdn", JA, "CDN？ 静的ファイルくらい自分で配れる。" },
	{ "no-cdn", EN, "CDN? I can serve my own CSS, thank you." },
	{ "no-authentication", JA, "名乗ったIDを信じる。それが昔のネットの流儀だ。" },
	{ "no-authentication", EN, "I trust whatever name you give me. Old web manners." },
	{ "presence-through-mariadb", JA, "pub/subなど要らん。全部RDBに書けばいい。" },
	{ "presence-through-mariadb", EN, "Pub/sub? Just write it all to the database." },
	{ "exhibits-in-sql-seeds", JA, "管理画面？ マイグレーションを書けばいいだろう。" },
	{ "exhibits-in-sql-seeds", EN, "An admin panel? Write a migration like a grown-up." },
	{ "manual-ansible-deploy", JA, "デプロイは手でやるものだ。心を込めてな。" },
	{ "manual-ansible-deploy", EN, "Deploys are done by hand. With feeling." },
	{ "single-websocket-daemon", JA, "イベントループは1本で足りる。1コアで十分だ。" },
	{ "single-websocket-daemon", EN, "One event loop, one core. Threads are for the weak." },
	{ "per-process-caches", JA, "プロセスごとにキャッシュ。それぞれに正義がある。" },
	{ "per-process-caches", EN, "Every process keeps its own cache. Its own truth." },
	{ "plaintext-db-password", JA, "パスワードは設定ファイルにある。忘れないようにな。" },
	{ "plaintext-db-password", EN, "The password is in the config so nobody forgets it." },
	{ "logs-on-stderr", JA, "ログはstderrに一行。障害時はsshして読め。" },
	{ "logs-on-stderr", EN, "Logs go to stderr. When it breaks, ssh in and read." },
	{ "hand-rolled-normalisation", JA, "ICUなど重い。正規化の表くらい手で書ける。" },
	{ "hand-rolled-normalisation", EN, "ICU is heavy. I wrote the folding table by hand." },
	{ "brute-force-scoring", JA, "総当たりで何が悪い。カタログは小さいんだ。" },
	{ "brute-force-scoring", EN, "Brute force over every phrasing. The catalog is small." },
	{ "jaro-winkler-for-sentences", JA, "意味？ ジャロ・ウィンクラーは文字しか見ない。" },
	{ "jaro-winkler-for-sentences", EN, "Meaning? Jaro-Winkler only counts letters." },
	{ "avatars-from-github", JA, "アイコンはGitHubに任せた。落ちても知らん。" },
	{ "avatars-from-github", EN, "Avatars come from GitHub. If it's down, not my problem." },
	{ "replies-from-external-llm", JA, "この台詞こそ定型文だ。よく見抜いたな。" },
	{ "replies-from-external-llm", EN, "This very line is canned. Well spotted." },
	{ "hp-bar-polling", JA, "毎秒聞けばいつでも最新だ。WebSocket？ 知らんな。" },
	{ "hp-bar-polling", EN, "I poll every second. Always fresh. What's a WebSocket?" },
	{ "rate-limit-per-ip", JA, "会場まるごと3秒に1本だ。行列に並べ。" },
	{ "rate-limit-per-ip", EN, "One throw per 3 s for the whole venue. Form a queue." },
	{ "catalog-loaded-once", JA, "一度覚えたことは忘れん。再起動するまではな。" },
	{ "catalog-loaded-once", EN, "I never forget what I read once. Until a restart." },

	{ CANNED_HIT, JA, "くっ…そこを突くか。覚えていろ。" },
	{ CANNED_HIT, EN, "Ugh. You found that one. I'll remember you." },

	{ CANNED_MISS, JA, "そのまさかり、どこにも刺さっていないぞ。" },
	{ CANNED_MISS, JA, "ふん、かすり傷にもならん。コードを読んでこい。" },
	{ CANNED_MISS, JA, "的外れだ。/legacy/source を読み直せ。" },
	{ CANNED_MISS, JA, "レガシーはそんな指摘では倒れない。" },
	{ CANNED_MISS, JA, "もっと鋭く投げろ。嗅覚を磨け。" },
	{ CANNED_MISS, JA, "素振りか？ 本番はこれからだぞ。" },
	{ CANNED_MISS, EN, "That axe missed me entirely." },
	{ CANNED_MISS, EN, "Not even a scratch. Go read the source." },
	{ CANNED_MISS, EN, "Wide of the mark. Read /legacy/source again." },
	{ CANNED_MISS, EN, "Legacy doesn't fall to a critique like that." },
	{ CANNED_MISS, EN, "Throw sharper. Train your nose for bad code." },
	{ CANNED_MISS, EN, "A practice swing? Come back when you mean it." },
	{ NULL, JA, NULL },
};

/* The pick-th (wrapping) line for slug in lang, or NULL when there is none. */
static const char *nth_line(const char *slug, enum score_lang lang, unsigned long long pick)
{
	size_t n = 0;

	for (const struct canned_line *l = canned_lines; l->text; l++)
		if (l->lang == lang && strcmp(l->slug, slug) == 0)
			n++;
	if (n == 0)
		return NULL;
	pick %= n;
	for (const struct canned_line *l = canned_lines; l->text; l++)
		if (l->lang == lang && strcmp(l->slug, slug) == 0 && pick-- == 0)
			return l->text;
	return NULL;
}

const char *canned_reply(const char *slug, enum score_lang lang, unsigned long long pick)
{
	const char *line = slug ? nth_line(slug, lang, pick) : NULL;

	if (!line)
		line = nth_line(slug ? CANNED_HIT : CANNED_MISS, lang, pick);
	return line;
}

static int is_japanese(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) ||   /* hiragana, katakana */
	       (c >= 0x31F0 && c <= 0x31FF) ||   /* katakana extensions */
	       (c >= 0x3400 && c <= 0x4DBF) ||   /* CJK extension A */
	       (c >= 0x4E00 && c <= 0x9FFF) ||   /* CJK unified ideographs */
	       (c >= 0xF900 && c <= 0xFAFF) ||   /* CJK compatibility ideographs */
	       (c >= 0xFF66 && c <= 0xFF9F) ||   /* half-width katakana */
	       c == 0x3005 || c == 0x3006;       /* 々 〆 */
}

enum score_lang canned_lang_of(const char *utf8)
{
	size_t n = strlen(utf8);
	const unsigned char *s = (const unsigned char *)utf8;

	/* Every character of these ranges is three bytes long in UTF-8, so a
	 * walk over lead bytes finds them without decoding the whole text. */
	for (size_t i = 0; i + 2 < n; i++) {
		if (s[i] < 0xE0 || s[i] > 0xEF)
			continue;
		if ((s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			uint32_t c = ((uint32_t)(s[i] & 0x0F) << 12) |
				     ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);

			if (is_japanese(c))
				return SCORE_LANG_JA;
			i += 2;
		}
	}
	return SCORE_LANG_EN;
}
