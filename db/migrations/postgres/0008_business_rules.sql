-- The business guide's rules (issue 6) as versioned data: each version is the whole TOML
-- document, validated before it is stored. The guide uses the newest version; a bundle records the
-- version it was derived with, so an application never changes under the entrepreneur's feet.
create table business_rulesets (
    version bigint primary key,
    source text not null,
    published_at bigint not null,
    published_by bigint references users (id)
);
