// measuredLoad (ADR 083): each charging EVSE's latest measured current moved onto the site's phases
// by its rotation and summed over every circuit above it, with the site meter's non-EV load.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MeasuredDraw } from './dispatch/measured-draw.js';
import { DEFAULT_OPTIONS, type EnergyConfig } from './domain/energy-config.js';
import { measuredLoad } from './measured-load.js';

const at = new Date('2026-01-05T10:00:00Z');
const config = (readings: EnergyConfig['readings'] = null): EnergyConfig => ({
  tenantId: 't', siteId: 's', strategy: 'equal-share', voltageV: 230, options: DEFAULT_OPTIONS, readings, readingsAt: null, updatedAt: at,
  circuits: [{ id: 'grid', parentId: null, maxCurrentA: 63 }, { id: 'panel', parentId: 'grid', maxCurrentA: 40 }, { id: 'row', parentId: 'panel', maxCurrentA: 32 }],
  evses: [
    { stationId: 'A', evseId: 1, circuitId: 'row', phases: 3, phaseRotation: 'RST', maxCurrentA: 32 },
    { stationId: 'A', evseId: 2, circuitId: 'row', phases: 3, phaseRotation: 'TRS', maxCurrentA: 32 },
    { stationId: 'B', evseId: 1, circuitId: 'panel', phases: 3, maxCurrentA: 32 },
    { stationId: 'B', evseId: 2, circuitId: 'grid', phases: 3, maxCurrentA: 32 },
  ],
});
const draw = (measuredA: number[], seconds = 0): MeasuredDraw => ({ measuredA, sampledAt: new Date(at.getTime() + seconds * 1000) });

describe('smart charging: measured load per circuit and site phase', () => {
  it('rotations move each EV onto its site phase; nested circuits sum everything below them; an unmeasured session is counted, not summed', () => {
    const sessions = new Map([['A/1', 's1'], ['A/2', 's2'], ['B/1', 's3'], ['B/2', 's4']]);
    const draws = new Map([['s1', draw([16])], ['s2', draw([10], -30)], ['s3', draw([8, 8, 7.95])]]);
    const { evses, circuits } = measuredLoad(config(), sessions, draws);
    const byId = new Map(circuits.map((c) => [c.circuitId, c]));
    // A/2 is wired TRS: its L1 is the site's L3.
    assert.deepEqual(evses.map((e) => [e.evseId, e.currentA]), [['A/1', [16, 0, 0]], ['A/2', [0, 0, 10]], ['B/1', [8, 8, 8]]]);
    assert.deepEqual(byId.get('row'), { circuitId: 'row', currentA: [16, 0, 10], charging: 2, measured: 2, oldestSampleAt: '2026-01-05T09:59:30.000Z' });
    assert.deepEqual(byId.get('panel')!.currentA, [24, 8, 18]);
    assert.deepEqual([byId.get('grid')!.charging, byId.get('grid')!.measured], [4, 3]);
  });

  it('the site meter load counts on its circuit and every circuit above it, not below', () => {
    const { circuits } = measuredLoad(config({ siteLoadA: [5, 6, 7], siteLoadCircuitId: 'panel' }), new Map(), new Map());
    assert.deepEqual(circuits.map((c) => [c.circuitId, c.currentA, c.charging]), [['grid', [5, 6, 7], 0], ['panel', [5, 6, 7], 0], ['row', [0, 0, 0], 0]]);
    const onGrid = measuredLoad(config({ siteLoadA: 3 }), new Map(), new Map()).circuits;
    assert.deepEqual(onGrid.map((c) => c.currentA), [[3, 3, 3], [0, 0, 0], [0, 0, 0]]);
  });
});
