-- The comparison list at scale (SQLite): filter, count and order from one covering index, so
-- only the page's twenty rows are read in full; the sort indicator's latest values likewise.
create index provider_units_filter on provider_units (
    kind, district, operator_type, has_places, opens_min, closes_min, languages, profiles, name_folded, lat, lon, id
);
drop index provider_units_list;
drop index indicator_values_latest;
create index indicator_values_latest on indicator_values (indicator, latest, unit_id, value);
