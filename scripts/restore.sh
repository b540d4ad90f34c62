#!/usr/bin/env sh
# Restore of a dump made by scripts/backup.sh into the docker compose database. REPLACES the database:
# the application is stopped, the database dropped and created empty, the dump restored in one transaction, and the
# application started again (Flyway then migrates it on if the dump is of an older version).
#   scripts/restore.sh backups/rsoko-20261203-081500.dump [--yes]
# Run it from the folder of docker-compose.yml. See docs/operations-backup.md.
set -eu
FILE=${1:?"usage: scripts/restore.sh <file.dump> [--yes]"}
DB_USER=${RSOKO_DB_USER:-rsoko}
DB_NAME=${RSOKO_DB_NAME:-rsoko}
[ -f "$FILE" ] || { echo "no such file: $FILE" >&2; exit 1; }
docker compose exec -T db pg_restore --list < "$FILE" > /dev/null
if [ "${2:-}" != "--yes" ]; then
  printf 'The database "%s" will be replaced by %s. Type yes to go on: ' "$DB_NAME" "$FILE"
  read -r answer
  [ "$answer" = "yes" ] || { echo "nothing changed"; exit 1; }
fi
docker compose stop app
docker compose exec -T db dropdb -U "$DB_USER" --if-exists --force "$DB_NAME"
docker compose exec -T db createdb -U "$DB_USER" "$DB_NAME"
docker compose exec -T db pg_restore -U "$DB_USER" -d "$DB_NAME" --single-transaction --exit-on-error --no-owner < "$FILE"
docker compose start app
echo "restored $FILE into $DB_NAME"
