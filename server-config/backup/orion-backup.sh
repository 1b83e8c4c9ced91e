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
#   ORION_BACKUP_ENCRYPTION_KEY_FILE  a file holding a passphrase: the dump and the archive are written
#                      encrypted with it (gpg, AES-256); unset, they are written as they are
#
# Every file is written 0600 in 0700 directories (umask 077, orion-backup-common.sh), whatever the caller's umask.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/orion-backup-common.sh"

BACKUP_ROOT="${ORION_BACKUP_DIR:-/var/backups/orion}"
KEEP="${ORION_BACKUP_KEEP:-7}"
[[ "$KEEP" =~ ^[1-9][0-9]*$ ]] || die "ORION_BACKUP_KEEP must be a whole number of at least 1, was '$KEEP'"
require_tools pg_dump psql tar sha256sum
parse_db_url
KEY_FILE="$(encryption_key_file)"
SUFFIX=""
if [ -n "$KEY_FILE" ]; then
  start_gpg
  SUFFIX=".gpg"
fi
# the dump and the archive go through here on their way to disk: never written in clear when a key is given
seal() {
  if [ -n "$KEY_FILE" ]; then encrypt_with "$KEY_FILE"; else cat; fi
}

mkdir -p "$BACKUP_ROOT" || die "cannot create the backup directory $BACKUP_ROOT (ORION_BACKUP_DIR)"
# Milliseconds in the name: two backups in one second must not meet; the names sort by time.
NAME="orion-$(date -u +%Y%m%dT%H%M%S.%3NZ)"
TARGET="$BACKUP_ROOT/$NAME"
PARTIAL="$BACKUP_ROOT/.$NAME.partial"
[ ! -e "$TARGET" ] || die "$TARGET already exists"
trap 'status=$?; rm -rf "$PARTIAL"; stop_gpg; [ $status -eq 0 ] || say "FAILED: no backup was written (exit $status)"' EXIT
mkdir "$PARTIAL"

say "Dumping database $DB_NAME on $DB_HOSTS"
# --no-password: fail at once instead of waiting for a prompt when the password is wrong
pg_dump --no-password --format=custom --dbname="$(db_uri "$DB_NAME")" | seal >"$PARTIAL/database.dump$SUFFIX" \
  || die "pg_dump of $DB_NAME failed: check ORION_DB_URL, ORION_DB_USER and ORION_DB_PASSWORD"
SCHEMA_VERSION="$(psql --no-password -qtAX --dbname="$(db_uri "$DB_NAME")" \
  -c "select version from orion.flyway_schema_history where success order by installed_rank desc limit 1" 2>/dev/null || true)"

# The storage after the database: every file a dumped row names was written before that row, so it is in the archive.
if storage_is_local; then
  STORAGE="$(storage_dir)"
  [ -d "$STORAGE" ] || die "the storage directory $STORAGE (ORION_STORAGE_DIR) does not exist"
  say "Archiving storage $STORAGE"
  tar --create --gzip --file=- --directory="$STORAGE" . | seal >"$PARTIAL/storage.tar.gz$SUFFIX" \
    || die "archiving $STORAGE failed"
  STORAGE_NOTE="storage.tar.gz$SUFFIX ($(find "$STORAGE" -type f | wc -l) files)"
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
encryption=$( [ -n "$KEY_FILE" ] && echo 'gpg symmetric AES-256 (ORION_BACKUP_ENCRYPTION_KEY_FILE)' || echo none )
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
