#!/usr/bin/env bash
# Restores an Orion backup written by orion-backup.sh: checks every file against SHA256SUMS first (a damaged
# backup is refused before anything is touched), then restores the database and the storage directory.
# Stop Orion (every node) before running it. See docs/backups.md.
#
#   orion-restore.sh <backup directory>
#
# The database named in ORION_DB_URL is created when it does not exist (the user needs CREATEDB, or create it
# empty beforehand); when it exists, the backup's objects replace its own (pg_restore --clean --if-exists), in
# one transaction. The storage directory ORION_STORAGE_DIR is replaced; earlier contents are kept beside it.
# An encrypted backup (database.dump.gpg, storage.tar.gz.gpg) needs ORION_BACKUP_ENCRYPTION_KEY_FILE, the
# passphrase file it was written with: it is decrypted into a private (0700) directory beside the backup,
# removed when the script ends, and a wrong key or a changed byte is refused before anything is touched.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/orion-backup-common.sh"

[ $# -eq 1 ] || { echo "usage: $0 <backup directory>" >&2; exit 2; }
BACKUP="$(cd "$1" 2>/dev/null && pwd)" || die "no backup directory $1"
require_tools pg_restore psql tar sha256sum
parse_db_url

[ -f "$BACKUP/SHA256SUMS" ] || die "$BACKUP has no SHA256SUMS: not a complete Orion backup"
SUFFIX=""
if [ -f "$BACKUP/database.dump.gpg" ]; then
  SUFFIX=".gpg"
fi
grep -q " database.dump$SUFFIX\$" "$BACKUP/SHA256SUMS" || die "$BACKUP/SHA256SUMS does not list database.dump$SUFFIX"
say "Verifying checksums of $BACKUP"
(cd "$BACKUP" && sha256sum --check --strict --quiet SHA256SUMS) \
  || die "$BACKUP is damaged (checksum mismatch above); nothing was restored"

# What is restored from: the backup's own files, or their decrypted copies in a private directory.
DUMP="$BACKUP/database.dump"
ARCHIVE="$BACKUP/storage.tar.gz"
if [ -n "$SUFFIX" ]; then
  KEY_FILE="$(encryption_key_file)"
  [ -n "$KEY_FILE" ] || die "$BACKUP is encrypted: set ORION_BACKUP_ENCRYPTION_KEY_FILE to the passphrase file it was written with"
  start_gpg
  CLEAR="$(mktemp -d "$(dirname "$BACKUP")/.orion-decrypted.XXXXXX")"
  trap 'rm -rf "$CLEAR"; stop_gpg' EXIT
  say "Decrypting $BACKUP"
  DUMP="$CLEAR/database.dump"
  decrypt_with "$KEY_FILE" "$BACKUP/database.dump.gpg" >"$DUMP" \
    || die "cannot decrypt $BACKUP/database.dump.gpg: wrong ORION_BACKUP_ENCRYPTION_KEY_FILE, or the file was changed; nothing was restored"
  if [ -f "$BACKUP/storage.tar.gz.gpg" ]; then
    ARCHIVE="$CLEAR/storage.tar.gz"
    decrypt_with "$KEY_FILE" "$BACKUP/storage.tar.gz.gpg" >"$ARCHIVE" \
      || die "cannot decrypt $BACKUP/storage.tar.gz.gpg: wrong ORION_BACKUP_ENCRYPTION_KEY_FILE, or the file was changed; nothing was restored"
  else
    ARCHIVE="$CLEAR/no-storage-archive"
  fi
fi

pg_restore --list "$DUMP" >/dev/null || die "$DUMP is not a readable pg_dump archive"
if [ -f "$ARCHIVE" ]; then
  grep -q " storage.tar.gz$SUFFIX\$" "$BACKUP/SHA256SUMS" || die "$BACKUP/SHA256SUMS does not list storage.tar.gz$SUFFIX"
  tar --list --gzip --file="$ARCHIVE" >/dev/null || die "$ARCHIVE is not a readable archive"
  STORAGE="$(storage_dir)"
fi
sed 's/^/  /' "$BACKUP/MANIFEST" >&2

exists="$(psql --no-password -qtAX --dbname="$(db_uri "${ORION_DB_ADMIN_DB:-postgres}")" \
  -c "select 1 from pg_database where datname = '${DB_NAME//\'/\'\'}'")" \
  || die "cannot reach PostgreSQL on $DB_HOSTS: check ORION_DB_URL, ORION_DB_USER and ORION_DB_PASSWORD"
if [ "$exists" != 1 ]; then
  say "Creating database $DB_NAME"
  psql --no-password -qX -v ON_ERROR_STOP=1 --dbname="$(db_uri "${ORION_DB_ADMIN_DB:-postgres}")" \
    -c "create database \"${DB_NAME//\"/\"\"}\"" || die "cannot create database $DB_NAME (create it empty, or give $PGUSER CREATEDB)"
fi
say "Restoring database $DB_NAME on $DB_HOSTS"
# --no-owner: the objects belong to whoever restores (ORION_DB_USER), which is the user Orion connects as.
pg_restore --no-password --clean --if-exists --no-owner --single-transaction --exit-on-error \
  --dbname="$(db_uri "$DB_NAME")" "$DUMP" \
  || die "pg_restore into $DB_NAME failed and was rolled back; the database is as it was"

if [ -f "$ARCHIVE" ]; then
  say "Restoring storage into $STORAGE"
  parent="$(dirname "$STORAGE")"
  mkdir -p "$parent"
  incoming="$(mktemp -d "$parent/.orion-restore.XXXXXX")"
  tar --extract --gzip --file="$ARCHIVE" --directory="$incoming" \
    || { rm -rf "$incoming"; die "extracting storage.tar.gz failed; the storage directory is as it was"; }
  if [ -d "$STORAGE" ] && [ -n "$(ls -A "$STORAGE")" ]; then
    previous="$STORAGE.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mv "$STORAGE" "$previous"
    say "The storage directory's earlier contents are in $previous (delete it once the restore is checked)"
  else
    rm -rf "$STORAGE"
  fi
  mv "$incoming" "$STORAGE"
else
  say "The backup holds no storage archive (S3 storage): restore the bucket as docs/backups.md says"
fi
say "Restored $BACKUP; start Orion and check /health/ready"
