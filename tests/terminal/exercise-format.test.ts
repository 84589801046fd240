// Every terminal exercise keeps to the format's rules that need no cluster: each check says what it verified
// in both languages, and each has wrong routes written down that must fail it (typed for real by the
// exercise's own test).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { WrongRoute } from '../../sandbox/lab-kit/exercise-format.ts';
import { importFromLab, labHasFile, labsDir } from '../../sandbox/lab-folders.ts';
import { isTerminalExercise, loadExercise } from '../../sandbox/terminal/exercise-catalog.ts';

const exercises = readdirSync(labsDir).filter(isTerminalExercise);

describe('terminal exercise format', () => {
  it('finds every terminal exercise', () => {
    assert.deepEqual(exercises.sort(), ['compaction', 'console-producer-consumer', 'consumer-groups-cli', 'consumer-lag', 'controller-failover', 'dump-log', 'group-liveness', 'group-protocols', 'kafka-configs', 'kafka-topics', 'log-and-subscribers', 'segments-and-retention']);
  });

  for (const id of exercises) {
    it(`${id}: every check says what it verified and has wrong routes that name it`, async () => {
      const { definition, checks } = await loadExercise(id);
      assert.ok(labHasFile(id, 'wrong-routes.ts'), `labs/${id}/wrong-routes.ts`);
      const routes = await importFromLab<WrongRoute[]>(id, 'wrong-routes.ts', 'wrongRoutes');
      for (const check of checks) {
        assert.match(check.verifies.ko, /[가-힣]/, `${check.id}: verifies in Korean`);
        assert.match(check.verifies.en, /^[A-Z].*\.$/, `${check.id}: verifies in English, one sentence`);
        assert.doesNotMatch(`${check.verifies.ko}${check.verifies.en}`, /\n/, `${check.id}: verifies is one line`);
        assert.ok(routes.some((route) => route.fails === check.id), `${check.id} has a wrong route`);
      }
      const steps = new Set(definition.steps.map((step) => step.id));
      for (const route of routes) {
        assert.ok(steps.has(route.step), `"${route.name}": step ${route.step}`);
        assert.equal(checks.find((check) => check.id === route.fails)?.step, route.step, `"${route.name}" fails a check of its step`);
      }
      assert.equal(new Set(routes.map((route) => route.name)).size, routes.length, 'each route named once');
    });
  }
});
