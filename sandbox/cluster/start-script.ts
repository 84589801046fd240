import { CDS_ARCHIVES } from '../image/jvm-options.ts';

/**
 * The broker's own space in a node: a tmpfs only the broker's user can write (the root file system is
 * read-only), made afresh at every start. It holds the Confluent-style command names (so no learner can
 * replace the kafka-topics that the next learner, or the sandbox's own reset, runs), server.properties,
 * the broker's temporary files and LOG_DIR.
 */
export const NODE_DIR = '/opt/kafka-course';
export const CLI_ALIAS_DIR = `${NODE_DIR}/bin`;

/**
 * The script every node runs instead of the image's own entry point, so the official apache/kafka image and
 * the course's offline image start the same way: Confluent-style names beside the distribution's
 * (kafka-topics and kafka-topics.sh), the node's server.properties, storage formatted on first start only
 * (the script runs again when a stopped node starts), then the broker with the image's class-data-sharing
 * archive where there is one.
 */
export function startScript(serverProperties: string, clusterId: string): string {
  return `set -eu
umask 022
mkdir -p ${CLI_ALIAS_DIR} ${NODE_DIR}/tmp ${NODE_DIR}/logs
for tool in /opt/kafka/bin/kafka-*.sh; do
  # A wrapper, not a symlink: the distribution's scripts find their jars from the path they were called by.
  printf '#!/bin/sh\\nexec %s "$@"\\n' "$tool" > "${CLI_ALIAS_DIR}/$(basename "$tool" .sh)"
  chmod 755 "${CLI_ALIAS_DIR}/$(basename "$tool" .sh)"
done
cat > ${NODE_DIR}/server.properties <<'PROPERTIES'
${serverProperties}PROPERTIES
# The official image's own log configuration writes to standard output only; the distribution's would
# write files under /opt/kafka, which is read-only here. No GC log file either (-loggc is left out).
if [ -f /etc/kafka/docker/log4j2.yaml ]; then export KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=file:/etc/kafka/docker/log4j2.yaml"; fi
export LOG_DIR=${NODE_DIR}/logs EXTRA_ARGS="-name kafkaServer"
# The broker's temporary files (native libraries of the compression codecs) where learners cannot write.
export KAFKA_OPTS="-Djava.io.tmpdir=${NODE_DIR}/tmp"
cds() { if [ -f "$1" ]; then echo "-XX:SharedArchiveFile=$1 -Xshare:auto"; fi; }
KAFKA_JVM_PERFORMANCE_OPTS="$KAFKA_JVM_PERFORMANCE_OPTS $(cds ${CDS_ARCHIVES.storageTool})" \\
  /opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t ${clusterId} -c ${NODE_DIR}/server.properties
export KAFKA_JVM_PERFORMANCE_OPTS="$KAFKA_JVM_PERFORMANCE_OPTS $(cds ${CDS_ARCHIVES.broker})"
exec /opt/kafka/bin/kafka-server-start.sh ${NODE_DIR}/server.properties
`;
}
