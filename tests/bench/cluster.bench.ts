/**
 * `npm run bench:cluster`: how fast a learner gets a cluster that takes writes, for 1 and 3 nodes.
 * Cold: from nothing to the first acknowledged produce. Warm: a pooled cluster reset for the next run,
 * to the first produce. Measured in the same run: the brokers' own boot (container start to
 * "Kafka Server started", from their logs), and the sandbox's overhead over it as a ratio.
 */
import { ClusterPool } from '../../sandbox/cluster/cluster-pool.ts';
import type { ClusterSpec } from '../../sandbox/cluster/cluster-spec.ts';
import type { KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { dockerClient } from '../../sandbox/docker/docker-client.ts';
import { kafkaImage } from '../../sandbox/image/kafka-image.ts';

const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 5);
const TOPIC = 'bench';

async function firstProduce(cluster: KafkaCluster): Promise<void> {
  const producer = cluster.kafka().producer();
  await producer.connect();
  await producer.send({ topic: TOPIC, acks: -1, messages: [{ key: 'k', value: 'first' }] });
  await producer.disconnect();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;

console.log(`Kafka image: ${await kafkaImage(await dockerClient())}`);
console.log(`cold runs: ${COLD_RUNS}, warm runs: ${WARM_RUNS} (medians)\n`);
const rows: string[][] = [];
for (const nodes of [1, 3] as const) {
  const spec: ClusterSpec = { nodes, topics: [{ name: TOPIC, partitions: 3, replicationFactor: nodes }] };
  const pool = new ClusterPool({ maxIdle: 1 });
  const cold: number[] = [];
  const boot: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const started = performance.now();
    const cluster = await pool.acquire(spec);
    await firstProduce(cluster);
    cold.push(performance.now() - started);
    // The nodes boot in parallel: the cluster is up when the slowest one is.
    boot.push(Math.max(...(await Promise.all(cluster.brokers.map((b) => b.bootMillis())))));
    if (run < COLD_RUNS - 1) await cluster.dispose();
    else await pool.release(cluster);
  }
  for (let run = 0; run < WARM_RUNS; run++) {
    const started = performance.now();
    const cluster = await pool.acquire(spec, { cleanSlate: true });
    await firstProduce(cluster);
    warm.push(performance.now() - started);
    await pool.release(cluster);
  }
  await pool.dispose();
  rows.push([`${nodes} node${nodes > 1 ? 's' : ''}`, ms(median(cold)), ms(median(boot)), `${(median(cold) / median(boot)).toFixed(2)}x`, ms(median(warm))]);
}

const header = ['cluster', 'cold → first produce', 'broker boot (log)', 'cold / boot', 'warm reuse → first produce'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) {
  console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | '));
}
