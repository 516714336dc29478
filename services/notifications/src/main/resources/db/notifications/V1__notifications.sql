-- What users were told about their orders. Ids grow in the order events were handled, which for one
-- order is the order its statuses changed in (one Kafka partition per order, read in order).
create table notifications (
  id bigint generated always as identity primary key,
  user_id uuid not null,
  order_id bigint not null,
  status text not null,
  text text not null,
  moment timestamptz not null,
  read boolean not null default false
);

create index notifications_by_user on notifications (user_id, id desc);
create index notifications_unread on notifications (user_id) where not read;
create index notifications_by_order on notifications (order_id, id);

-- Event ids already handled: the exactly-once guard, written in the notification's transaction.
create table handled_events (
  event_id uuid primary key,
  handled_at timestamptz not null default now()
);
