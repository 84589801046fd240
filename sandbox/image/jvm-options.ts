/**
 * JVM settings for every broker the sandbox starts, in either image. Small heaps, because a workshop
 * host runs many clusters; the class-data-sharing archives (created with these same settings at image
 * build time, as the official image does) are what make a cold start fast.
 */
export const BROKER_HEAP_OPTS = '-Xms128m -Xmx384m';
export const BROKER_JVM_PERFORMANCE_OPTS = [
  '-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Djava.awt.headless=true',
  // A restarted node gets a new address on the cluster network, maybe one a stopped peer had:
  // resolve kafka-N afresh on every connect, or a peer keeps talking to the wrong node.
  '-Dsun.net.inetaddr.ttl=0 -Dsun.net.inetaddr.negative.ttl=0',
].join(' ');

/** Where each image keeps its archives (the official image uses these same paths). */
export const CDS_ARCHIVES = { broker: '/opt/kafka/kafka.jsa', storageTool: '/opt/kafka/storage.jsa' } as const;
