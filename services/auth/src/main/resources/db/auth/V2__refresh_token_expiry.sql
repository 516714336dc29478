-- The retention sweep finds expired refresh tokens (spent, revoked or just old) by expiry.
create index refresh_token_expiry on refresh_token (expires_at);
