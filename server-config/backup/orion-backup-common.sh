# Shared by orion-backup.sh and orion-restore.sh (sourced, not run): messages and the database connection,
# taken from the same ORION_DB_URL, ORION_DB_USER and ORION_DB_PASSWORD the server reads (docs/configuration.md).

# Backups hold password hashes and customer data: everything these scripts write (dumps, archives, decrypted
# copies, directories) is for the owner alone, 0600 files in 0700 directories.
umask 077

say() { printf '[orion-backup] %s\n' "$*" >&2; }
die() { printf '[orion-backup] FAILED: %s\n' "$*" >&2; exit 1; }

require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "$tool is not installed (Debian: postgresql-client for pg_dump/pg_restore/psql, coreutils, tar, gpg for encryption)"
  done
}

# Turns ORION_DB_URL (jdbc:postgresql://host[:port][,host2[:port]]/database[?params]) into what libpq needs:
# DB_NAME, DB_HOSTS and a connection URI per database. User and password go through PGUSER and PGPASSWORD so they
# never appear on a command line (ps would show them). Of the JDBC parameters only the TLS ones mean anything to
# libpq; the others (currentSchema, ...) are for the driver and are left out.
parse_db_url() {
  local url="${ORION_DB_URL:-jdbc:postgresql://127.0.0.1:5432/orion}"
  case "$url" in
    jdbc:postgresql://*/*) ;;
    *) die "ORION_DB_URL must look like jdbc:postgresql://host:port/database, was '$url'" ;;
  esac
  local rest="${url#jdbc:postgresql://}"
  DB_HOSTS="${rest%%/*}"
  rest="${rest#*/}"
  DB_NAME="${rest%%\?*}"
  [ -n "$DB_NAME" ] || die "ORION_DB_URL names no database: '$url'"
  DB_QUERY=""
  if [ "$rest" != "$DB_NAME" ]; then
    local param
    IFS='&' read -ra params <<<"${rest#*\?}"
    for param in "${params[@]}"; do
      case "$param" in
        sslmode=*|sslrootcert=*|sslcert=*|sslkey=*) DB_QUERY="${DB_QUERY:+$DB_QUERY&}$param" ;;
        ssl=true) DB_QUERY="${DB_QUERY:+$DB_QUERY&}sslmode=require" ;;
      esac
    done
  fi
  export PGUSER="${ORION_DB_USER:-orion}" PGPASSWORD="${ORION_DB_PASSWORD:-orion}"
}

# A libpq connection URI for database $1 on Orion's PostgreSQL.
db_uri() {
  echo "postgresql://$DB_HOSTS/$1${DB_QUERY:+?$DB_QUERY}"
}

# Where Orion keeps its files; required (the server's default lies under its own data directory, which this
# script cannot know) unless the storage is S3, which is backed up on the bucket's side (docs/backups.md).
storage_dir() {
  [ -n "${ORION_STORAGE_DIR:-}" ] || die "ORION_STORAGE_DIR is not set: point it at Orion's storage directory (the server's ORION_STORAGE_DIR)"
  echo "$ORION_STORAGE_DIR"
}

storage_is_local() {
  [ "${ORION_STORAGE_BACKEND:-local}" != s3 ]
}

# Optional encryption of the backup (ORION_BACKUP_ENCRYPTION_KEY_FILE: a file holding a passphrase, kept apart
# from the backups): gpg symmetric AES-256, which also detects tampering (its MDC). gpg runs with a home of its
# own, removed (and its agent stopped) when the script ends.
encryption_key_file() {
  local file="${ORION_BACKUP_ENCRYPTION_KEY_FILE:-}"
  [ -n "$file" ] || return 0
  [ -f "$file" ] && [ -r "$file" ] || die "ORION_BACKUP_ENCRYPTION_KEY_FILE=$file is not a readable file"
  [ -s "$file" ] || die "ORION_BACKUP_ENCRYPTION_KEY_FILE=$file is empty"
  echo "$file"
}

GPG_HOME=""
start_gpg() {
  require_tools gpg gpgconf
  GPG_HOME="$(mktemp -d)"
}

stop_gpg() {
  if [ -n "$GPG_HOME" ]; then
    gpgconf --homedir "$GPG_HOME" --kill gpg-agent >/dev/null 2>&1 || true
    rm -rf "$GPG_HOME"
  fi
}

# stdin to stdout, encrypted with the passphrase in file $1
encrypt_with() {
  gpg --batch --quiet --no-tty --homedir "$GPG_HOME" --pinentry-mode loopback --passphrase-file "$1" \
    --symmetric --cipher-algo AES256 --s2k-digest-algo SHA512 --compress-algo none --output - -
}

# file $2 decrypted to stdout with the passphrase in file $1; fails on a wrong key or a changed byte
decrypt_with() {
  gpg --batch --quiet --no-tty --homedir "$GPG_HOME" --pinentry-mode loopback --passphrase-file "$1" \
    --decrypt --output - "$2"
}
