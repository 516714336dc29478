-- Carts (Route256 cart). The version grows with every change: a checkout orders one version and
-- empties the cart only if it is still at that version.
create table carts (
  user_id uuid primary key,
  version bigint not null
);

create table cart_items (
  user_id uuid not null references carts (user_id),
  sku bigint not null,
  count integer not null check (count > 0),
  added_at timestamptz not null default now(),
  primary key (user_id, sku)
);
