#!/usr/bin/env bash
# First start of the PostgreSQL container: one login and one database per service (KB_DATABASES),
# each login's password from <NAME>_DB_PASSWORD. psql variables quote names and passwords.
set -euo pipefail
for name in $KB_DATABASES; do
  password_variable="${name^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="${!password_variable:?$password_variable is not set}" <<'SQL'
create role :"name" login password :'password';
create database :"name" owner :"name";
SQL
done
