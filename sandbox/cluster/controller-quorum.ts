/**
 * The KRaft controller quorum of a cluster as its nodes see it, and the two things a terminal exercise may
 * ask the sandbox to do to it: stop the active controller (so that the others elect a new one) and start
 * stopped nodes again. Each node's view is its `quorum-state` file (the leader and epoch it knows, rewritten
 * at every election it takes part in), read from its disk: no CLI tool, no JVM start, and it works on a
 * node whose broker is busy.
 */
import type { Broker } from './broker.ts';
import type { KafkaCluster } from './kafka-cluster.ts';

const METADATA_TOPIC = '__cluster_metadata';

/** A node's own record of the quorum: the leader it follows (-1 while an election is open) and the epoch. */
export interface QuorumView {
  nodeId: number;
  leaderId: number;
  leaderEpoch: number;
}

/** The leader the nodes agree on, and its epoch. */
export type QuorumLeader = Omit<QuorumView, 'nodeId'>;

/** How long the remaining voters may take to agree on a new leader (controller.quorum.fetch.timeout.ms is 2 s; a loaded machine is slower). */
const ELECTION_TIMEOUT_MS = 60_000;

export async function quorumView(broker: Broker): Promise<QuorumView> {
  const [file] = await broker.partitionFiles(METADATA_TOPIC, 0, (name) => name === 'quorum-state');
  if (!file) throw new Error(`kafka-${broker.nodeId} has no quorum-state file`);
  const state = JSON.parse(file.bytes.toString('utf8')) as { leaderId?: unknown; leaderEpoch?: unknown };
  if (typeof state.leaderId !== 'number' || typeof state.leaderEpoch !== 'number') throw new Error(`kafka-${broker.nodeId}'s quorum-state has no leader and epoch`);
  return { nodeId: broker.nodeId, leaderId: state.leaderId, leaderEpoch: state.leaderEpoch };
}

/** The views of these nodes, once they all name the same leader in the same epoch; undefined while they differ or an election is open. */
export async function agreedLeader(brokers: readonly Broker[]): Promise<QuorumLeader | undefined> {
  const views = await Promise.all(brokers.map(quorumView));
  const [first] = views;
  if (!first || first.leaderId < 0) return undefined;
  return views.every((v) => v.leaderId === first.leaderId && v.leaderEpoch === first.leaderEpoch) ? { leaderId: first.leaderId, leaderEpoch: first.leaderEpoch } : undefined;
}

/** Waits until these nodes agree on a leader (one that passes `wanted`, if given). */
export async function waitForLeader(
  brokers: readonly Broker[],
  wanted: (leader: QuorumLeader) => boolean = () => true,
): Promise<QuorumLeader> {
  const deadline = Date.now() + ELECTION_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const leader = await agreedLeader(brokers).catch(() => undefined); // a file caught mid-rewrite: read again
    if (leader && wanted(leader)) return leader;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`kafka-${brokers.map((b) => b.nodeId).join(', kafka-')} did not agree on a new controller within ${ELECTION_TIMEOUT_MS / 1000} s`);
}

/**
 * Makes another node the active controller when `nodeId` leads, without stopping it: the node is frozen
 * (docker pause) until the others have elected a leader among themselves, then thawed; it finds the
 * higher epoch and follows. For the node a learner's shell runs in, which must never stop. Returns the
 * leader afterwards.
 */
export async function moveLeadershipOff(cluster: KafkaCluster, nodeId: number): Promise<QuorumLeader> {
  const current = await waitForLeader(cluster.brokers);
  if (current.leaderId !== nodeId) return current;
  const frozen = cluster.broker(nodeId);
  const others = cluster.brokers.filter((b) => b.nodeId !== nodeId);
  await frozen.pause();
  try {
    await waitForLeader(others, (leader) => leader.leaderEpoch > current.leaderEpoch);
  } finally {
    await frozen.unpause();
  }
  // Back as a follower of the new leader: every node agrees again.
  return waitForLeader(cluster.brokers, (leader) => leader.leaderEpoch > current.leaderEpoch);
}

/** Stops the node that leads now (gracefully, as `docker stop` does) and waits for the others to elect a new leader. */
export async function stopLeader(cluster: KafkaCluster, leader: QuorumLeader): Promise<QuorumLeader> {
  await cluster.broker(leader.leaderId).stop();
  const others = cluster.brokers.filter((b) => b.nodeId !== leader.leaderId);
  return waitForLeader(others, (next) => next.leaderEpoch > leader.leaderEpoch);
}
