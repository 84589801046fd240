import {
  fail,
  metadataChanges,
  pass,
  quorumElections,
  quorumView,
  topicLives,
  type CheckVerdict,
  type ExerciseCheck,
  type ExerciseCheckContext,
  type Localized,
  type QuorumElection,
} from '../../sandbox/lab-kit/index.ts';

const TOPIC = 'failover-demo';

/** The quorum's history as the metadata log records it: the election in force when the cluster was handed over clean, and those since. */
interface History {
  all: QuorumElection[];
  atStart: QuorumElection;
  since: QuorumElection[];
}

async function history({ cluster, since }: ExerciseCheckContext): Promise<History> {
  const all = await quorumElections(cluster);
  const atStart = all.filter((e) => e.at <= since).at(-1);
  if (!atStart) throw new Error('the metadata log holds no election from before the cluster was handed over');
  return { all, atStart, since: all.filter((e) => e.at > since) };
}

const noElection: Localized = {
  ko: '샌드박스를 깨끗하게 받은 뒤로 메타데이터 로그에 컨트롤러 선거가 없습니다. 먼저 "액티브 컨트롤러 멈추기"를 누르세요.',
  en: 'No controller election in the metadata log since your cluster was clean: press "Stop the active controller" first.',
};

/** A whole number typed in an answer field, or a verdict saying it is not one. */
function numberAnswer(answers: Record<string, string>, id: string, what: Localized): number | CheckVerdict {
  const text = answers[id]?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text);
  return fail(text === '' ? { ko: `${what.ko}: 답을 적지 않았습니다.`, en: `${what.en}: no answer given.` } : { ko: `${what.ko}: "${text}"은(는) 숫자가 아닙니다.`, en: `${what.en}: "${text}" is not a number.` });
}

/**
 * A leader and epoch answered against the elections in the log. Only the mistake is named, never the
 * answer: the controller from before the failover, a node that was not the one asked for, an epoch nobody
 * led in, the epoch of another election.
 */
function leaderAnswer(
  context: ExerciseCheckContext,
  question: { leader: string; epoch: string; when: Localized },
  truth: QuorumElection,
  all: QuorumElection[],
  earlier?: QuorumElection,
): CheckVerdict {
  const leader = numberAnswer(context.answers, question.leader, { ko: '노드 id', en: 'The node id' });
  if (typeof leader !== 'number') return leader;
  const epoch = numberAnswer(context.answers, question.epoch, { ko: '리더 에포크', en: 'The leader epoch' });
  if (typeof epoch !== 'number') return epoch;
  const actual = `node ${leader}, epoch ${epoch}`;
  const expected = 'LeaderId, LeaderEpoch';
  if (leader === truth.leaderId && epoch === truth.epoch) return pass({ actual });
  if (earlier && leader === earlier.leaderId && epoch === earlier.epoch) {
    return fail({ ko: `노드 ${leader}, 에포크 ${epoch}은(는) 장애 조치 전의 액티브 컨트롤러입니다. 새 리더를 찾으세요.`, en: `Node ${leader} in epoch ${epoch} is the active controller from before the failover: find the new leader.` }, { expected, actual });
  }
  if (leader !== truth.leaderId) {
    return fail({ ko: `노드 ${leader}은(는) ${question.when.ko} 액티브 컨트롤러가 아닙니다.`, en: `Node ${leader} was not the active controller ${question.when.en}.` }, { expected, actual });
  }
  if (!all.some((e) => e.epoch === epoch)) {
    return fail({ ko: `에포크 ${epoch}에는 어떤 컨트롤러도 리더가 된 적이 없습니다. LeaderEpoch를 다시 읽으세요.`, en: `No controller ever led in epoch ${epoch}: read LeaderEpoch again.` }, { expected, actual });
  }
  return fail({ ko: `에포크 ${epoch}은(는) 다른 선거의 에포크입니다. 선거마다 에포크가 새로 올라갑니다.`, en: `Epoch ${epoch} belongs to another election: every election starts a new epoch.` }, { expected, actual });
}

export const checks: ExerciseCheck[] = [
  {
    id: 'controller-before',
    step: 'read-quorum',
    title: { ko: '장애 조치 전의 액티브 컨트롤러와 에포크', en: 'The active controller and its epoch before the failover' },
    verifies: {
      ko: '노드 1의 디스크에서 __cluster_metadata 세그먼트를 읽어 LeaderChange 컨트롤 레코드(리더 id, 배치의 리더 에포크)를 디코드하고, 샌드박스를 깨끗하게 받은 시점의 리더와 답을 비교했습니다.',
      en: "Decoded the LeaderChange control records (leader id, the batch's leader epoch) of __cluster_metadata's segments on node 1's disk and compared the answer with the leader in force when the cluster was handed over clean.",
    },
    hint: { ko: '`describe --status`의 LeaderId와 LeaderEpoch를 그대로 적으세요. 셸이 도는 노드가 리더라는 법은 없습니다.', en: 'Copy LeaderId and LeaderEpoch from `describe --status`. The node your shell runs in is not necessarily the leader.' },
    async run(context) {
      const { all, atStart } = await history(context);
      return leaderAnswer(context, { leader: 'leader-before', epoch: 'epoch-before', when: { ko: '장애 조치 전의', en: 'before the failover' } }, atStart, all);
    },
  },
  {
    id: 'topic-record',
    step: 'metadata-log',
    title: { ko: 'failover-demo의 TOPIC_RECORD 오프셋', en: "The offset of failover-demo's TOPIC_RECORD" },
    verifies: {
      ko: '노드 1의 디스크에서 __cluster_metadata 세그먼트를 읽어 샌드박스를 깨끗하게 받은 뒤 쓰인 TopicRecord를 디코드하고, failover-demo의 TopicRecord 오프셋과 답을 비교했습니다.',
      en: "Decoded the TopicRecords written to __cluster_metadata's segments on node 1's disk since the cluster was clean and compared the offset of failover-demo's with the answer.",
    },
    hint: { ko: '`TOPIC_RECORD` 줄은 `"name":"failover-demo"`를 담고 있습니다. 그 줄 맨 앞의 `offset:` 값입니다.', en: 'The `TOPIC_RECORD` line holds `"name":"failover-demo"`; the answer is the `offset:` at its start.' },
    async run(context) {
      const lives = topicLives(await metadataChanges(context.cluster, context.since), TOPIC);
      const life = lives.at(-1);
      if (!life) {
        return fail({ ko: `샌드박스를 깨끗하게 받은 뒤로 메타데이터 로그에 ${TOPIC}의 TopicRecord가 없습니다. 토픽을 그 이름으로 만드세요.`, en: `No TopicRecord for ${TOPIC} in the metadata log since your cluster was clean: create the topic under that name.` });
      }
      const offset = numberAnswer(context.answers, 'topic-record-offset', { ko: 'TOPIC_RECORD 오프셋', en: "The TOPIC_RECORD's offset" });
      if (typeof offset !== 'number') return offset;
      if (offset === life.created.offset) return pass({ actual: String(offset) });
      return fail({ ko: `메타데이터 로그의 오프셋 ${offset}은(는) ${TOPIC}의 TOPIC_RECORD가 아닙니다.`, en: `Offset ${offset} of the metadata log is not ${TOPIC}'s TOPIC_RECORD.` }, { actual: String(offset) });
    },
  },
  {
    id: 'controller-after',
    step: 'failover',
    title: { ko: '새 액티브 컨트롤러와 그 에포크', en: 'The new active controller and its epoch' },
    verifies: {
      ko: '노드 1의 __cluster_metadata 세그먼트에서 샌드박스를 깨끗하게 받은 뒤의 LeaderChange 레코드를 디코드하고, 마지막 선거의 리더와 에포크(살아 있는 노드들의 quorum-state 파일이 가리키는 것과 같은지도)를 답과 비교했습니다.',
      en: "Decoded the LeaderChange records written to __cluster_metadata on node 1 since the cluster was clean and compared the last election's leader and epoch, which the running nodes' quorum-state files must name too, with the answer.",
    },
    hint: { ko: '버튼을 누른 뒤에 `describe --status`를 다시 실행해 읽으세요. 멈춘 노드가 아닌 노드에 물어야 합니다.', en: 'Run `describe --status` again after pressing the button, against a node that is still running.' },
    async run(context) {
      const { all, atStart, since } = await history(context);
      const latest = since.at(-1);
      if (!latest) return fail(noElection);
      const running = await runningViews(context);
      const disagreeing = running.find((v) => v.leaderId !== latest.leaderId || v.leaderEpoch !== latest.epoch);
      if (disagreeing) {
        return fail({ ko: `kafka-${disagreeing.nodeId} 노드가 아직 마지막 선거의 리더를 따르지 않습니다. 몇 초 뒤에 다시 확인하세요.`, en: `kafka-${disagreeing.nodeId} does not follow the last election's leader yet: check again in a few seconds.` });
      }
      return leaderAnswer(context, { leader: 'leader-after', epoch: 'epoch-after', when: { ko: '장애 조치로 뽑힌', en: 'the failover elected' } }, latest, all, atStart);
    },
  },
  {
    id: 'leader-change-record',
    step: 'failover',
    title: { ko: '이번 선거의 LeaderChange 레코드', en: "This election's LeaderChange record" },
    verifies: {
      ko: '노드 1의 __cluster_metadata 세그먼트에서 LeaderChange 컨트롤 레코드를 디코드하고, 샌드박스를 깨끗하게 받은 뒤 마지막 선거의 레코드 오프셋과 답을 비교했습니다.',
      en: "Decoded the LeaderChange control records of __cluster_metadata on node 1 and compared the offset of the last election's since the cluster was clean with the answer.",
    },
    hint: { ko: '로그에는 클러스터의 첫 선거부터 모든 LeaderChange가 남아 있습니다. 에포크가 새 리더의 것인 레코드를 고르세요.', en: "The log keeps every LeaderChange since the cluster's first election: pick the one whose epoch is the new leader's." },
    async run(context) {
      const { all, since } = await history(context);
      const latest = since.at(-1);
      if (!latest) return fail(noElection);
      const offset = numberAnswer(context.answers, 'leader-change-offset', { ko: 'LeaderChange 오프셋', en: 'The LeaderChange offset' });
      if (typeof offset !== 'number') return offset;
      if (offset === latest.offset) return pass({ actual: String(offset) });
      const other = all.find((e) => e.offset === offset);
      if (other) {
        return fail({ ko: `오프셋 ${offset}은(는) 예전 선거(에포크 ${other.epoch})의 LeaderChange입니다. 이번 장애 조치의 것이 아닙니다.`, en: `Offset ${offset} is the LeaderChange of an earlier election (epoch ${other.epoch}), not this failover's.` }, { actual: String(offset) });
      }
      return fail({ ko: `메타데이터 로그의 오프셋 ${offset}에는 LeaderChange 레코드가 없습니다.`, en: `Offset ${offset} of the metadata log holds no LeaderChange record.` }, { actual: String(offset) });
    },
  },
  {
    id: 'rejoined',
    step: 'rejoin',
    title: { ko: '옛 액티브 컨트롤러가 팔로워로 돌아옴', en: 'The old active controller is back as a follower' },
    verifies: {
      ko: 'LeaderChange 레코드로 장애 조치 직전의 리더를 찾고, 그 노드의 컨테이너가 돌고 있으며 그 노드의 quorum-state 파일이 마지막 선거의 리더와 에포크를 가리키는지(팔로워인지) 읽었습니다.',
      en: "Found the leader from before the failover in the LeaderChange records, then read that its node's container runs and that its quorum-state file names the last election's leader and epoch, as a follower's does.",
    },
    hint: { ko: '"멈춘 노드 다시 시작하기"를 누르고, 몇 초 뒤에 확인하세요.', en: 'Press "Start the stopped node again", then check a few seconds later.' },
    async run(context) {
      const { all, since } = await history(context);
      const latest = since.at(-1);
      if (!latest) return fail(noElection);
      const old = all[all.indexOf(latest) - 1]!;
      const node = context.cluster.broker(old.leaderId);
      const state = await node.state();
      if (state !== 'running') {
        return fail({ ko: `장애 조치 전의 액티브 컨트롤러인 kafka-${old.leaderId} 노드가 아직 멈춰 있습니다. 다시 시작하세요.`, en: `kafka-${old.leaderId}, the active controller before the failover, is still stopped: start it again.` }, { expected: 'running', actual: state });
      }
      const view = await quorumView(node);
      const actual = `kafka-${old.leaderId} follows ${view.leaderId} in epoch ${view.leaderEpoch}`;
      if (view.leaderId === latest.leaderId && view.leaderEpoch === latest.epoch && view.leaderId !== old.leaderId) return pass({ actual });
      return fail({ ko: `kafka-${old.leaderId} 노드가 아직 새 리더를 따르지 않습니다. 몇 초 뒤에 다시 확인하세요.`, en: `kafka-${old.leaderId} does not follow the new leader yet: check again in a few seconds.` }, { actual });
    },
  },
];

/** The quorum views of the nodes that run: a stopped node's file holds what it knew when it stopped. */
async function runningViews({ cluster }: ExerciseCheckContext) {
  const running = [];
  for (const broker of cluster.brokers) if ((await broker.state()) === 'running') running.push(await quorumView(broker));
  return running;
}
