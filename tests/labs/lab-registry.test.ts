// labs/<id>/meta.json is what the site reads (the Lab component, the parity check); lab.ts is what the
// sandbox reads. This keeps the two in step.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { labsDir } from '../../sandbox/lab-folders.ts';
import { codeLabIds, loadLab } from '../../sandbox/lab/lab-catalog.ts';
import { lessonSlugs, readOutline } from '../../src/course/outline.ts';
import { resolveCoursePaths } from '../../src/course/paths.ts';
import { scanLesson } from '../../src/integrations/parity/lesson-scan.ts';
import { wrongRoutes } from './wrong-routes.ts';

describe('lab registry', () => {
  it('gives every code lab a meta.json with its lab.ts title, status ready', async () => {
    for (const id of codeLabIds()) {
      const { definition, checks } = await loadLab(id);
      const meta = JSON.parse(readFileSync(join(labsDir, id, 'meta.json'), 'utf8'));
      assert.deepEqual(meta, { kind: 'code', title: definition.title, status: 'ready' }, `labs/${id}/meta.json must match labs/${id}/lab.ts`);
      assert.ok(checks.some((check) => !check.hidden), `${id} shows at least one check in the page`);
      assert.equal(new Set(checks.map((check) => check.id)).size, checks.length, `${id}: check ids are unique`);
    }
  });

  it('gives every code check a verifies line in both languages, and every code lab wrong routes that name its checks', async () => {
    for (const id of codeLabIds()) {
      const { checks } = await loadLab(id);
      for (const check of checks) assert.ok(check.verifies.ko.trim() && check.verifies.en.trim(), `${id}/${check.id}: verifies in ko and en`);
      const routes = wrongRoutes(id);
      assert.ok(routes.length > 0, `labs/${id}/wrong/ holds no wrong route`);
      for (const route of routes) assert.ok(checks.some((check) => check.id === route.fails), `labs/${id}/wrong/${route.name}.ts: @fails ${route.fails} is no check of ${id}`);
    }
  });

  it('has a lab.ts for every ready meta.json of kind code (a planned lab has only its meta.json)', () => {
    const declared = readdirSync(labsDir).filter((id) => {
      if (!existsSync(join(labsDir, id, 'meta.json'))) return false;
      const meta = JSON.parse(readFileSync(join(labsDir, id, 'meta.json'), 'utf8')) as { kind: string; status: string };
      return meta.kind === 'code' && meta.status === 'ready';
    });
    assert.deepEqual(declared.sort(), codeLabIds());
  });

  it('embeds every ready lab and exercise in a lesson of the outline, in both languages', () => {
    const paths = resolveCoursePaths(join(labsDir, '..'));
    const ready = readdirSync(labsDir).filter((id) => existsSync(join(labsDir, id, 'meta.json')) && JSON.parse(readFileSync(join(labsDir, id, 'meta.json'), 'utf8')).status === 'ready');
    for (const locale of ['ko', 'en']) {
      const embedded = new Set(
        lessonSlugs(readOutline(paths.courseFile)).flatMap((slug) =>
          scanLesson(readFileSync(join(paths.lessonsDir, locale, `${slug}.mdx`), 'utf8'))
            .components.filter((c) => c.name === 'Lab' || c.name === 'TerminalExercise')
            .map((c) => c.attributes['id']),
        ),
      );
      assert.deepEqual(ready.filter((id) => !embedded.has(id)), [], `ready labs that no ${locale} lesson embeds`);
    }
  });
});
