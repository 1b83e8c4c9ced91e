#!/usr/bin/env bash
# Renders orion.conf.template with the environment's values (defaults below) to stdout:
#   ORION_TLS_CERT=/etc/ssl/orion.crt ORION_TLS_KEY=/etc/ssl/private/orion.key \
#     server-config/nginx/render.sh > /etc/nginx/conf.d/orion.conf && nginx -t && systemctl reload nginx
set -euo pipefail
export ORION_UPSTREAM="${ORION_UPSTREAM:-127.0.0.1:8080}"
export ORION_SERVER_NAME="${ORION_SERVER_NAME:-_}"
export ORION_NGINX_HTTP_PORT="${ORION_NGINX_HTTP_PORT:-80}"
export ORION_NGINX_HTTPS_PORT="${ORION_NGINX_HTTPS_PORT:-443}"
export ORION_TLS_CERT="${ORION_TLS_CERT:-/etc/ssl/certs/orion.crt}"
export ORION_TLS_KEY="${ORION_TLS_KEY:-/etc/ssl/private/orion.key}"
export ORION_MAX_UPLOAD_BYTES="${ORION_MAX_UPLOAD_BYTES:-1073741824}"
export ORION_NGINX_CACHE_DIR="${ORION_NGINX_CACHE_DIR:-/var/cache/nginx/orion}"
# only our names: nginx's own $variables stay as they are
envsubst '${ORION_UPSTREAM} ${ORION_SERVER_NAME} ${ORION_NGINX_HTTP_PORT} ${ORION_NGINX_HTTPS_PORT} ${ORION_TLS_CERT} ${ORION_TLS_KEY} ${ORION_MAX_UPLOAD_BYTES} ${ORION_NGINX_CACHE_DIR}' \
  < "$(dirname "${BASH_SOURCE[0]}")/orion.conf.template"
