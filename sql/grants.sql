-- grants.sql — what each part of the application may do in the database.
-- Not a migration: `masakarictl migrate` applies it after the migrations,
-- every time, as the owner (DB.User, which holds ALL on the database WITH
-- GRANT OPTION), to each part's account: @web@ is DB.WebUser, @halld@
-- DB.HalldUser, @flooder@ DB.FlooderUser, each at every host of
-- DB.AccountHosts ('localhost' when none). A part without an account of its
-- own is skipped: it connects as the owner. The accounts themselves are made
-- by the provisioning (scripts/stack.sh, ansible/roles/mariadb), with no
-- grants; only the owner and these lines give them any.
--
-- Every statement is idempotent; a new table needs its lines here, and
-- t0044-database-accounts.sh fails for a table no part is granted.
-- SELECT goes with every write: UPDATE and DELETE read the rows they match.
-- An UPDATE names its columns where a part changes only some: a flaw in that
-- part cannot rewrite the rest (a throw's score or ID, an exhibit's links).
-- MariaDB keeps column grants apart from table grants, so a table-wide
-- privilege an older grants.sql gave is taken back by the REVOKE lines below,
-- which masakarictl migrate runs first, one at a time, ignoring "no such
-- grant" (ctl/migrate.c).

REVOKE UPDATE ON exhibits FROM @web@;
REVOKE UPDATE ON throws FROM @web@;
REVOKE INSERT ON llm_cache FROM @web@;
REVOKE UPDATE ON identities FROM @halld@;
REVOKE UPDATE ON throws FROM @flooder@;

-- The FastCGI programs: the site, the legacy target, the API and the game.
GRANT SELECT ON exhibits TO @web@;
GRANT UPDATE (visits) ON exhibits TO @web@;     -- the "go" counter
GRANT SELECT ON exhibit_stack TO @web@;
GRANT SELECT ON exhibit_links TO @web@;
GRANT SELECT, INSERT, UPDATE ON visitors TO @web@;
GRANT SELECT, INSERT, UPDATE, DELETE ON identities TO @web@;  -- claim, sign-in, sign-out
GRANT SELECT ON weaknesses TO @web@;
GRANT SELECT ON weakness_phrasings TO @web@;
GRANT SELECT ON catalog_words TO @web@;         -- scoring's synonyms and known words
GRANT SELECT ON weakness_subject_words TO @web@; -- what each weakness is about (version 13)
GRANT SELECT, INSERT ON throws TO @web@;        -- a throw
-- its reply at once when no model is asked; a sign-in moves an account's
-- proven throws to its new login (lib/identity.c)
GRANT UPDATE (reply, reply_source, github_id, verified) ON throws TO @web@;
GRANT SELECT, INSERT ON attack_jobs TO @web@;
GRANT SELECT, INSERT, UPDATE ON throw_limits TO @web@;
GRANT SELECT, INSERT ON throw_critiques TO @web@;
GRANT SELECT, INSERT ON reply_queue TO @web@;
GRANT SELECT ON llm_cache TO @web@;             -- a cached reply, read
GRANT SELECT ON status_samples TO @web@;        -- the HP history

-- The hall daemon: chat, presence, status samples, who each browser is, and
-- the throws that land.
GRANT SELECT, INSERT ON chat_messages TO @halld@;
GRANT SELECT, INSERT, UPDATE, DELETE ON hall_presence TO @halld@;
GRANT SELECT, INSERT, UPDATE, DELETE ON status_samples TO @halld@;
GRANT SELECT ON identities TO @halld@;          -- read only: the site marks a hold used
GRANT SELECT ON throws TO @halld@;
GRANT SELECT ON attack_jobs TO @halld@;
GRANT SELECT ON weaknesses TO @halld@;
GRANT SELECT, INSERT, DELETE ON hall_signals TO @halld@;  -- to peers on other daemons, a minute kept
GRANT SELECT ON exhibits TO @halld@;            -- where the booths stand

-- The flooder: the attack queue, the replies off the request path, and the
-- retention of old rows.
GRANT SELECT, UPDATE ON attack_jobs TO @flooder@;
GRANT SELECT, UPDATE, DELETE ON reply_queue TO @flooder@;
GRANT SELECT ON throws TO @flooder@;
GRANT UPDATE (reply, reply_source) ON throws TO @flooder@;  -- the reply, nothing else
GRANT SELECT ON weaknesses TO @flooder@;
GRANT SELECT, INSERT, DELETE ON llm_cache TO @flooder@;
GRANT SELECT, DELETE ON chat_messages TO @flooder@;
GRANT SELECT, DELETE ON throw_limits TO @flooder@;
GRANT SELECT, DELETE ON visitors TO @flooder@;
GRANT SELECT, DELETE ON identities TO @flooder@;

-- Running the venue (sql/0110): the operators' page, reports, the word
-- filter's refusals; the hall daemons read what to act on.
GRANT SELECT, INSERT, UPDATE ON sanctions TO @web@;
GRANT SELECT, INSERT, UPDATE ON reports TO @web@;
GRANT SELECT, INSERT ON moderation_log TO @web@;
GRANT SELECT, INSERT ON hall_events TO @web@;
GRANT SELECT, UPDATE ON operator_links TO @web@;
GRANT SELECT, DELETE ON chat_messages TO @web@;  -- an operator deletes a line
GRANT SELECT, UPDATE ON hall_sequences TO @halld@;  -- blocks of chat line ids
GRANT SELECT ON sanctions TO @halld@;
GRANT SELECT ON hall_events TO @halld@;
GRANT SELECT, DELETE ON hall_events TO @flooder@;
GRANT SELECT, DELETE ON reports TO @flooder@;
GRANT SELECT, DELETE ON moderation_log TO @flooder@;
GRANT SELECT, DELETE ON sanctions TO @flooder@;
GRANT SELECT, DELETE ON operator_links TO @flooder@;

-- What visitors answer to the works (sql/0120): likes, the guestbook, the
-- teams; the hall's samples for the insights page, written by the daemons
-- and pruned by the flooder.
GRANT SELECT, INSERT, DELETE ON exhibit_likes TO @web@;
GRANT SELECT, INSERT, UPDATE ON exhibit_notes TO @web@;
GRANT SELECT, INSERT, DELETE ON exhibit_team TO @web@;
GRANT SELECT ON hall_samples TO @web@;
GRANT SELECT ON hall_sample_positions TO @web@;
GRANT SELECT, INSERT, DELETE ON hall_samples TO @halld@;
GRANT SELECT, INSERT, DELETE ON hall_sample_positions TO @halld@;
GRANT SELECT, DELETE ON hall_samples TO @flooder@;
GRANT SELECT, DELETE ON hall_sample_positions TO @flooder@;
