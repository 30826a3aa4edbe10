/* settings.h — every setting of masakari.hdf in one table: its name, type,
 * default, range and one line saying what it does.
 *
 * Each program reads its settings once, with settings_read, into a struct
 * settings whose fields the table generates; `masakarictl doctor` walks the
 * same table and reports every setting; tests/integration/t0029-settings.sh
 * checks etc/masakari.hdf.in and the ansible template against it.
 *
 * Adding a setting is one line in SETTINGS below (docs/ARCHITECTURE.md,
 * "Settings"): X(field, "Section.Name", TYPE, default, min, max, "what it does")
 * with TYPE one of INT (long), DOUBLE, STR (const char *, NULL allowed as the
 * default; an empty value counts as unset), SECRET (a STR that doctor does not
 * print) or LIST (the HDF node whose children are the values; min, max and
 * default unused). A default may name
 * a constant of the module that owns it (the scoring defaults are score.h's). */
#ifndef MASAKARI_SETTINGS_H
#define MASAKARI_SETTINGS_H

#include <ClearSilver.h>
#include <stddef.h>

#define SETTINGS(X) \
	X(site_name, "Site.Name", STR, "masakari exhibition", 0, 0, \
	  "The installation's name") \
	X(site_base_url, "Site.BaseUrl", STR, NULL, 0, 0, \
	  "The address visitors use; also the origin the hall daemon accepts") \
	X(site_port, "Site.Port", INT, 8080, 1, 65535, \
	  "The port of BaseUrl; the hall's default origins are on it") \
	X(site_repository_url, "Site.RepositoryUrl", STR, NULL, 0, 0, \
	  "Where critics can read this code (shown on /legacy/); empty hides the link") \
	X(site_load_balancers, "Site.LoadBalancers", LIST, 0, 0, 0, \
	  "Load balancers in front of nginx (nginx believes their X-Forwarded-For); doctor checks the hall daemon trusts the web hosts behind them") \
	X(log_file, "Log.File", STR, NULL, 0, 0, \
	  "Where the FastCGI programs log (spawn-fcgi drops their stderr); empty: stderr") \
	X(paths_templates, "Paths.Templates", STR, "templates", 0, 0, \
	  "The ClearSilver templates") \
	X(paths_lang, "Paths.Lang", STR, "lang", 0, 0, \
	  "The message catalogs, lang/ja and lang/en (read once per process)") \
	X(paths_static, "Paths.Static", STR, "static", 0, 0, \
	  "The files nginx serves under /static/") \
	X(paths_sql, "Paths.Sql", STR, "sql", 0, 0, \
	  "The migrations masakarictl migrate applies") \
	X(paths_source, "Paths.Source", STR, ".", 0, 0, \
	  "The source tree /legacy/source shows files from") \
	X(db_socket, "DB.Socket", STR, NULL, 0, 0, \
	  "MariaDB's unix socket; or Host and Port for a database on another machine") \
	X(db_host, "DB.Host", STR, NULL, 0, 0, \
	  "MariaDB's host when it is not reached by Socket") \
	X(db_port, "DB.Port", INT, 3306, 1, 65535, \
	  "MariaDB's TCP port, with Host") \
	X(db_name, "DB.Name", STR, "masakari", 0, 0, \
	  "The database") \
	X(db_user, "DB.User", STR, "masakari", 0, 0, \
	  "The database's owner: masakarictl (migrate) and any part without an account below") \
	X(db_password, "DB.Password", SECRET, NULL, 0, 0, \
	  "The owner's password") \
	X(db_web_user, "DB.WebUser", STR, NULL, 0, 0, \
	  "The FastCGI programs' own account (sql/grants.sql); empty: the owner's") \
	X(db_web_password, "DB.WebPassword", SECRET, NULL, 0, 0, \
	  "WebUser's password") \
	X(db_halld_user, "DB.HalldUser", STR, NULL, 0, 0, \
	  "The hall daemon's own account (sql/grants.sql); empty: the owner's") \
	X(db_halld_password, "DB.HalldPassword", SECRET, NULL, 0, 0, \
	  "HalldUser's password") \
	X(db_flooder_user, "DB.FlooderUser", STR, NULL, 0, 0, \
	  "The flooder's own account (sql/grants.sql); empty: the owner's") \
	X(db_flooder_password, "DB.FlooderPassword", SECRET, NULL, 0, 0, \
	  "FlooderUser's password") \
	X(db_account_hosts, "DB.AccountHosts", LIST, 0, 0, 0, \
	  "The host part of the parts' accounts, as MariaDB sees the application hosts; none: localhost") \
	X(db_connect_timeout, "DB.ConnectTimeout", INT, 2, 1, 60, \
	  "Seconds to wait for MariaDB to answer a connection") \
	X(web_workers_site, "Web.Workers.site", INT, 2, 0, 64, \
	  "FastCGI workers of the site program (0: one, in the starting process)") \
	X(web_workers_legacy, "Web.Workers.legacy", INT, 2, 0, 64, \
	  "FastCGI workers of the legacy target") \
	X(web_workers_api, "Web.Workers.api", INT, 2, 0, 64, \
	  "FastCGI workers of the api program") \
	X(web_workers_masakari, "Web.Workers.masakari", INT, 2, 0, 64, \
	  "FastCGI workers of the masakari program") \
	X(cache_exhibits_seconds, "Cache.ExhibitsSeconds", INT, 30, 0, 86400, \
	  "How long each FastCGI process keeps the exhibit list before re-reading it") \
	X(cache_pages_seconds, "Cache.PagesSeconds", INT, 30, 0, 86400, \
	  "How long a page that depends only on the cookies is kept (0: never)") \
	X(status_proc_root, "Status.ProcRoot", STR, "/proc", 0, 0, \
	  "Where the status sampler reads stat, diskstats and net/dev") \
	X(status_interval_ms, "Status.IntervalMs", INT, 1000, 100, 60000, \
	  "How often the status sampler reads them, in ms") \
	X(status_include_loopback, "Status.IncludeLoopback", INT, 0, 0, 1, \
	  "Count loopback traffic in network_in/out (0: only real interfaces)") \
	X(legacy_cost_ms, "Legacy.CostMs", INT, 10, 0, 10000, \
	  "CPU per /legacy/random request; the bubble sort repeats until it costs this") \
	X(legacy_sort_rounds, "Legacy.SortRounds", INT, 0, 0, 1000000, \
	  "A fixed number of sorts per request instead (0: derive from CostMs)") \
	X(llm_base_url, "LLM.BaseUrl", STR, NULL, 0, 0, \
	  "An OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, llama.cpp); empty: canned lines") \
	X(llm_model, "LLM.Model", STR, "", 0, 0, \
	  "The model asked for") \
	X(llm_key, "LLM.Key", SECRET, NULL, 0, 0, \
	  "The API key sent as a bearer token; empty: none") \
	X(llm_timeout_ms, "LLM.TimeoutMs", INT, 3000, 100, 60000, \
	  "How long a reply may take before the canned lines answer") \
	X(llm_context_throws, "LLM.ContextThrows", INT, 4, 0, 20, \
	  "How many of the same critic's earlier critiques (with their replies) the model sees; never another critic's") \
	X(masakari_duration_seconds, "Masakari.DurationSeconds", INT, 10, 1, 600, \
	  "How long the attack of one throw lasts") \
	X(masakari_address_throws_per_minute, "Masakari.AddressThrowsPerMinute", INT, 120, 0, 100000, \
	  "Throws a minute from one client address (IPv6: its /64) by IDs no sign-in proved, shared by everyone behind one NAT; 0: no address limit") \
	X(masakari_address_throw_burst, "Masakari.AddressThrowBurst", INT, 100, 1, 100000, \
	  "Throws one client address may make at once before AddressThrowsPerMinute applies") \
	X(masakari_throw_interval_seconds, "Masakari.ThrowIntervalSeconds", INT, 3, 0, 3600, \
	  "Seconds a critic waits between throws") \
	X(masakari_miss_threshold_ja, "Masakari.MissThreshold.ja", DOUBLE, \
	  SCORE_MISS_THRESHOLD_JA_DEFAULT, 0, 1, \
	  "The word-by-word score a Japanese critique needs to hit (docs/MASAKARI.md)") \
	X(masakari_miss_threshold_en, "Masakari.MissThreshold.en", DOUBLE, \
	  SCORE_MISS_THRESHOLD_EN_DEFAULT, 0, 1, \
	  "The word-by-word score an English critique needs to hit") \
	X(masakari_chance_ja, "Masakari.Chance.ja", DOUBLE, SCORE_CHANCE_JA_DEFAULT, 0, 0.99, \
	  "The score unrelated Japanese critiques reach; the power counts from there") \
	X(masakari_chance_en, "Masakari.Chance.en", DOUBLE, SCORE_CHANCE_EN_DEFAULT, 0, 0.99, \
	  "The score unrelated English critiques reach; the power counts from there") \
	X(masakari_word_threshold, "Masakari.WordThreshold", DOUBLE, \
	  SCORE_WORD_THRESHOLD_DEFAULT, 0, 1, \
	  "Two words are alike when their Jaro-Winkler similarity reaches this") \
	X(masakari_unknown_weight, "Masakari.UnknownWeight", DOUBLE, \
	  SCORE_UNKNOWN_WEIGHT_DEFAULT, 0, 10, \
	  "The weight of a critique's word that is like no catalog word") \
	X(masakari_mecab_dictionary, "Masakari.MecabDictionary", STR, NULL, 0, 0, \
	  "MeCab's dictionary directory; empty: the one /etc/mecabrc names") \
	X(flooder_max_total_rate, "Flooder.MaxTotalRate", INT, 300, 1, 100000, \
	  "Requests per second over all running jobs on one host") \
	X(flooder_venue_max_rate, "Flooder.VenueMaxRate", INT, 300, 0, 100000, \
	  "Requests per second over the running jobs of every flooder host together, the venue's whole attack (0: only each host's cap)") \
	X(flooder_run_seconds, "Flooder.RunSeconds", INT, 55, 1, 59, \
	  "Runs claim jobs until this many seconds past the minute; cron starts one each minute") \
	X(flooder_poll_ms, "Flooder.PollMs", INT, 250, 10, 250, \
	  "How often the queue is looked at, in ms (at most 250)") \
	X(flooder_lease_seconds, "Flooder.LeaseSeconds", INT, 10, 2, 600, \
	  "A claimed job's lease; the runner renews it every second") \
	X(flooder_max_attempts, "Flooder.MaxAttempts", INT, 3, 1, 100, \
	  "Runs that may die holding a job before it fails") \
	X(flooder_request_timeout_ms, "Flooder.RequestTimeoutMs", INT, 5000, 100, 600000, \
	  "Per request, counted from the moment it was due") \
	X(flooder_max_in_flight, "Flooder.MaxInFlight", INT, 256, 1, 10000, \
	  "Requests in flight at once, and so keep-alive connections and descriptors") \
	X(flooder_reply_workers, "Flooder.ReplyWorkers", INT, 2, 0, 16, \
	  "Threads per run that fetch the server's reply to each new throw, off the request path; 0: none on this host") \
	X(flooder_reply_attempts, "Flooder.ReplyAttempts", INT, 3, 1, 100, \
	  "Tries per reply before a throw gets a canned line instead") \
	X(flooder_targets, "Flooder.Targets", LIST, 0, 0, 0, \
	  "The only URLs the flooder will ever attack; the first is the game's target") \
	X(halld_address, "Halld.Address", STR, "127.0.0.1", 0, 0, \
	  "Where the hall daemon listens (nginx proxies /ws to it); loopback unless on another host") \
	X(halld_port, "Halld.Port", INT, 7681, 1, 65535, \
	  "The hall daemon's port") \
	X(halld_origins, "Halld.Origins", LIST, 0, 0, 0, \
	  "Origins allowed to open the hall's WebSocket (none: the site's, on Site.Port)") \
	X(halld_daemon_id, "Halld.DaemonId", STR, NULL, 0, 0, \
	  "This daemon's name among the daemons sharing the database; empty: host:port") \
	X(halld_ping_seconds, "Halld.PingSeconds", INT, 30, 1, 3600, \
	  "A ping to a client after this many quiet seconds (under nginx's proxy_read_timeout)") \
	X(halld_timeout_seconds, "Halld.TimeoutSeconds", INT, 60, 2, 7200, \
	  "A hang-up when no pong has come by then (more than PingSeconds, under the same timeout)") \
	X(halld_presence_timeout_seconds, "Halld.PresenceTimeoutSeconds", INT, 10, 2, 600, \
	  "A daemon sharing the database whose heartbeat is older than this has left, visitors too") \
	X(halld_status_sample_seconds, "Halld.StatusSampleSeconds", INT, 5, 0, 3600, \
	  "Host status samples for the HP history, every this many seconds (0: none)") \
	X(halld_insights_sample_seconds, "Halld.InsightsSampleSeconds", INT, 60, 0, 3600, \
	  "How often each daemon records how many visitors are in the hall and where they stand, for /operators/insights (0: never)") \
	X(halld_max_per_address, "Halld.MaxPerAddress", INT, 400, 0, 1000000, \
	  "Hall connections from one client address (IPv6: its /64), a bound against one address taking the daemon (0: no cap); a venue NAT is one address") \
	X(halld_spectators_per_address, "Halld.SpectatorsPerAddress", INT, 50, 0, 1000000, \
	  "Hall connections without an identity from one client address (0: no cap of their own)") \
	X(halld_connections_per_identity, "Halld.ConnectionsPerIdentity", INT, 4, 0, 10000, \
	  "Hall connections of one GitHub ID on one daemon, its tabs (0: no cap)") \
	X(halld_trusted_proxies, "Halld.TrustedProxies", LIST, 0, 0, 0, \
	  "Addresses whose X-Real-IP header names the client (the nginx in front); from anyone else, the connection's own") \
	X(halld_chat_per_second, "Halld.ChatPerSecond", INT, 20, 0, 10000, \
	  "Chat lines a second for the whole hall, on top of each connection's own limit (0: no hall-wide budget)") \
	X(halld_chat_burst, "Halld.ChatBurst", INT, 40, 1, 100000, \
	  "Chat lines the whole hall may send at once before ChatPerSecond applies") \
	X(hall_proximity_radius, "Hall.ProximityRadius", INT, 160, 0, 2500, \
	  "Visitors this many pixels apart are peers: near chat and calls (0: no proximity at all)") \
	X(hall_bubble_max, "Hall.BubbleMax", INT, 5, 1, 50, \
	  "Peers a visitor has at most, the nearest (an exhibit's booth counts whole)") \
	X(hall_video_max, "Hall.VideoMax", INT, 4, 0, 50, \
	  "Video streams a page shows at most; past it calls are audio only") \
	X(hall_ice_servers, "Hall.IceServers", LIST, 0, 0, 0, \
	  "STUN and TURN server URLs handed to the hall's calls (stun:…, turn:…, turns:…)") \
	X(hall_turn_secret, "Hall.TurnSecret", SECRET, NULL, 0, 0, \
	  "coturn's static-auth-secret: turn: servers get time-limited credentials; empty: none") \
	X(hall_turn_ttl_seconds, "Hall.TurnTtlSeconds", INT, 86400, 60, 604800, \
	  "How long a visitor's TURN credentials are good for") \
	X(github_client_id, "GitHub.ClientId", STR, NULL, 0, 0, \
	  "The GitHub OAuth app's client ID; empty: no sign-in with GitHub") \
	X(github_client_secret, "GitHub.ClientSecret", SECRET, NULL, 0, 0, \
	  "The OAuth app's client secret") \
	X(github_authorize_url, "GitHub.AuthorizeUrl", STR, "https://github.com/login/oauth/authorize", 0, 0, \
	  "Where sign-in sends the visitor; the code is exchanged at the same address ending in access_token") \
	X(github_api_url, "GitHub.ApiUrl", STR, "https://api.github.com", 0, 0, \
	  "GitHub's API, whose /user names the signed-in visitor") \
	X(github_timeout_ms, "GitHub.TimeoutMs", INT, 5000, 100, 60000, \
	  "How long sign-in waits for each of GitHub's answers before it gives up") \
	X(identity_hold_days, "Identity.HoldDays", INT, 30, 1, 3650, \
	  "Days a browser keeps its claim on a GitHub ID after last using it; then another may claim it") \
	X(site_operators, "Site.Operators", LIST, 0, 0, 0, \
	  "The team's GitHub IDs that run the venue once they prove the ID") \
	X(moderation_operator_hours, "Moderation.OperatorHours", INT, 12, 1, 720, \
	  "Hours an operator link keeps the browser that opened it an operator") \
	X(moderation_link_minutes, "Moderation.LinkMinutes", INT, 15, 1, 1440, \
	  "Minutes an operator link may wait before it is opened") \
	X(moderation_words, "Moderation.Words", LIST, 0, 0, 0, \
	  "Words chat and notes may not contain, in any language; matched ignoring case and width") \
	X(moderation_filter_action, "Moderation.FilterAction", STR, "refuse", 0, 0, \
	  "What a line with a filtered word gets: refuse (not sent, the sender told why) or mask (sent with the word as *)") \
	X(moderation_reports_per_hour, "Moderation.ReportsPerHour", INT, 10, 1, 1000, \
	  "Reports one visitor may make in an hour") \
	X(moderation_announce_minutes, "Moderation.AnnounceMinutes", INT, 30, 1, 1440, \
	  "Minutes an announcement stays on /masakari and is shown to visitors who enter the hall") \
	X(retention_chat_days, "Retention.ChatDays", INT, 30, 0, 36500, \
	  "Days chat lines are kept (0: for ever); the newest 50 always stay") \
	X(retention_throw_limit_hours, "Retention.ThrowLimitHours", INT, 24, 0, 876000, \
	  "Hours an untouched throw-limit row is kept (0: for ever)") \
	X(retention_visitor_days, "Retention.VisitorDays", INT, 365, 0, 36500, \
	  "Days a visitor not seen is kept (0: for ever)") \
	X(retention_reply_cache_days, "Retention.ReplyCacheDays", INT, 30, 0, 36500, \
	  "Days a cached reply is kept (0: for ever)") \
	X(retention_moderation_days, "Retention.ModerationDays", INT, 90, 0, 36500, \
	  "Days reports, the moderation log and lifted or ended mutes and bans are kept (0: for ever)") \
	X(retention_insights_days, "Retention.InsightsDays", INT, 30, 0, 36500, \
	  "Days the hall's visitor samples behind /operators/insights are kept (0: for ever)")

#define SETTINGS_CTYPE_INT long
#define SETTINGS_CTYPE_DOUBLE double
#define SETTINGS_CTYPE_STR const char *
#define SETTINGS_CTYPE_SECRET const char *
#define SETTINGS_CTYPE_LIST HDF *

/* One field per setting, named as in the table. Strings and lists point into
 * the HDF tree settings_read was given and live as long as it does. */
struct settings {
#define SETTINGS_FIELD(field, name, type, def, min, max, doc) SETTINGS_CTYPE_##type field;
	SETTINGS(SETTINGS_FIELD)
#undef SETTINGS_FIELD
};

enum setting_type { SETTING_INT, SETTING_DOUBLE, SETTING_STR, SETTING_SECRET, SETTING_LIST };

/* A row of the table. */
struct setting {
	const char *name;          /* "Flooder.PollMs" */
	enum setting_type type;
	long def_int;              /* INT */
	double def_double, min, max; /* DOUBLE; min and max also bound an INT */
	const char *def_str;       /* STR, SECRET; may be NULL */
	const char *doc;
	size_t offset;             /* of its field in struct settings */
};

extern const struct setting settings_table[];
extern const size_t settings_count;

/* Reads every setting from cfg into out (cfg NULL: every default). A value
 * that is not of its type or out of its range is logged and replaced by the
 * default, so a bad value never reaches the code; never fails. */
void settings_read(HDF *cfg, struct settings *out);

/* The parts with a MariaDB account of their own (sql/grants.sql). */
enum settings_part { SETTINGS_PART_WEB, SETTINGS_PART_HALLD, SETTINGS_PART_FLOODER };

/* Makes the part's own account (DB.WebUser and DB.WebPassword, …) the one
 * db_new connects as, when it is configured; else the owner's stays, and a
 * warning saying so is logged. */
void settings_use_account(struct settings *st, enum settings_part part);

/* The setting called name, or NULL. */
const struct setting *settings_find(const char *name);

/* Checks the value cfg gives s without logging: 0 when it is unset or good,
 * -1 with why filled ("must be a whole number from 1 to 65535") when not. */
int settings_check(HDF *cfg, const struct setting *s, char *why, size_t size);

/* The INT setting's value in s (by its table row, for names built at run
 * time such as Web.Workers.<program>). */
long settings_int_of(const struct settings *s, const struct setting *row);

/* The first value of a LIST setting's node, or NULL when it has none. */
const char *settings_list_first(HDF *list);

/* The setting's default as text ("250", "0.65", "/proc", "" for none). */
void settings_default_text(const struct setting *s, char *out, size_t size);

#endif
