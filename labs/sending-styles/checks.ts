import { outputLines, readTopic, fail, pass, type LabCheck } from '../../sandbox/lab-kit/index.ts';

export const TOPIC = 'send-styles';
export const STYLES = ['ff', 'sync', 'async'] as const;
export const PER_STYLE = 5;

const valuesOf = (style: string) => Array.from({ length: PER_STYLE }, (_, i) => `${style}-${i + 1}`);
const REPORT_LINE = /^(\S+) partition=(\d+) offset=(\d+) timestamp=(\d+)$/;

/** Every record of one style printed with the partition, offset and timestamp it really has in the topic. */
function reportedCheck(style: 'sync' | 'async', title: LabCheck['title'], hint: LabCheck['hint']): LabCheck {
  return {
    id: `${style}-reported`,
    title,
    verifies: {
      ko: `프로그램이 ${style}-1 … ${style}-${PER_STYLE}에 대해 출력한 파티션·오프셋·타임스탬프를 브로커에서 읽은 send-styles 토픽의 실제 레코드와 하나씩 대조했습니다.`,
      en: `Compared the partition, offset and timestamp the program printed for ${style}-1 … ${style}-${PER_STYLE} with the records read back from send-styles on the broker.`,
    },
    hint,
    points: 3,
    async run({ cluster, program }) {
      const stored = new Map((await readTopic(cluster, TOPIC)).map((r) => [r.value, r]));
      const printed = new Map(outputLines(program.stdout).flatMap((line) => {
        const match = REPORT_LINE.exec(line);
        return match ? [[match[1]!, { partition: Number(match[2]), offset: Number(match[3]), timestamp: Number(match[4]) }] as const] : [];
      }));
      for (const value of valuesOf(style)) {
        const record = stored.get(value);
        const line = printed.get(value);
        const expected = record ? `${value} partition=${record.partition} offset=${record.offset} timestamp=${record.timestamp}` : `${value} stored in ${TOPIC}`;
        if (!record) return fail({ ko: `${value} 레코드가 토픽에 없습니다.`, en: `${value} is not in the topic.` }, { expected, actual: 'missing' });
        if (!line) {
          return fail(
            { ko: `${value}의 파티션·오프셋·타임스탬프를 출력하지 않았습니다.`, en: `${value} was not printed with its partition, offset and timestamp.` },
            { expected, actual: 'no such line' },
          );
        }
        const actual = `${value} partition=${line.partition} offset=${line.offset} timestamp=${line.timestamp}`;
        if (line.partition !== record.partition || line.offset !== record.offset || line.timestamp !== record.timestamp) {
          return fail(
            { ko: `${value}의 출력이 실제 레코드와 다릅니다.`, en: `What was printed for ${value} does not match the stored record.` },
            {
              expected,
              actual,
              contradiction: { ko: `${value}를 "${actual}"로 출력했지만 브로커에는 "${expected}"로 저장돼 있습니다.`, en: `printed "${actual}", but the broker stored "${expected}"` },
            },
          );
        }
      }
      return pass({ expected: `${PER_STYLE} ${style} lines`, actual: `${PER_STYLE} matching lines` });
    },
  };
}

export const checks: LabCheck[] = [
  {
    id: 'all-delivered',
    title: { ko: '세 방식으로 보낸 15개가 모두 정확히 한 번씩 도착했다', en: 'All 15 records of the three styles arrived exactly once' },
    verifies: {
      ko: 'send-styles 토픽의 모든 파티션을 브로커에서 끝까지 읽어 ff-, sync-, async- 값마다 몇 번 저장됐는지 셌습니다.',
      en: 'Read every partition of send-styles back from the broker and counted how often each ff-, sync- and async- value is stored.',
    },
    hint: {
      ko: 'fire-and-forget으로 시작한 전송도 disconnect() 전에 끝나야 합니다. 끝나지 않은 전송은 연결을 끊으면 사라집니다.',
      en: 'Fire-and-forget sends must still be finished before disconnect(): a send still in flight is lost when the connection closes.',
    },
    points: 2,
    async run({ cluster }) {
      const counts = Map.groupBy(await readTopic(cluster, TOPIC), (r) => r.value ?? '');
      const expected = STYLES.flatMap(valuesOf);
      const wrong = expected.filter((value) => counts.get(value)?.length !== 1);
      if (wrong.length === 0) return pass({ expected: `${expected.length} records`, actual: `${expected.length} records` });
      const actual = wrong.map((value) => `${value} ×${counts.get(value)?.length ?? 0}`).join(', ');
      return fail({ ko: `한 번씩 저장되지 않은 레코드: ${actual}`, en: `Records not stored exactly once: ${actual}` }, { expected: 'each value once', actual });
    },
  },
  reportedCheck(
    'sync',
    { ko: '동기 전송: 레코드마다 실제 파티션, 오프셋, 타임스탬프를 출력했다', en: 'Synchronous: each record printed with its real partition, offset and timestamp' },
    {
      ko: 'await producer.send(...)가 돌려주는 RecordMetadata의 partition과 baseOffset을, 타임스탬프는 메시지에 직접 넣은 값을 쓰세요. 형식: sync-1 partition=0 offset=3 timestamp=1700000000000',
      en: 'Use partition and baseOffset from the RecordMetadata that await producer.send(...) returns, and the timestamp you set on the message. Format: sync-1 partition=0 offset=3 timestamp=1700000000000',
    },
  ),
  reportedCheck(
    'async',
    { ko: '비동기 전송: 결과가 올 때마다 실제 파티션, 오프셋, 타임스탬프를 출력했다', en: 'Asynchronous: each result printed with its real partition, offset and timestamp' },
    {
      ko: '전송을 모두 시작한 뒤 각 Promise의 then에서 결과를 출력하고, 마지막에 Promise.allSettled로 모두 기다리세요.',
      en: 'Start every send, print each result in its then handler, and wait for them all with Promise.allSettled at the end.',
    },
  ),
  {
    id: 'offsets-from-the-producer',
    title: { ko: '출력한 오프셋은 프로듀서의 응답에서 왔다', en: "The printed offsets came from the producer's acknowledgements" },
    verifies: {
      ko: '브로커의 요청 로그(kafka.request.logger)에서 프로그램이 보낸 요청을 모두 읽어, 토픽을 다시 읽는 FETCH나 LIST_OFFSETS 요청이 없었는지 확인했습니다. 그렇다면 출력한 파티션과 오프셋은 send()의 RecordMetadata에서만 나올 수 있습니다.',
      en: "Read every request the program made from the brokers' own request log (kafka.request.logger): no FETCH or LIST_OFFSETS, so the partitions and offsets it printed can only have come from send()'s RecordMetadata.",
    },
    hint: {
      ko: '레코드가 어디에 저장됐는지는 토픽을 다시 읽지 않아도 압니다. send()가 돌려주는 RecordMetadata가 바로 브로커의 대답입니다.',
      en: "You need not read the topic back to know where a record went: the RecordMetadata that send() returns is the broker's answer.",
    },
    points: 2,
    hidden: true,
    async run({ requests }) {
      const readBack = requests.filter((r) => r.api === 'FETCH' || r.api === 'LIST_OFFSETS');
      const expected = 'no FETCH or LIST_OFFSETS request';
      if (readBack.length === 0) return pass({ expected, actual: `${requests.length} requests, none of them reads` });
      const counted = [...Map.groupBy(readBack, (r) => r.api)].map(([api, list]) => `${api} ×${list.length}`).sort().join(', ');
      return fail(
        {
          ko: `프로그램이 토픽을 다시 읽었습니다(요청 ${counted}). 오프셋은 send()의 결과에서 가져오세요.`,
          en: `The program read the topic back (requests: ${counted}): take the offsets from what send() returns.`,
        },
        { expected, actual: counted },
      );
    },
  },
];
