#!/bin/sh
# Runs once at image build time, inside the image: starts a throw-away broker and records the classes
# that `kafka-storage format` and a broker start load into class-data-sharing archives, which later
# starts map instead of loading and verifying those classes again.
set -eu
work=$(mktemp -d)
cat > "$work/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093
advertised.listeners=PLAINTEXT://localhost:9092
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$work/data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
PROPERTIES

# -Xlog:cds=error: the archiver lists every class it skips (old class-file versions) as a warning.
base_opts="$KAFKA_JVM_PERFORMANCE_OPTS -Xlog:cds=error -Xlog:cds+dynamic=error"
KAFKA_JVM_PERFORMANCE_OPTS="$base_opts -XX:ArchiveClassesAtExit=$STORAGE_ARCHIVE" \
  /opt/kafka/bin/kafka-storage.sh format -t "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" -c "$work/server.properties"

KAFKA_JVM_PERFORMANCE_OPTS="$base_opts -XX:ArchiveClassesAtExit=$BROKER_ARCHIVE" \
  /opt/kafka/bin/kafka-server-start.sh "$work/server.properties" > "$work/server.log" 2>&1 &
broker=$!
waited=0
until grep -q 'Kafka Server started' "$work/server.log"; do
  if [ "$waited" -ge 120 ] || ! kill -0 "$broker" 2>/dev/null; then
    cat "$work/server.log" >&2
    echo "the broker did not start; no archive was written" >&2
    exit 1
  fi
  sleep 0.5
  waited=$((waited + 1))
done
kill -TERM "$broker"
wait "$broker" || true
rm -rf "$work"
ls -l "$STORAGE_ARCHIVE" "$BROKER_ARCHIVE"
