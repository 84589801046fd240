import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const produce = 'kafka-console-producer --bootstrap-server $BOOTSTRAP_SERVERS --topic dump-demo --reader-property parse.key=true --reader-property key.separator=:';
const dump = 'kafka-dump-log --deep-iteration --print-data-log --files /var/lib/kafka/data/dump-demo-0/00000000000000000000.log';

export const exercise: ExerciseDefinition = {
  id: 'dump-log',
  title: { ko: 'kafka-dump-log로 세그먼트 들여다보기', en: 'Looking inside a segment with kafka-dump-log' },
  cluster: { nodes: 1 },
  steps: [
    {
      id: 'uncompressed',
      title: { ko: '압축 없는 배치', en: 'Uncompressed batches' },
      body: [
        { ko: '`dump-demo` 토픽을 만들고 키가 있는 메시지 세 개를 한 번에 보낸 뒤, 셸이 브로커 안에 있으니 `kafka-dump-log`로 파티션 0의 세그먼트 파일을 직접 읽으세요.', en: 'Create `dump-demo`, send three keyed messages in one go, then, since this shell runs on the broker, read partition 0\'s segment file with `kafka-dump-log`.' },
        { ko: '`baseOffset ...` 줄이 배치 하나, `| offset: ...` 줄이 레코드 하나입니다.', en: 'A `baseOffset ...` line is one batch; a `| offset: ...` line is one record.' },
      ],
      hints: [
        { ko: '세그먼트는 `/var/lib/kafka/data/dump-demo-0/`에 있습니다.', en: 'The segment is in `/var/lib/kafka/data/dump-demo-0/`.' },
        { ko: '`printf \'k1:v1\\nk2:v2\\nk3:v3\\n\' | kafka-console-producer ...`처럼 파이프로 보내면 한 배치에 묶이기 쉽습니다.', en: 'Piping the lines in (`printf \'k1:v1\\nk2:v2\\nk3:v3\\n\' | kafka-console-producer ...`) tends to put them in one batch.' },
      ],
      solution: [
        'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic dump-demo',
        `printf 'k1:v1\\nk2:v2\\nk3:v3\\n' | ${produce}`,
        dump,
      ],
      answers: [
        { id: 'batch-count', label: { ko: '세그먼트에 있는 압축 없는 배치 수', en: 'How many uncompressed batches the segment holds' }, placeholder: '1' },
        { id: 'producer-id', label: { ko: '첫 배치의 producerId', en: 'The first batch\'s producerId' }, placeholder: '0' },
        { id: 'create-time', label: { ko: '오프셋 0 레코드의 CreateTime', en: 'The CreateTime of the record at offset 0' }, placeholder: '1700000000000' },
      ],
    },
    {
      id: 'gzip',
      title: { ko: 'gzip으로 압축한 배치', en: 'A gzip-compressed batch' },
      body: [
        { ko: '`--compression-codec gzip`으로 메시지 두 개를 더 보내고 다시 덤프하세요. 새 배치는 무엇이 다른가요?', en: 'Send two more messages with `--compression-codec gzip` and dump again. What differs in the new batch?' },
      ],
      hints: [{ ko: '마지막 `baseOffset` 줄의 `compresscodec`과 `lastSequence`를 보세요.', en: 'Look at `compresscodec` and `lastSequence` on the last `baseOffset` line.' }],
      solution: [`printf 'k4:v4\\nk5:v5\\n' | ${produce} --compression-codec gzip`, dump],
      answers: [
        { id: 'last-codec', label: { ko: '마지막 배치의 compresscodec', en: 'The last batch\'s compresscodec' }, placeholder: 'none' },
        { id: 'last-base-offset', label: { ko: '마지막 배치의 baseOffset', en: 'The last batch\'s baseOffset' }, placeholder: '0' },
        { id: 'last-sequence', label: { ko: '마지막 배치의 lastSequence', en: 'The last batch\'s lastSequence' }, placeholder: '0' },
      ],
    },
  ],
};
