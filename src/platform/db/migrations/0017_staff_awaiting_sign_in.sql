-- Staff of another allowed tenant (the police) can be added by e-mail before they ever sign in: the app
-- has no directory access in that tenant, so their Entra object id is unknown. Such a row carries a random
-- placeholder object id and awaiting_sign_in = true until their first sign-in, which matches it by tenant
-- and e-mail and replaces the placeholder with the real object id.
alter table users add column awaiting_sign_in boolean not null default false;

-- One staff row per address and tenant: an administrator cannot add the same colleague twice.
create unique index users_tenant_email_unique on users (tenant_id, lower(email)) where email is not null and awaiting_sign_in;
