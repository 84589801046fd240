import { readTopic, fail, pass, type CheckContext, type LabCheck, type TopicRecord } from '../../sandbox/lab-kit/index.ts';

/** What the application (the part of the program the learner leaves as it is) sends, by topic and key. */
const ORDERS = [
  { id: 'order-1', item: 'book', amount: 12 },
  { id: 'order-2', item: 'lamp', amount: 30 },
  { id: 'order-3', item: 'desk', amount: 250 },
  { id: 'order-4', item: 'pen', amount: 2 },
  { id: 'order-5', item: 'chair', amount: 80 },
];
const SENT = new Map<string, string>([
  ...ORDERS.map((order) => [`orders/${order.id}`, JSON.stringify(order)] as const),
  ...['order-1', 'order-2', 'order-3'].map((id) => [`payments/${id}`, JSON.stringify({ order: id, status: 'paid' })] as const),
]);
/** The trace id order-3 arrives with, set by the application itself: the wrapper must keep it. */
const UPSTREAM_TRACE = '4bf92f35-77b3-4da6-a3ce-929d0e0e4736';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SentRecord extends TopicRecord {
  /** topic/key, e.g. orders/order-3 */
  name: string;
}

async function records(cluster: CheckContext['cluster']): Promise<SentRecord[]> {
  const read = async (topic: string) => (await readTopic(cluster, topic)).map((r) => ({ ...r, name: `${topic}/${r.key}` }));
  return [...(await read('orders')), ...(await read('payments'))];
}

/** "a, b, c, …": the first few names of a list, for a message. */
const some = (names: string[]) => `${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;

export const checks: LabCheck[] = [
  {
    id: 'application-records',
    title: { ko: '애플리케이션이 보낸 키와 값이 그대로 저장됐다', en: "The application's keys and values are stored unchanged" },
    verifies: {
      ko: 'orders와 payments를 브로커에서 끝까지 읽어, 애플리케이션이 보낸 레코드 8개가 한 번씩, 같은 키와 같은 값으로 있는지 확인했습니다.',
      en: 'Read orders and payments back from the broker and looked for each of the 8 records the application sent, once, with the same key and the same value.',
    },
    hint: {
      ko: '추적 정보는 헤더에 넣으세요. 값은 애플리케이션의 데이터이고, 래퍼가 바꾸면 모든 컨슈머가 영향을 받습니다.',
      en: "Tracing goes into headers. The value is the application's data: a wrapper that changes it changes it for every consumer.",
    },
    points: 2,
    async run({ cluster }) {
      const stored = await records(cluster);
      const expected = `${SENT.size} records, keys and values as sent`;
      const byName = Map.groupBy(stored, (r) => r.name);
      const missing = [...SENT.keys()].filter((name) => !byName.has(name));
      const changed = stored.filter((r) => SENT.has(r.name) && r.value !== SENT.get(r.name)).map((r) => r.name);
      const extra = [...byName].filter(([name, list]) => !SENT.has(name) || list.length > 1).map(([name]) => name);
      if (missing.length + changed.length + extra.length === 0) return pass({ expected, actual: `${stored.length} records as sent` });
      if (changed.length > 0) {
        return fail(
          { ko: `값이 애플리케이션이 보낸 것과 다른 레코드가 있습니다: ${some(changed)}`, en: `Some records' values differ from what the application sent: ${some(changed)}` },
          { expected, actual: `changed: ${some(changed)}` },
        );
      }
      const actual = [missing.length > 0 && `missing: ${some(missing)}`, extra.length > 0 && `unexpected or repeated: ${some(extra)}`].filter(Boolean).join('; ');
      return fail({ ko: `토픽의 레코드가 애플리케이션이 보낸 것과 다릅니다(${actual}).`, en: `The topics do not hold what the application sent (${actual}).` }, { expected, actual });
    },
  },
  {
    id: 'every-record-traced',
    title: { ko: '모든 레코드에 trace-id와 source-service=checkout 헤더가 있다', en: 'Every record has a trace-id header and source-service=checkout' },
    verifies: {
      ko: 'orders와 payments에서 읽은 레코드마다 헤더를 보고, trace-id가 UUID인지와 source-service가 checkout인지 확인했습니다.',
      en: 'Looked at the headers of every record read back from orders and payments: trace-id a UUID, source-service exactly checkout.',
    },
    hint: {
      ko: '래퍼에서 메시지마다 headers를 새로 만드세요. 호출한 쪽의 헤더를 펼치는 순서가 어느 값이 이기는지 정합니다.',
      en: "Build each message's headers in the wrapper. The order in which you spread the caller's headers decides which value wins.",
    },
    points: 3,
    async run({ cluster }) {
      const stored = await records(cluster);
      const untraced = stored.filter((r) => !UUID.test(r.headers['trace-id'] ?? '')).map((r) => r.name);
      const wrongSource = stored.filter((r) => r.headers['source-service'] !== 'checkout').map((r) => `${r.name} (${r.headers['source-service'] ?? 'none'})`);
      const expected = 'trace-id and source-service=checkout on every record';
      if (stored.length > 0 && untraced.length + wrongSource.length === 0) return pass({ expected, actual: `all ${stored.length} records` });
      if (stored.length === 0) return fail({ ko: 'orders와 payments에 레코드가 없습니다.', en: 'orders and payments hold no records.' }, { expected, actual: 'no records' });
      const parts = [untraced.length > 0 && `no UUID trace-id: ${some(untraced)}`, wrongSource.length > 0 && `source-service: ${some(wrongSource)}`].filter(Boolean).join('; ');
      return fail(
        {
          ko: `헤더가 빠지거나 틀린 레코드가 있습니다(${parts.replace('no UUID trace-id', 'UUID trace-id 없음')}).`,
          en: `Some records lack the headers or carry wrong ones (${parts}).`,
        },
        { expected, actual: parts },
      );
    },
  },
  {
    id: 'trace-ids',
    title: { ko: '레코드마다 자기 trace-id가 있고, 호출한 쪽이 정한 값은 그대로다', en: "Each record has its own trace-id, and the caller's is kept" },
    verifies: {
      ko: '레코드의 trace-id 헤더를 모아, order-3 주문에는 애플리케이션이 정한 값이 남아 있는지, 나머지는 레코드마다 서로 다른지 확인했습니다.',
      en: "Collected the records' trace-id headers: order-3's order keeps the one the application set, and no two of the others share one.",
    },
    hint: {
      ko: 'UUID는 send() 호출마다가 아니라 메시지마다 만드세요. 호출한 쪽이 trace-id를 이미 정했다면 덮어쓰지 마세요.',
      en: "Make a UUID per message, not per send() call, and never overwrite a trace-id the caller already set.",
    },
    points: 3,
    async run({ cluster }) {
      const stored = await records(cluster);
      const expected = `orders/order-3 keeps ${UPSTREAM_TRACE.slice(0, 8)}…; the others all different`;
      const upstream = stored.find((r) => r.name === 'orders/order-3')?.headers['trace-id'];
      if (upstream !== UPSTREAM_TRACE) {
        const actual = `orders/order-3 has ${upstream ?? 'no trace-id'}`;
        return fail(
          { ko: `애플리케이션이 order-3 주문에 정한 trace-id가 바뀌었습니다(${upstream ?? '없음'}).`, en: `The trace-id the application set on order-3's order was replaced (${actual}).` },
          { expected, actual },
        );
      }
      const others = stored.filter((r) => r.name !== 'orders/order-3' && r.headers['trace-id']);
      const shared = [...Map.groupBy(others, (r) => r.headers['trace-id']!)].filter(([, list]) => list.length > 1).map(([, list]) => list.map((r) => r.name).join(' = '));
      if (others.length > 0 && shared.length === 0) return pass({ expected, actual: `order-3 kept; ${others.length} distinct` });
      const actual = shared.length > 0 ? `shared: ${shared.join('; ')}` : 'no other trace-ids';
      return fail(
        { ko: `여러 레코드가 같은 trace-id를 씁니다: ${shared.join('; ') || '없음'}`, en: `Several records share one trace-id: ${shared.join('; ') || 'none'}` },
        { expected, actual },
      );
    },
  },
  {
    id: 'caller-headers-kept',
    title: { ko: '호출한 쪽이 붙인 헤더는 그대로 남았다', en: "The caller's own headers are kept" },
    verifies: {
      ko: '레코드마다 애플리케이션이 붙인 content-type: application/json 헤더가 남아 있는지 확인했습니다.',
      en: 'Checked that every record still carries the content-type: application/json header the application set.',
    },
    hint: {
      ko: '헤더를 새 객체로 바꾸지 말고, 호출한 쪽의 message.headers를 펼쳐 넣으세요.',
      en: "Don't replace the headers with a new object: spread the caller's message.headers into it.",
    },
    points: 2,
    async run({ cluster }) {
      const stored = await records(cluster);
      const lost = stored.filter((r) => r.headers['content-type'] !== 'application/json').map((r) => r.name);
      const expected = 'content-type: application/json on every record';
      if (stored.length > 0 && lost.length === 0) return pass({ expected, actual: `all ${stored.length} records` });
      const actual = stored.length === 0 ? 'no records' : `lost on ${some(lost)}`;
      return fail({ ko: `애플리케이션이 붙인 content-type 헤더가 사라진 레코드: ${some(lost) || '레코드 없음'}`, en: `The application's content-type header is gone from: ${some(lost) || 'no records'}` }, { expected, actual });
    },
  },
];
