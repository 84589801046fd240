// labs/<id>/meta.json is what the site reads (the Lab component, the parity check); lab.ts is what the
// sandbox reads. This keeps the two in step.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { codeLabIds, labsDir, loadLab } from '../../sandbox/runner/lab-catalog.ts';

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

  it('has a lab.ts for every meta.json of kind code', () => {
    const declared = readdirSync(labsDir).filter((id) => existsSync(join(labsDir, id, 'meta.json')) && JSON.parse(readFileSync(join(labsDir, id, 'meta.json'), 'utf8')).kind === 'code');
    assert.deepEqual(declared.sort(), codeLabIds());
  });
});
