import { committedOffsets, endOffsets, outputLines, fail, pass, type PartitionOffsets, type CheckContext, type LabCheck } from '../../sandbox/lab-kit/index.ts';

export const TOPIC = 'events';
const OLD = Array.from({ length: 6 }, (_, i) => `old-${i + 1}`);
const NEW = ['new-1', 'new-2', 'new-3'];

const formatOffsets = (offsets: PartitionOffsets) =>
  [...offsets].sort(([a], [b]) => a - b).map(([partition, offset]) => `p${partition}=${offset}`).join(' ') || 'none';

/** The values a group printed ("<group> <value>" lines), in order. */
const readBy = (program: CheckContext['program'], groupId: string) =>
  outputLines(program.stdout).filter((line) => line.startsWith(`${groupId} `)).map((line) => line.slice(groupId.length + 1));

function committedEverything(groupId: string): LabCheck {
  return {
    id: `${groupId}-committed`,
    title: { ko: `${groupId} 그룹이 마지막 메시지까지 커밋했다`, en: `Group ${groupId} committed up to the last message` },
    hint: {
      ko: 'autoCommit: false로 두고, 메시지를 처리한 뒤 commitOffsets로 "다음에 읽을" 오프셋(offset + 1)을 커밋하세요.',
      en: 'With autoCommit: false, call commitOffsets after processing a message, committing the next offset to read (offset + 1).',
    },
    points: 2,
    async run({ cluster }) {
      const [ends, committed] = await Promise.all([endOffsets(cluster, TOPIC), committedOffsets(cluster, groupId, TOPIC)]);
      // A partition that never held a message has nothing to commit.
      const expected = formatOffsets(new Map([...ends].filter(([, end]) => end > 0)));
      const actual = formatOffsets(committed);
      if (expected === actual) return pass({ expected, actual });
      return fail(
        { ko: `${groupId} 그룹의 커밋된 오프셋(${actual})이 파티션 끝(${expected})과 다릅니다.`, en: `Group ${groupId} committed ${actual}, not the end of each partition (${expected}).` },
        { expected, actual },
      );
    },
  };
}

export const checks: LabCheck[] = [
  committedEverything('replay'),
  committedEverything('live'),
  {
    id: 'replay-from-beginning',
    title: { ko: 'replay 그룹이 이미 있던 메시지를 처음부터 읽었다', en: 'Group replay read the existing messages from the beginning' },
    hint: { ko: '처음 보는 그룹이 처음부터 읽으려면 subscribe에 fromBeginning: true를 주세요.', en: 'For a new group to start at the beginning, subscribe with fromBeginning: true.' },
    points: 2,
    async run({ program }) {
      const read = readBy(program, 'replay');
      const missing = OLD.filter((value) => !read.includes(value));
      if (missing.length === 0) return pass({ expected: OLD.join(', '), actual: 'all read' });
      return fail({ ko: `replay 그룹이 읽지 않은 메시지: ${missing.join(', ')}`, en: `Group replay never read ${missing.join(', ')}` }, { expected: OLD.join(', '), actual: read.join(', ') || 'nothing' });
    },
  },
  {
    id: 'live-only-new',
    title: { ko: 'live 그룹은 참여한 뒤에 들어온 메시지만 읽었다', en: 'Group live read only what arrived after it joined' },
    hint: {
      ko: 'fromBeginning: false인 새 그룹은 끝에서 시작합니다. 그룹에 참여한 뒤(GROUP_JOIN 이벤트) 새 메시지를 보내세요.',
      en: 'A new group with fromBeginning: false starts at the end. Send the new messages after it has joined (the GROUP_JOIN event).',
    },
    points: 2,
    async run({ program }) {
      const read = readBy(program, 'live');
      const expected = NEW.join(', ');
      const actual = read.join(', ') || 'nothing';
      if ([...read].sort().join(', ') === expected) return pass({ expected, actual });
      const old = read.filter((value) => OLD.includes(value));
      const message = old.length > 0
        ? { ko: `live 그룹이 참여하기 전의 메시지를 읽었습니다: ${old.join(', ')}`, en: `Group live read messages from before it joined: ${old.join(', ')}` }
        : { ko: `live 그룹이 읽은 메시지: ${actual}`, en: `Group live read: ${actual}` };
      return fail(message, { expected, actual });
    },
  },
  {
    id: 'replay-resumed',
    title: { ko: '다시 시작한 replay 그룹은 멈춘 곳부터 이어 읽었다', en: 'Group replay resumed where it stopped after a restart' },
    hint: {
      ko: '같은 groupId로 다시 시작하면 커밋된 오프셋부터 읽습니다. 새 groupId로는 처음부터 다시 읽게 됩니다.',
      en: 'Restarted with the same groupId, a consumer continues from the committed offsets; a new groupId starts over.',
    },
    points: 3,
    async run({ program }) {
      const read = readBy(program, 'replay');
      const expected = [...OLD, ...NEW].join(', ');
      const counts = Map.groupBy(read, (value) => value);
      const wrong = [...OLD, ...NEW].filter((value) => counts.get(value)?.length !== 1);
      if (wrong.length === 0) return pass({ expected: 'each message once', actual: 'each message once' });
      const actual = wrong.map((value) => `${value} ×${counts.get(value)?.length ?? 0}`).join(', ');
      return fail(
        { ko: `replay 그룹이 메시지를 정확히 한 번씩 읽지 않았습니다: ${actual}`, en: `Group replay did not read every message exactly once: ${actual}` },
        { expected, actual },
      );
    },
  },
];
