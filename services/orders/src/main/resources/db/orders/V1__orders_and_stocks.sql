-- Orders (Route256 LOMS). Ids are numbers, as LOMS clients expect (int64 order ids); the lines
-- live in two parallel arrays of the row, so an order is one insert and one read.
create table orders (
  id bigint generated always as identity primary key,
  user_id uuid not null,
  status text not null
    check (status in ('new', 'awaiting payment', 'failed', 'paid', 'cancelled')),
  skus bigint[] not null,
  counts integer[] not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- a retried create with the same key returns this order
  idempotency_key text,
  check (cardinality(skus) = cardinality(counts) and cardinality(skus) > 0)
);

create unique index orders_idempotency on orders (user_id, idempotency_key)
  where idempotency_key is not null;
create index orders_by_user on orders (user_id, id desc);
-- what the expiry of unpaid orders scans
create index orders_awaiting_payment on orders (created_at) where status = 'awaiting payment';

-- Stock per SKU, created the first time an order names it: premiere seats are limited, digital
-- offers unlimited. reserved = held by orders awaiting payment.
create table stocks (
  sku bigint primary key,
  unlimited boolean not null,
  total bigint not null check (total >= 0),
  reserved bigint not null check (reserved >= 0),
  check (unlimited or reserved <= total)
);
