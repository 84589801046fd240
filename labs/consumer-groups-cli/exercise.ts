import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const server = '--bootstrap-server $BOOTSTRAP_SERVERS';
const groups = `kafka-consumer-groups ${server}`;
const consumer = `kafka-console-consumer ${server} --topic payments`;

export const exercise: ExerciseDefinition = {
  id: 'consumer-groups-cli',
  title: { ko: 'kafka-consumer-groups: 조회, 오프셋 재설정, 그룹 삭제', en: 'kafka-consumer-groups: describe, reset offsets, delete a group' },
  cluster: { nodes: 1 },
  steps: [
    {
      id: 'read',
      title: { ko: '그룹으로 읽고 랙 보기', en: 'Read as a group and look at its lag' },
      body: [
        { ko: '파티션 3개짜리 `payments`를 만들고 `kafka-console-producer`로 `pay-1`부터 `pay-6`까지 여섯 줄을 보낸 뒤 Ctrl+D로 끝내세요.', en: 'Create `payments` with three partitions and send six lines, `pay-1` to `pay-6`, with `kafka-console-producer`; end with Ctrl+D.' },
        { ko: '컨슈머 그룹 `reports`로 `payments`를 처음부터 여섯 건 모두 읽은 뒤, `kafka-consumer-groups --describe`로 파티션마다 CURRENT-OFFSET, LOG-END-OFFSET, LAG를 보세요. 멤버가 남아 있지 않다는 문구도 눈여겨보세요.', en: 'Read all six records of `payments` from the beginning in the consumer group `reports`, then look at CURRENT-OFFSET, LOG-END-OFFSET and LAG per partition with `kafka-consumer-groups --describe`. Note the line saying the group has no active members.' },
      ],
      hints: [
        { ko: '컨슈머에 `--group reports --from-beginning`을 붙이고, `--max-messages 6`이면 다 읽은 뒤 스스로 끝납니다.', en: 'Give the consumer `--group reports --from-beginning`; with `--max-messages 6` it stops by itself once everything is read.' },
        { ko: '`kafka-consumer-groups --bootstrap-server $BOOTSTRAP_SERVERS --describe --group reports`', en: '`kafka-consumer-groups --bootstrap-server $BOOTSTRAP_SERVERS --describe --group reports`' },
      ],
      solution: [
        `kafka-topics ${server} --create --topic payments --partitions 3`,
        `kafka-console-producer ${server} --topic payments`,
        'pay-1',
        'pay-2',
        'pay-3',
        'pay-4',
        'pay-5',
        'pay-6',
        '^D',
        `${consumer} --group reports --from-beginning --max-messages 6`,
        `${groups} --describe --group reports`,
      ],
    },
    {
      id: 'reset',
      title: { ko: '오프셋을 처음으로 되돌려 다시 처리하기', en: 'Reset the offsets to the start and process again' },
      body: [
        { ko: '`reports`가 `payments`를 처음부터 다시 처리하게 하려 합니다. `--reset-offsets --to-earliest`를 먼저 `--dry-run`으로 실행해 NEW-OFFSET을 확인하고, 그다음 `--execute`로 적용하세요. 그룹에 실행 중인 멤버가 없어야 합니다.', en: 'You want `reports` to process `payments` again from the start. Run `--reset-offsets --to-earliest` with `--dry-run` first and look at NEW-OFFSET, then apply it with `--execute`. The group must have no running members.' },
        { ko: '`--execute` 전에 다른 목표도 `--dry-run`으로 비교해 보세요. `--shift-by -2`, 한 파티션만 바꾸는 `--topic payments:0 --to-offset 3` 같은 것입니다. `--dry-run`은 아무것도 쓰지 않습니다.', en: 'Before `--execute`, compare other targets with `--dry-run`: `--shift-by -2`, or one partition only with `--topic payments:0 --to-offset 3`. A dry run writes nothing.' },
        { ko: '`--describe`로 LAG가 어떻게 바뀌었는지 보고, 같은 그룹으로 컨슈머를 다시 띄워 여섯 건을 다시 읽으세요. 이번에는 `--from-beginning`이 필요 없습니다. 왜일까요?', en: 'Check with `--describe` how LAG changed, then start a consumer in the same group again and read the six records once more. This time `--from-beginning` is not needed: why?' },
      ],
      hints: [
        { ko: '범위는 `--group reports --topic payments`, 대상은 `--to-earliest`입니다.', en: 'The scope is `--group reports --topic payments`, the target `--to-earliest`.' },
        { ko: '`--dry-run`은 아무것도 바꾸지 않습니다. 실제로 바꾸는 것은 `--execute`입니다.', en: '`--dry-run` changes nothing; `--execute` is what writes the offsets.' },
      ],
      solution: [
        `${groups} --group reports --topic payments --reset-offsets --to-earliest --dry-run`,
        `${groups} --group reports --topic payments --reset-offsets --to-earliest --execute`,
        `${groups} --describe --group reports`,
        `${consumer} --group reports --max-messages 6`,
      ],
    },
    {
      id: 'delete',
      title: { ko: '그룹 삭제하기', en: 'Delete a group' },
      body: [
        { ko: '임시 그룹 `scratch`로 `payments`를 처음부터 한 번 읽고, `--list`에 `scratch`가 보이는지 확인하세요.', en: 'Read `payments` once from the beginning with a throwaway group, `scratch`, and check that `--list` shows it.' },
        { ko: '`--delete --group scratch`로 그룹과 그 커밋된 오프셋을 한꺼번에 지우고, `--list`로 사라졌는지 확인하세요. `offsets.retention.minutes`가 지나기를 기다릴 필요가 없습니다.', en: 'Remove the group and its committed offsets at once with `--delete --group scratch`, and check with `--list` that it is gone. No need to wait for `offsets.retention.minutes`.' },
      ],
      hints: [
        { ko: '지울 수 있는 것은 멤버가 없는 그룹뿐입니다. 컨슈머가 끝난 뒤에 지우세요.', en: 'Only a group without members can be deleted: delete it after the consumer has stopped.' },
      ],
      solution: [
        `${consumer} --group scratch --from-beginning --max-messages 6`,
        `${groups} --list`,
        `${groups} --delete --group scratch`,
        `${groups} --list`,
      ],
    },
  ],
};
