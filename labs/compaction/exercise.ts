import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const produce = 'kafka-console-producer --bootstrap-server $BOOTSTRAP_SERVERS --topic user-emails --reader-property parse.key=true --reader-property key.separator=: --reader-property null.marker=NULL';

export const exercise: ExerciseDefinition = {
  id: 'compaction',
  title: { ko: '로그 압착과 툼스톤', en: 'Log compaction and tombstones' },
  // The cleaner looks for work every second instead of every 15 s, so compaction happens while the learner watches.
  cluster: { nodes: 1, brokerConfig: { 'log.cleaner.backoff.ms': 1000 } },
  steps: [
    {
      id: 'compacted-topic',
      title: { ko: '압착 토픽 만들기', en: 'A compacted topic' },
      body: [
        { ko: '`cleanup.policy=compact`, 작은 세그먼트(`segment.ms=1000`), `min.cleanable.dirty.ratio=0.01`로 `user-emails` 토픽을 만드세요.', en: 'Create `user-emails` with `cleanup.policy=compact`, small segments (`segment.ms=1000`) and `min.cleanable.dirty.ratio=0.01`.' },
      ],
      hints: [{ ko: '`--config 이름=값`을 여러 번 줄 수 있습니다.', en: '`--config name=value` can be given several times.' }],
      solution: [
        'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic user-emails --config cleanup.policy=compact --config segment.ms=1000 --config min.cleanable.dirty.ratio=0.01',
      ],
    },
    {
      id: 'updates-and-tombstone',
      title: { ko: '갱신과 툼스톤', en: 'Updates and a tombstone' },
      body: [
        { ko: '같은 키로 값을 여러 번 보내고, `null.marker`로 값이 null인 툼스톤을 하나 보내세요. 잠시 뒤 한 건을 더 보내면 세그먼트가 닫히고 클리너가 그 세그먼트를 정리합니다.', en: 'Send several values under the same keys and one tombstone (a null value, via `null.marker`). A moment later send one more record: the segment rolls and the cleaner compacts the closed one.' },
        { ko: '`kafka-dump-log`로 닫힌 세그먼트를 읽어, 어떤 레코드가 남았고 왜 남았는지 보세요.', en: 'Read the closed segment with `kafka-dump-log`: which records survived, and why?' },
      ],
      hints: [
        { ko: '압착은 키마다 마지막 레코드만 남깁니다. 툼스톤은 `delete.retention.ms` 동안 남아 있습니다.', en: 'Compaction keeps the last record of each key. A tombstone itself stays for `delete.retention.ms`.' },
        { ko: '액티브 세그먼트(가장 최신 파일)는 압착하지 않습니다.', en: 'The active segment (the newest file) is never compacted.' },
      ],
      solution: [
        `printf 'u1:a@example.com\\nu2:b@example.com\\nu1:c@example.com\\nu3:d@example.com\\nu2:NULL\\n' | ${produce}`,
        'sleep 2',
        `printf 'u4:e@example.com\\n' | ${produce}`,
        'sleep 8',
        'kafka-dump-log --deep-iteration --print-data-log --files /var/lib/kafka/data/user-emails-0/00000000000000000000.log',
      ],
      answers: [
        { id: 'surviving-keys', label: { ko: '닫힌 세그먼트에 남은 레코드의 키 (오프셋 순, 쉼표로)', en: 'Keys of the records left in the closed segment (offset order, comma-separated)' }, placeholder: 'k1, k2' },
        { id: 'tombstone-offset', label: { ko: '툼스톤의 오프셋', en: 'The tombstone\'s offset' }, placeholder: '0' },
      ],
    },
  ],
};
