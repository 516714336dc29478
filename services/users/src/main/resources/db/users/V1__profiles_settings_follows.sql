create table profile (
  user_id        uuid primary key,   -- the account id from auth
  display_name   text not null,
  bio            text not null default '',
  avatar_file_id uuid,               -- an image in the files service
  locale         text not null,
  created_at     timestamptz not null,
  updated_at     timestamptz not null
);
-- Lists and search page by (name, id) in byte order, so a cursor is stable.
create index profile_by_name on profile ((display_name collate "C"), (user_id::text));

create table settings (
  user_id                uuid primary key references profile (user_id) on delete cascade,
  language               text not null,
  theme                  text not null,
  autoplay               boolean not null,
  notify_email           boolean not null,
  notify_in_app          boolean not null,
  notify_friend_activity boolean not null
);

create table follow (
  follower_id uuid not null references profile (user_id) on delete cascade,
  followee_id uuid not null references profile (user_id) on delete cascade,
  created_at  timestamptz not null,
  primary key (follower_id, followee_id)
);
create index follow_by_followee on follow (followee_id, follower_id);
