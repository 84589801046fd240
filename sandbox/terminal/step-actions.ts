/**
 * What a terminal exercise's step may ask the sandbox to do to the learner's own cluster (`StepAction`),
 * performed here. The page names only a step; the action is the exercise's data, and it always runs on the
 * cluster of the shell it was asked through, so no message can reach another learner's cluster.
 */
import type { Broker } from '../cluster/broker.ts';
import { moveLeadershipOff, stopLeader, waitForLeader } from '../cluster/controller-quorum.ts';
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import type { ExerciseDefinition, StepAction } from '../lab-kit/exercise-format.ts';
import type { Localized } from '../lab-kit/lab-format.ts';
import { Refusal } from '../server/refusals.ts';

/** Refused for a reason the learner can act on (a node already down, the wrong cluster): 409, in both languages. */
export const actionRefused = (text: Localized): Refusal => new Refusal(409, text);

/**
 * Gets a fresh cluster ready for the exercise's actions. The shell's node must never be stopped: when it
 * leads the quorum, another node is made leader now, before the learner reads the quorum, so that
 * "stop the active controller" stops a node for every learner alike.
 */
export async function prepareForActions(exercise: ExerciseDefinition, cluster: KafkaCluster, shellNode: number): Promise<void> {
  const stops = exercise.steps.some((step) => step.action?.kind === 'stop-active-controller');
  if (stops && cluster.brokers.length >= 3) await moveLeadershipOff(cluster, shellNode);
}

/** Performs the action and says what was done, without naming what the learner is to find out. */
export async function performStepAction(action: StepAction, cluster: KafkaCluster, shellNode: number): Promise<Localized> {
  switch (action.kind) {
    case 'stop-active-controller':
      return stopActiveController(cluster, shellNode);
    case 'start-stopped-nodes':
      return startStoppedNodes(cluster);
  }
}

async function stopActiveController(cluster: KafkaCluster, shellNode: number): Promise<Localized> {
  if (cluster.brokers.length < 3) {
    throw actionRefused({
      ko: '컨트롤러 세 대로 된 쿼럼에서만 액티브 컨트롤러를 멈출 수 있습니다. 이 클러스터는 노드가 한 대뿐이라 멈추면 아무도 이어받지 못합니다.',
      en: 'The active controller can be stopped only in a quorum of three controllers: this cluster has one node, and nobody could take over.',
    });
  }
  const down = await notRunning(cluster);
  if (down.length > 0) {
    const names = down.map((b) => `kafka-${b.nodeId}`).join(', ');
    throw actionRefused({
      ko: `${names} 노드가 이미 멈춰 있습니다. 세 대짜리 쿼럼은 한 대가 빠진 것까지만 견딥니다. 먼저 다시 시작하세요.`,
      en: `${names} is stopped already, and a quorum of three survives only one node down: start it again first.`,
    });
  }
  const leader = await waitForLeader(cluster.brokers);
  if (leader.leaderId === shellNode) {
    // Rare (the session starts with another leader): the shell's node led again after a later election.
    await moveLeadershipOff(cluster, shellNode);
    return {
      ko: `액티브 컨트롤러가 셸이 도는 kafka-${shellNode}였습니다. 멈추면 셸도 끝나므로 대신 몇 초 동안 얼렸습니다(긴 GC 멈춤이나 네트워크 단절과 같습니다). 다른 노드가 새 에포크에서 이어받았고, kafka-${shellNode}는 다시 돌면서 그 노드를 따릅니다.`,
      en: `The active controller was kafka-${shellNode}, where your shell runs; stopping it would end the shell, so it was frozen for a few seconds instead, as a long GC pause or a network split freezes a node. Another node took over in a new epoch, and kafka-${shellNode} runs again and follows it.`,
    };
  }
  await stopLeader(cluster, leader);
  return {
    ko: `액티브 컨트롤러인 kafka-${leader.leaderId} 노드를 멈췄습니다. 남은 보터들이 새 리더를 뽑았습니다. 누구인지 찾아보세요.`,
    en: `Stopped kafka-${leader.leaderId}, the active controller. The remaining voters have elected a new leader: find out which.`,
  };
}

async function startStoppedNodes(cluster: KafkaCluster): Promise<Localized> {
  const down = await notRunning(cluster);
  if (down.length === 0) return { ko: '멈춘 노드가 없어 시작할 것이 없습니다.', en: 'No node is stopped: nothing to start.' };
  await Promise.all(down.map(async (broker) => ((await broker.state()) === 'paused' ? broker.unpause() : broker.start())));
  // Serving clients is not the end of it: the node is back in the quorum once it follows the same leader.
  await waitForLeader(cluster.brokers);
  const names = down.map((b) => `kafka-${b.nodeId}`).join(', ');
  return {
    ko: `${names} 노드를 다시 시작했습니다. 쿼럼에 다시 들어와 리더를 따릅니다.`,
    en: `Started ${names} again; it is back in the quorum, following the leader.`,
  };
}

async function notRunning(cluster: KafkaCluster): Promise<Broker[]> {
  const states = await Promise.all(cluster.brokers.map(async (broker) => ({ broker, state: await broker.state() })));
  return states.filter((s) => s.state !== 'running').map((s) => s.broker);
}
