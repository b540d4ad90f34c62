#!/usr/bin/env sh
# Backup of the docker compose database (docker-compose.yml, service "db") with pg_dump in its custom format.
# pg_dump reads one consistent snapshot while the application keeps working.
#   scripts/backup.sh [folder]        -> folder/rsoko-<UTC date-time>.dump (folder: ./backups by default)
# Run it from the folder of docker-compose.yml; restore with scripts/restore.sh. See docs/operations-backup.md.
set -eu
DIR=${1:-./backups}
DB_USER=${RSOKO_DB_USER:-rsoko}
DB_NAME=${RSOKO_DB_NAME:-rsoko}
mkdir -p "$DIR"
FILE="$DIR/rsoko-$(date -u +%Y%m%d-%H%M%S).dump"
# written under another name first: a dump cut short never looks like a finished one
docker compose exec -T db pg_dump -U "$DB_USER" -d "$DB_NAME" --format=custom --compress=6 > "$FILE.partial"
mv "$FILE.partial" "$FILE"
# the dump is readable: pg_restore lists its contents (fails on a damaged file)
docker compose exec -T db pg_restore --list < "$FILE" > /dev/null
echo "$FILE"
