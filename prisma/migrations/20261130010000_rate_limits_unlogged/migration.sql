-- Rate-limit counters are short-lived (windows of minutes) and written on
-- every token request and sign-in attempt. An unlogged table writes no WAL:
-- each charge costs PostgreSQL about half the CPU. The trade: after a crash
-- of the database (not a clean restart) the table starts empty, and a
-- streaming standby does not carry it, so counters and blocks start over
-- after a failover. That is what a Redis store without persistence does too.
ALTER TABLE "oauth_rate_limits" SET UNLOGGED;
