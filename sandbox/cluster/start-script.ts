import { CDS_ARCHIVES } from '../image/jvm-options.ts';

/** Where the start script puts the Confluent-style command names: under /tmp, writable in both images. */
export const CLI_ALIAS_DIR = '/tmp/kafka-cli';

/**
 * The script every node runs instead of the image's own entry point, so the official apache/kafka image and
 * the course's offline image start the same way: Confluent-style names beside the distribution's
 * (kafka-topics and kafka-topics.sh), the node's server.properties, storage formatted on first start only
 * (the script runs again when a stopped node starts), then the broker with the image's class-data-sharing
 * archive where there is one.
 */
export function startScript(serverProperties: string, clusterId: string): string {
  return `set -eu
mkdir -p ${CLI_ALIAS_DIR} /tmp/kafka-course
for tool in /opt/kafka/bin/kafka-*.sh; do
  # A wrapper, not a symlink: the distribution's scripts find their jars from the path they were called by.
  printf '#!/bin/sh\nexec %s "$@"\n' "$tool" > "${CLI_ALIAS_DIR}/$(basename "$tool" .sh)"
  chmod +x "${CLI_ALIAS_DIR}/$(basename "$tool" .sh)"
done
cat > /tmp/kafka-course/server.properties <<'PROPERTIES'
${serverProperties}PROPERTIES
cds() { if [ -f "$1" ]; then echo "-XX:SharedArchiveFile=$1 -Xshare:auto"; fi; }
KAFKA_JVM_PERFORMANCE_OPTS="$KAFKA_JVM_PERFORMANCE_OPTS $(cds ${CDS_ARCHIVES.storageTool})" \\
  /opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t ${clusterId} -c /tmp/kafka-course/server.properties
export KAFKA_JVM_PERFORMANCE_OPTS="$KAFKA_JVM_PERFORMANCE_OPTS $(cds ${CDS_ARCHIVES.broker})"
exec /opt/kafka/bin/kafka-server-start.sh /tmp/kafka-course/server.properties
`;
}
