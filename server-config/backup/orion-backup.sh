#!/usr/bin/env bash
# Backs up Orion: its PostgreSQL database (pg_dump custom format) and its storage directory (tar), into a new
# timestamped directory under ORION_BACKUP_DIR with a MANIFEST and SHA256SUMS, then keeps the newest
# ORION_BACKUP_KEEP backups. A backup is written under a hidden .partial name and renamed only when complete,
# so a failure never leaves a half-written backup that looks like the newest one. See docs/backups.md.
#
#   ORION_DB_URL, ORION_DB_USER, ORION_DB_PASSWORD   the database, as the server reads them
#   ORION_STORAGE_DIR                                the storage directory (not needed with ORION_STORAGE_BACKEND=s3)
#   ORION_BACKUP_DIR   where backups go (default /var/backups/orion)
#   ORION_BACKUP_KEEP  how many backups to keep (default 7)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/orion-backup-common.sh"

BACKUP_ROOT="${ORION_BACKUP_DIR:-/var/backups/orion}"
KEEP="${ORION_BACKUP_KEEP:-7}"
[[ "$KEEP" =~ ^[1-9][0-9]*$ ]] || die "ORION_BACKUP_KEEP must be a whole number of at least 1, was '$KEEP'"
require_tools pg_dump psql tar sha256sum
parse_db_url

mkdir -p "$BACKUP_ROOT" || die "cannot create the backup directory $BACKUP_ROOT (ORION_BACKUP_DIR)"
# Milliseconds in the name: two backups in one second must not meet; the names sort by time.
NAME="orion-$(date -u +%Y%m%dT%H%M%S.%3NZ)"
TARGET="$BACKUP_ROOT/$NAME"
PARTIAL="$BACKUP_ROOT/.$NAME.partial"
[ ! -e "$TARGET" ] || die "$TARGET already exists"
trap 'status=$?; rm -rf "$PARTIAL"; [ $status -eq 0 ] || say "FAILED: no backup was written (exit $status)"' EXIT
mkdir "$PARTIAL"

say "Dumping database $DB_NAME on $DB_HOSTS"
# --no-password: fail at once instead of waiting for a prompt when the password is wrong
pg_dump --no-password --format=custom --file="$PARTIAL/database.dump" --dbname="$(db_uri "$DB_NAME")" \
  || die "pg_dump of $DB_NAME failed: check ORION_DB_URL, ORION_DB_USER and ORION_DB_PASSWORD"
SCHEMA_VERSION="$(psql --no-password -qtAX --dbname="$(db_uri "$DB_NAME")" \
  -c "select version from orion.flyway_schema_history where success order by installed_rank desc limit 1" 2>/dev/null || true)"

# The storage after the database: every file a dumped row names was written before that row, so it is in the archive.
if storage_is_local; then
  STORAGE="$(storage_dir)"
  [ -d "$STORAGE" ] || die "the storage directory $STORAGE (ORION_STORAGE_DIR) does not exist"
  say "Archiving storage $STORAGE"
  tar --create --gzip --file="$PARTIAL/storage.tar.gz" --directory="$STORAGE" . \
    || die "archiving $STORAGE failed"
  STORAGE_NOTE="storage.tar.gz ($(find "$STORAGE" -type f | wc -l) files)"
else
  STORAGE_NOTE="not included: ORION_STORAGE_BACKEND=s3, the bucket is backed up on its own (docs/backups.md)"
fi

cat >"$PARTIAL/MANIFEST" <<TXT
created_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
host=$(uname -n)
database=$DB_NAME on $DB_HOSTS
schema_version=${SCHEMA_VERSION:-unknown}
pg_dump=$(pg_dump --version)
storage=$STORAGE_NOTE
TXT
(cd "$PARTIAL" && sha256sum -- * >SHA256SUMS) || die "writing checksums failed"
mv "$PARTIAL" "$TARGET"
say "Backup written: $TARGET"

# Retention: only complete backups (the renamed ones) count and are removed, oldest first.
mapfile -t backups < <(find "$BACKUP_ROOT" -mindepth 1 -maxdepth 1 -type d -name 'orion-*' -printf '%f\n' | sort)
excess=$(( ${#backups[@]} - KEEP ))
for (( i = 0; i < excess; i++ )); do
  say "Removing old backup ${backups[i]} (ORION_BACKUP_KEEP=$KEEP)"
  rm -rf -- "${BACKUP_ROOT:?}/${backups[i]}"
done
