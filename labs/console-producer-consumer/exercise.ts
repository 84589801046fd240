import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const producer = 'kafka-console-producer --bootstrap-server $BOOTSTRAP_SERVERS';
const consumer = 'kafka-console-consumer --bootstrap-server $BOOTSTRAP_SERVERS';

export const exercise: ExerciseDefinition = {
  id: 'console-producer-consumer',
  title: { ko: '콘솔 프로듀서와 컨슈머', en: 'The console producer and consumer' },
  cluster: { nodes: 1 },
  steps: [
    {
      id: 'keyless',
      title: { ko: '키 없는 메시지', en: 'Messages without keys' },
      body: [
        { ko: '`kafka-console-producer`로 `welcome-topic`에 두 줄 이상 보내고 Ctrl+D로 끝내세요. 한 줄이 메시지 하나입니다.', en: 'Send two or more lines to `welcome-topic` with `kafka-console-producer` and end with Ctrl+D. Each line is one message.' },
        { ko: '`--from-beginning` 없이 컨슈머를 띄우면 무엇이 보이나요? 붙이면요? (`auto.offset.reset` 기본값은 `latest`)', en: 'What does a consumer show without `--from-beginning`? And with it? (`auto.offset.reset` defaults to `latest`.)' },
      ],
      hints: [{ ko: '토픽이 없으면 먼저 `kafka-topics --create`로 만드세요.', en: 'Create the topic with `kafka-topics --create` first if it does not exist.' }],
      solution: [
        'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic welcome-topic',
        `${producer} --topic welcome-topic`,
        'hello',
        'kafka',
        '^D',
        `${consumer} --topic welcome-topic --from-beginning --max-messages 2`,
      ],
    },
    {
      id: 'keyed',
      title: { ko: '키가 있는 메시지', en: 'Keyed messages' },
      body: [
        { ko: '파티션 3개짜리 `orders`를 만들고, `parse.key`와 `key.separator`로 `01:aaa`, `02:bbb`, `01:ccc`, `02:ddd`, `03:eee`를 이 순서로 보내세요.', en: 'Create `orders` with three partitions and send `01:aaa`, `02:bbb`, `01:ccc`, `02:ddd`, `03:eee` in this order, with `parse.key` and `key.separator`.' },
      ],
      hints: [
        { ko: '`--reader-property parse.key=true --reader-property key.separator=:`', en: '`--reader-property parse.key=true --reader-property key.separator=:`' },
      ],
      solution: [
        'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic orders --partitions 3',
        `${producer} --topic orders --reader-property parse.key=true --reader-property key.separator=:`,
        '01:aaa',
        '02:bbb',
        '01:ccc',
        '02:ddd',
        '03:eee',
        '^D',
      ],
    },
    {
      id: 'print-partitions',
      title: { ko: '키와 파티션 출력하기', en: 'Printing keys and partitions' },
      body: [
        { ko: '`print.key`와 `print.partition`을 켜고 처음부터 읽으세요. 같은 키의 메시지는 어느 파티션에 어떤 순서로 있나요?', en: 'Read from the beginning with `print.key` and `print.partition` on. Where, and in which order, are the messages of one key?' },
      ],
      hints: [{ ko: '`--formatter-property print.key=true --formatter-property print.partition=true`', en: '`--formatter-property print.key=true --formatter-property print.partition=true`' }],
      solution: [
        `${consumer} --topic orders --from-beginning --formatter-property print.key=true --formatter-property print.partition=true --max-messages 5`,
      ],
      answers: [{ id: 'partition-of-01', label: { ko: '키 01의 메시지가 있는 파티션 번호', en: 'The partition holding key 01\'s messages' }, placeholder: '0' }],
    },
    {
      id: 'group',
      title: { ko: '컨슈머 그룹과 커밋된 오프셋', en: 'A consumer group and its committed offsets' },
      body: [
        { ko: '`--group reader-1`로 `orders`를 처음부터 끝까지 읽은 뒤, `kafka-consumer-groups --describe`로 그룹이 커밋한 오프셋을 보세요.', en: 'Read `orders` to the end with `--group reader-1`, then look at the group\'s committed offsets with `kafka-consumer-groups --describe`.' },
      ],
      hints: [{ ko: '다 읽었으면 Ctrl+C로 멈추거나 `--max-messages 5`를 붙이세요.', en: 'Stop with Ctrl+C once everything is read, or add `--max-messages 5`.' }],
      solution: [
        `${consumer} --topic orders --group reader-1 --from-beginning --max-messages 5`,
        'kafka-consumer-groups --bootstrap-server $BOOTSTRAP_SERVERS --describe --group reader-1',
      ],
    },
  ],
};
