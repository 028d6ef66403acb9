-- The comparison list's language and profile filters as integer tests inside the covering index
-- (PostgreSQL). `languages like '%,en,%'` could not use the index, and PostgreSQL misjudged how many
-- rows it kept. One bit per value, its position in the domain's enum (`SpokenLanguage::ALL`,
-- `Profile::ALL`; new values go at the end). The text columns stay: they are what is read back.
alter table provider_units add column language_mask bigint not null default 0;
alter table provider_units add column profile_mask bigint not null default 0;

update provider_units set
  language_mask = (case when languages like '%,sv,%' then 1 else 0 end)
    + (case when languages like '%,en,%' then 2 else 0 end)
    + (case when languages like '%,fi,%' then 4 else 0 end)
    + (case when languages like '%,ar,%' then 8 else 0 end)
    + (case when languages like '%,so,%' then 16 else 0 end)
    + (case when languages like '%,fa,%' then 32 else 0 end)
    + (case when languages like '%,ti,%' then 64 else 0 end)
    + (case when languages like '%,es,%' then 128 else 0 end)
    + (case when languages like '%,pl,%' then 256 else 0 end)
    + (case when languages like '%,tr,%' then 512 else 0 end)
    + (case when languages like '%,de,%' then 1024 else 0 end)
    + (case when languages like '%,fr,%' then 2048 else 0 end),
  profile_mask = (case when profiles like '%,outdoor,%' then 1 else 0 end)
    + (case when profiles like '%,montessori,%' then 2 else 0 end)
    + (case when profiles like '%,reggio-emilia,%' then 4 else 0 end)
    + (case when profiles like '%,waldorf,%' then 8 else 0 end)
    + (case when profiles like '%,language,%' then 16 else 0 end)
    + (case when profiles like '%,music,%' then 32 else 0 end)
    + (case when profiles like '%,science,%' then 64 else 0 end)
    + (case when profiles like '%,sports,%' then 128 else 0 end)
    + (case when profiles like '%,finnish,%' then 256 else 0 end)
    + (case when profiles like '%,dementia,%' then 512 else 0 end);

drop index provider_units_filter;
create index provider_units_filter on provider_units (
    kind, district, operator_type, has_places, opens_min, closes_min, language_mask, profile_mask, name_folded, lat, lon, id
);
