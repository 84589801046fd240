import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mirrorInSources } from '../../sandbox/image/debian-mirror.ts';
import { KAFKA_CLI_TOOLS, resolveToolClasses, toolScript } from '../../sandbox/image/kafka-cli-tools.ts';

describe('the Debian mirror for debootstrap', () => {
  const deb822 = {
    path: '/etc/apt/sources.list.d/debian.sources',
    text: [
      'Types: deb', 'URIs: http://mirror.example/debian', 'Suites: bookworm bookworm-updates', 'Components: main', '',
      'Types: deb', 'URIs: http://mirror.example/debian-security', 'Suites: bookworm-security', 'Components: main',
    ].join('\n'),
  };
  const thirdParty = { path: '/etc/apt/sources.list.d/vendor.list', text: 'deb [signed-by=/k.gpg] https://vendor.example/apt stable main\n' };

  it('reads deb822 sources, skipping other suites and third-party repositories', () => {
    assert.equal(mirrorInSources([thirdParty, deb822], 'bookworm'), 'http://mirror.example/debian');
    assert.equal(mirrorInSources([thirdParty, deb822], 'trixie'), undefined);
  });

  it('reads one-line sources with options', () => {
    const list = { path: '/etc/apt/sources.list', text: '# comment\ndeb-src http://src.example/debian bookworm main\ndeb [arch=amd64] http://one.example/debian bookworm main contrib\n' };
    assert.equal(mirrorInSources([list], 'bookworm'), 'http://one.example/debian');
  });
});

describe('the CLI tools of the image', () => {
  const kafka4 = new Set(Object.values(KAFKA_CLI_TOOLS).map((candidates) => candidates[0]!));

  it('picks the 4.x classes when the jars have them', () => {
    assert.equal(resolveToolClasses(kafka4).get('topics'), 'org.apache.kafka.tools.TopicCommand');
  });

  it('falls back to the 3.x Scala classes', () => {
    const kafka3 = new Set([...kafka4].filter((name) => name !== 'org.apache.kafka.tools.DumpLogSegments').concat('kafka.tools.DumpLogSegments'));
    assert.equal(resolveToolClasses(kafka3).get('dump-log'), 'kafka.tools.DumpLogSegments');
  });

  it('fails the build when a tool has no main class', () => {
    const withoutConfigs = new Set([...kafka4].filter((name) => !name.includes('ConfigCommand')));
    assert.throws(() => resolveToolClasses(withoutConfigs), /no main class for kafka-configs/);
  });

  it('launches through kafka-run-class.sh with the arguments passed on', () => {
    assert.equal(toolScript('x.Main'), '#!/bin/sh\nexec "$(dirname "$0")/kafka-run-class.sh" x.Main "$@"\n');
  });
});
