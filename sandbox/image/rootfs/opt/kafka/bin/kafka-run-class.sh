#!/bin/sh
# Runs a Kafka main class on the jars in ../libs, as the Apache Kafka distribution's script of the same
# name does, honouring the same variables: KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_LOG4J_OPTS
# and KAFKA_OPTS.
if [ $# -lt 1 ]; then
  echo "USAGE: $0 classname [opts]" >&2
  exit 1
fi
base_dir=$(cd "$(dirname "$0")/.." && pwd)

# An explicit, sorted class path: class-data-sharing archives are only valid for the class path they
# were created with.
classpath=
for jar in "$base_dir"/libs/*.jar; do
  classpath="$classpath${classpath:+:}$jar"
done

[ -n "$KAFKA_HEAP_OPTS" ] || KAFKA_HEAP_OPTS="-Xmx256M"
[ -n "$KAFKA_JVM_PERFORMANCE_OPTS" ] || KAFKA_JVM_PERFORMANCE_OPTS="-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true"
[ -n "$KAFKA_LOG4J_OPTS" ] || KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=$base_dir/config/tools-log4j2.properties"

# The *_OPTS variables each hold several options: they are split on purpose.
# shellcheck disable=SC2086
exec java $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS $KAFKA_LOG4J_OPTS $KAFKA_OPTS -cp "$classpath" "$@"
