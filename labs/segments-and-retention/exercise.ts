import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const server = '--bootstrap-server $BOOTSTRAP_SERVERS';
/** --sync sends each line as its own request and waits for it; --timeout 0 drops the console producer's 1 s linger that would hold each one. */
const round = (from: number, to: number) => `seq -f 'click-%03g' ${from} ${to} | kafka-console-producer ${server} --topic clicks --sync --timeout 0`;
const dir = '/var/lib/kafka/data/clicks-0';

export const exercise: ExerciseDefinition = {
  id: 'segments-and-retention',
  title: { ko: '세그먼트와 보존: 인덱스를 읽고 지워질 세그먼트 예측하기', en: 'Segments and retention: reading the indexes and predicting deletions' },
  cluster: {
    nodes: 1,
    brokerConfig: {
      // Retention looks at the partitions every 3 s instead of every 5 minutes, so a lowered retention.ms acts while the learner watches.
      'log.retention.check.interval.ms': 3000,
      // Deleted segments wait as .deleted files for an hour instead of a minute: time to list them, and for the checks to read the indexes of a deleted segment.
      'log.segment.delete.delay.ms': 3_600_000,
    },
  },
  steps: [
    {
      id: 'roll',
      title: { ko: '5초마다 롤링하는 세그먼트', en: 'Segments that roll every five seconds' },
      body: [
        {
          ko: '`segment.ms=5000`과 `index.interval.bytes=200`으로 `clicks` 토픽을 만드세요. 액티브 세그먼트의 첫 레코드가 5초보다 오래되면 다음 레코드가 올 때 세그먼트가 롤링되고, 로그가 200바이트 쌓일 때마다 인덱스 항목이 하나 생깁니다.',
          en: 'Create `clicks` with `segment.ms=5000` and `index.interval.bytes=200`: once the active segment\'s first record is more than 5 s old, the next record rolls it, and every 200 bytes of log get an index entry.',
        },
        {
          ko: '레코드 40개씩 세 번, 6초 넘게 간격을 두고 쓰세요(`click-001`~`click-120`). `--sync`는 한 줄을 요청 하나로 보내고 응답을 기다리므로 레코드마다 배치가 하나씩 생깁니다. 그다음 `/var/lib/kafka/data/clicks-0`을 나열해 세그먼트가 몇 개인지, 어느 것이 액티브인지 보세요.',
          en: 'Write three rounds of 40 records (`click-001` to `click-120`) more than 6 s apart. `--sync` sends each line as its own request and waits for it, so every record gets a batch of its own. Then list `/var/lib/kafka/data/clicks-0`: how many segments are there, and which one is active?',
        },
      ],
      hints: [
        { ko: '`kafka-topics --create`에 `--config 이름=값`을 두 번 주세요.', en: 'Give `kafka-topics --create` two `--config name=value` options.' },
        { ko: '`seq -f \'click-%03g\' 1 40 | kafka-console-producer ... --sync --timeout 0`, 그리고 `sleep 6`', en: '`seq -f \'click-%03g\' 1 40 | kafka-console-producer ... --sync --timeout 0`, then `sleep 6`' },
      ],
      solution: [
        `kafka-topics ${server} --create --topic clicks --config segment.ms=5000 --config index.interval.bytes=200`,
        round(1, 40),
        'sleep 6',
        round(41, 80),
        'sleep 6',
        round(81, 120),
        `ls -l ${dir}`,
      ],
    },
    {
      id: 'indexes',
      title: { ko: '인덱스 읽기', en: 'Reading the indexes' },
      body: [
        {
          ko: '닫힌 세그먼트 `0`의 `.index`와 `.timeindex`를 `kafka-dump-log --files`로 해석하세요. `.index` 항목은 오프셋과 그 배치가 `.log`에서 시작하는 바이트 위치를, `.timeindex` 항목은 그때까지의 가장 큰 타임스탬프와 그 오프셋을 잇습니다.',
          en: 'Decode closed segment `0`\'s `.index` and `.timeindex` with `kafka-dump-log --files`. An `.index` entry maps an offset to the byte position where its batch starts in the `.log`; a `.timeindex` entry maps the largest timestamp so far to its offset.',
        },
        {
          ko: '컨슈머가 오프셋 31부터 가져가려 하면 브로커는 `.log`의 몇 번째 바이트부터 읽기 시작할까요? 그리고 보존 정책이 `retention.ms`와 비교하는, 세그먼트 `0`의 가장 새로운 타임스탬프는 무엇일까요?',
          en: 'A consumer fetches from offset 31: at which byte of the `.log` does the broker start reading? And what is segment `0`\'s newest timestamp, the one retention compares with `retention.ms`?',
        },
      ],
      hints: [
        { ko: '인덱스는 희소합니다. 브로커는 찾는 오프셋 이하인 마지막 항목에서 시작해 앞으로 훑습니다.', en: 'The index is sparse: the broker starts at the last entry at or below the offset it looks for and scans forward.' },
        { ko: '닫힌 세그먼트의 `.timeindex` 마지막 항목이 그 세그먼트에서 가장 큰 타임스탬프입니다.', en: 'The last entry of a closed segment\'s `.timeindex` holds the segment\'s largest timestamp.' },
      ],
      solution: [`kafka-dump-log --files ${dir}/00000000000000000000.index`, `kafka-dump-log --files ${dir}/00000000000000000000.timeindex`],
      answers: [
        { id: 'fetch-position', label: { ko: '오프셋 31을 가져갈 때 세그먼트 0의 .log에서 읽기 시작하는 바이트 위치', en: 'The byte position in segment 0\'s .log where a fetch from offset 31 starts reading' }, placeholder: '0' },
        { id: 'newest-timestamp', label: { ko: '세그먼트 0의 가장 새로운 타임스탬프 (.timeindex의 마지막 항목)', en: 'Segment 0\'s newest timestamp (the last .timeindex entry)' }, placeholder: '1700000000000' },
      ],
    },
    {
      id: 'predict',
      title: { ko: '지워질 세그먼트 예측하기', en: 'Predict the deletions' },
      body: [
        {
          ko: '네 번째 라운드(`click-121`~`click-160`)를 쓰세요. 5초가 넘게 지났으니 세그먼트 `80`이 닫히고 `120`이 새 액티브 세그먼트가 됩니다. 오래된 레코드를 담은 닫힌 세그먼트 셋과 방금 쓴 레코드를 담은 액티브 세그먼트 하나가 남습니다.',
          en: 'Write a fourth round (`click-121` to `click-160`). More than 5 s have passed, so it closes segment `80` and starts `120`: three closed segments of old records and an active one of fresh records.',
        },
        {
          ko: '바로 이어서 토픽에 `retention.ms=30000`(30초)을 걸 것입니다. 그 전에, 그러면 지워질 세그먼트들의 기준 오프셋을 답란에 적어 두세요. 세그먼트마다 가장 새로운 타임스탬프(`.timeindex`의 마지막 항목)를 지금 시각(`date +%s%3N`)과 비교하면 됩니다. 이 클러스터의 브로커는 보존 점검을 3초마다 합니다(`log.retention.check.interval.ms=3000`, 기본값은 5분).',
          en: 'Right after it you will set `retention.ms=30000` (30 s) on the topic. Before that, write down the base offsets of the segments it will delete: compare each segment\'s newest timestamp (its `.timeindex`\'s last entry) with the clock (`date +%s%3N`). This cluster\'s broker runs its retention check every 3 s (`log.retention.check.interval.ms=3000`; 5 minutes by default).',
        },
        {
          ko: '설정을 건 뒤 디렉터리를 다시 나열하고 `kafka-get-offsets --time earliest`로 로그 시작 오프셋을 물어, `.deleted` 파일과 함께 예측과 비교하세요. 이 클러스터는 `.deleted` 파일을 60초가 아니라 한 시간 동안 둡니다(`log.segment.delete.delay.ms`, 토픽 설정 `file.delete.delay.ms`의 브로커 기본값).',
          en: 'Once it is set, list the directory again and ask for the log start offset with `kafka-get-offsets --time earliest`; compare both, and the `.deleted` files, with your prediction. This cluster keeps `.deleted` files for an hour instead of 60 s (`log.segment.delete.delay.ms`, the broker default of the topic config `file.delete.delay.ms`).',
        },
        {
          ko: '30초쯤 더 기다렸다가 한 번 더 나열하세요. 이제 세그먼트 `120`의 레코드도 모두 만료되었습니다. 브로커는 비어 있는 새 액티브 세그먼트 `160`을 롤링하고 `120`을 지웁니다. 액티브 세그먼트라고 해서 보존에서 벗어나지는 않습니다.',
          en: 'Wait another half minute and list it once more: now every record of segment `120` has expired too. The broker rolls a new, empty active segment `160` and deletes `120`: being active does not exempt a segment from retention.',
        },
      ],
      hints: [
        { ko: '세그먼트는 가장 새로운 레코드가 `retention.ms`보다 오래되었을 때 통째로 지워집니다.', en: 'A segment goes as a whole once its newest record is older than `retention.ms`.' },
        { ko: '액티브 세그먼트는 레코드가 모두 만료되어야 롤링되고 지워집니다. 방금 쓴 레코드가 있다면 남습니다.', en: 'The active segment is rolled and deleted only when all its records have expired: with fresh records in it, it stays.' },
        { ko: '`kafka-configs ... --alter --entity-type topics --entity-name clicks --add-config retention.ms=30000`', en: '`kafka-configs ... --alter --entity-type topics --entity-name clicks --add-config retention.ms=30000`' },
      ],
      solution: [
        // The first three rounds must be more than 30 s old when retention.ms drops, however fast the steps before went.
        'sleep 30',
        round(121, 160),
        `kafka-configs ${server} --alter --entity-type topics --entity-name clicks --add-config retention.ms=30000`,
        `until ls ${dir} | grep -q '\\.deleted$'; do sleep 1; done`,
        `ls -l ${dir}`,
        `kafka-get-offsets ${server} --topic clicks --time earliest`,
        // The fourth round's records are then over 30 s old, and retention has checked since.
        'sleep 40',
        `ls ${dir}`,
      ],
      answers: [
        { id: 'deleted-segments', label: { ko: 'retention.ms=30000이 지울 세그먼트의 기준 오프셋 (쉼표로)', en: 'Base offsets of the segments retention.ms=30000 will delete (comma-separated)' }, placeholder: '0, 10, 20' },
      ],
    },
  ],
};
