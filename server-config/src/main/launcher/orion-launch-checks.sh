# Sourced by bin/standalone.conf (the build adds the line): what must hold before WildFly boots an Orion profile.
# WildFly itself would boot the HA profile without the cluster's secret and only report a failed channel among
# hundreds of lines; here the refusal is one line and the server does not start at all.
case "$SERVER_OPTS" in
  *orion-full-ha.xml*)
    if [ -z "${ORION_CLUSTER_PASSWORD:-}" ]; then
      echo "Orion cannot start: the HA profile (orion-full-ha.xml) needs ORION_CLUSTER_PASSWORD, the cluster's shared secret (the same on every node; docs/cluster.md)" >&2
      exit 1
    fi
    if [ -n "${ORION_CLUSTER_KEYSTORE:-}" ] && [ ! -r "$ORION_CLUSTER_KEYSTORE" ]; then
      echo "Orion cannot start: ORION_CLUSTER_KEYSTORE=$ORION_CLUSTER_KEYSTORE is not a readable file (the cluster's AES key, made with keytool -genseckey; docs/cluster.md)" >&2
      exit 1
    fi
    ;;
esac
