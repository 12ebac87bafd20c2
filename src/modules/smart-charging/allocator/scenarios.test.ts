// Table test over scenarios/*.json: each file holds an `input` for allocateSiteLimits and the
// `expected` limits with their provenance (worked out by hand, the arithmetic in `description`).
// Every EVSE listed in `expected.evses` must match exactly (limit, phases when given, and the whole
// reason); `expected.constraints` entries are matched on the fields they give.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { allocateSiteLimits } from './allocate.js';
import type { AllocationInput, ConstraintUsage, EvseAllocation } from './types.js';
import { findOverloads } from './verify.js';

type Scenario = {
  description: string;
  input: AllocationInput;
  expected: {
    evses: (Pick<EvseAllocation, 'evseId' | 'limitA' | 'reason'> & { phases?: number; sessionId?: string | null })[];
    constraints?: Partial<ConstraintUsage>[];
    batteryDischargeKw?: number;
  };
};

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('allocator scenarios', () => {
  it('has at least 30 scenario files', () => assert.ok(files.length >= 30, `only ${files.length} scenarios`));
  for (const file of files) {
    const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
    it(`${file.replace(/\.json$/, '')}: ${scenario.description.split(/\.\s/)[0]}`, () => {
      const result = allocateSiteLimits(scenario.input);
      for (const want of scenario.expected.evses) {
        const got = result.evses.find((e) => e.evseId === want.evseId);
        assert.ok(got, `no allocation for ${want.evseId}`);
        assert.equal(got.limitA, want.limitA, `${want.evseId} limit (reason ${JSON.stringify(got.reason)})`);
        assert.deepEqual(got.reason, want.reason, `${want.evseId} reason`);
        if (want.phases !== undefined) assert.equal(got.phases, want.phases, `${want.evseId} phases`);
        if (want.sessionId !== undefined) assert.equal(got.sessionId, want.sessionId, `${want.evseId} session`);
      }
      for (const want of scenario.expected.constraints ?? []) {
        const got = result.constraints.find((c) => c.circuitId === want.circuitId && c.phase === want.phase && (c.signalId ?? null) === (want.signalId ?? null));
        assert.ok(got, `no constraint ${JSON.stringify(want)}`);
        for (const [key, value] of Object.entries(want)) assert.deepEqual(got[key as keyof ConstraintUsage], value, `${want.circuitId}/${want.phase} ${key}`);
      }
      if (scenario.expected.batteryDischargeKw !== undefined) assert.equal(result.batteryDischargeKw, scenario.expected.batteryDischargeKw);
      // Whatever the scenario, the independent checker must find no constraint above its cap.
      assert.deepEqual(findOverloads(scenario.input, result), []);
      // And the same input gives the same output.
      assert.deepEqual(allocateSiteLimits(structuredClone(scenario.input)), result);
    });
  }
});
