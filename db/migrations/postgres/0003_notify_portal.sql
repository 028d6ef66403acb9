-- Notification channels become e-mail, SMS or "only in Mina sidor" (portal); the earlier "letter"
-- had no delivery behind it and becomes "portal". The column is renamed `notify_via` to match
-- SQLite, which cannot change the old column's CHECK constraint.
alter table users add column notify_via text not null default 'email' check (notify_via in ('email', 'sms', 'portal'));
update users set notify_via = case notify_channel when 'letter' then 'portal' else notify_channel end;
alter table users drop column notify_channel;
