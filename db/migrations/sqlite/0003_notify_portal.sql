-- Notification channels become e-mail, SMS or "only in Mina sidor" (portal); the earlier "letter"
-- had no delivery behind it and becomes "portal". SQLite cannot alter a CHECK constraint, and the
-- documented table rebuild needs foreign keys off, which is impossible inside the transaction a
-- migration runs in (and dropping `users` with them on would cascade). So the channel moves to a
-- new column; `notify_channel` stays behind unused.
alter table users add column notify_via text not null default 'email' check (notify_via in ('email', 'sms', 'portal'));
update users set notify_via = case notify_channel when 'letter' then 'portal' else notify_channel end;
