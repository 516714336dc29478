create table account (
  id            uuid primary key,
  email         text not null unique,   -- normalised (trimmed, lower case)
  password_hash text not null,          -- Argon2id, PHC string
  display_name  text not null,
  roles         text[] not null,
  created_at    timestamptz not null
);

-- Only the SHA-256 of a refresh token is stored: a database leak does not leak sessions.
create table refresh_token (
  id          uuid primary key,
  family_id   uuid not null,
  account_id  uuid not null references account (id) on delete cascade,
  token_hash  text not null unique,
  issued_at   timestamptz not null,
  expires_at  timestamptz not null,
  spent_at    timestamptz,
  revoked_at  timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_live_by_account on refresh_token (account_id) where revoked_at is null;

create table signing_key (
  kid          text primary key,
  private_jwk  text not null,
  active_from  timestamptz not null,
  retired_at   timestamptz
);
