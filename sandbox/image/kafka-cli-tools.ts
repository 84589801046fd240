/**
 * The Kafka CLI tools the image provides, as /opt/kafka/bin/kafka-<name>.sh like the distribution.
 * Main classes moved between releases (Scala `kafka.*` in 3.x, Java `org.apache.kafka.tools.*` in 4.x):
 * each tool lists its candidates, newest first, and the build picks the one its jars contain.
 */
export const KAFKA_CLI_TOOLS: Readonly<Record<string, readonly string[]>> = {
  'topics': ['org.apache.kafka.tools.TopicCommand', 'kafka.admin.TopicCommand'],
  'console-producer': ['org.apache.kafka.tools.ConsoleProducer', 'kafka.tools.ConsoleProducer'],
  'console-consumer': ['org.apache.kafka.tools.consumer.ConsoleConsumer', 'kafka.tools.ConsoleConsumer'],
  'configs': ['org.apache.kafka.tools.ConfigCommand', 'kafka.admin.ConfigCommand'],
  'dump-log': ['org.apache.kafka.tools.DumpLogSegments', 'kafka.tools.DumpLogSegments'],
  'consumer-groups': ['org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', 'kafka.admin.ConsumerGroupCommand'],
  'get-offsets': ['org.apache.kafka.tools.GetOffsetShell', 'kafka.tools.GetOffsetShell'],
  'producer-perf-test': ['org.apache.kafka.tools.ProducerPerformance'],
  'consumer-perf-test': ['org.apache.kafka.tools.ConsumerPerformance', 'kafka.tools.ConsumerPerformance'],
  'leader-election': ['org.apache.kafka.tools.LeaderElectionCommand', 'kafka.admin.LeaderElectionCommand'],
  'reassign-partitions': ['org.apache.kafka.tools.reassign.ReassignPartitionsCommand', 'kafka.admin.ReassignPartitionsCommand'],
  'metadata-quorum': ['org.apache.kafka.tools.MetadataQuorumCommand'],
  'storage': ['org.apache.kafka.tools.StorageTool', 'kafka.tools.StorageTool'],
  'delete-records': ['org.apache.kafka.tools.DeleteRecordsCommand', 'kafka.admin.DeleteRecordsCommand'],
  'log-dirs': ['org.apache.kafka.tools.LogDirsCommand', 'kafka.admin.LogDirsCommand'],
  'broker-api-versions': ['org.apache.kafka.tools.BrokerApiVersionsCommand', 'kafka.admin.BrokerApiVersionsCommand'],
  'features': ['org.apache.kafka.tools.FeatureCommand', 'kafka.admin.FeatureCommand'],
};

/** The launcher script for one tool: the distribution's one-line `exec kafka-run-class.sh <class>`. */
export function toolScript(mainClass: string): string {
  return `#!/bin/sh\nexec "$(dirname "$0")/kafka-run-class.sh" ${mainClass} "$@"\n`;
}

/** Picks each tool's main class from the classes the jars hold; a tool with none fails the build. */
export function resolveToolClasses(available: ReadonlySet<string>): Map<string, string> {
  const resolved = new Map<string, string>();
  for (const [tool, candidates] of Object.entries(KAFKA_CLI_TOOLS)) {
    const found = candidates.find((name) => available.has(name));
    if (!found) throw new Error(`no main class for kafka-${tool} among ${candidates.join(', ')}`);
    resolved.set(tool, found);
  }
  return resolved;
}
