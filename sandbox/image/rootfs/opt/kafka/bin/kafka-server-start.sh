#!/bin/sh
# Starts a Kafka broker and/or controller from a server.properties file, as the distribution's script does.
if [ $# -lt 1 ]; then
  echo "USAGE: $0 server.properties [--override property=value]*" >&2
  exit 1
fi
base_dir=$(cd "$(dirname "$0")/.." && pwd)
[ -n "$KAFKA_LOG4J_OPTS" ] || export KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=$base_dir/config/log4j2.properties"
[ -n "$KAFKA_HEAP_OPTS" ] || export KAFKA_HEAP_OPTS="-Xmx1G -Xms1G"
exec "$base_dir/bin/kafka-run-class.sh" kafka.Kafka "$@"
