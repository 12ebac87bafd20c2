// Payloads of the transaction messages a simulated station sends, in either OCPP family's shape.
// 1.6: StartTransaction / MeterValues / StopTransaction; 2.x: TransactionEvent Started / Updated / Ended.
import type { Instant } from './charging-model.js';

/** One sampled meter reading, version-neutral. */
export type Reading = { at: Date; registerWh: number; instant?: Instant; context: 'Transaction.Begin' | 'Sample.Periodic' | 'Transaction.End' };

const PHASES = ['L1', 'L2', 'L3'] as const;

/** What the meter reports: the register always; power, current per phase and (DC) SoC while running. */
function samples(reading: Reading, dc: boolean): Array<{ measurand: string; value: number; unit: string; phase?: string }> {
  const list: Array<{ measurand: string; value: number; unit: string; phase?: string }> = [
    { measurand: 'Energy.Active.Import.Register', value: reading.registerWh, unit: 'Wh' },
  ];
  const instant = reading.instant;
  if (!instant) return list;
  list.push({ measurand: 'Power.Active.Import', value: instant.powerW, unit: 'W' });
  if (dc) list.push({ measurand: 'Current.Import', value: instant.currents[0] ?? 0, unit: 'A' });
  else instant.currents.forEach((amps, i) => list.push({ measurand: 'Current.Import', value: amps, unit: 'A', phase: PHASES[i]! }));
  if (dc) list.push({ measurand: 'SoC', value: Math.floor(instant.socPercent), unit: 'Percent' });
  return list;
}

/** 1.6 MeterValue: values are strings. */
export function meterValue16(reading: Reading, dc: boolean) {
  return {
    timestamp: reading.at.toISOString(),
    sampledValue: samples(reading, dc).map((s) => ({
      value: String(s.value), context: reading.context, measurand: s.measurand, unit: s.unit, location: 'Outlet', ...(s.phase ? { phase: s.phase } : {}),
    })),
  };
}

/** 2.x MeterValueType: values are numbers, units in unitOfMeasure. */
export function meterValue2x(reading: Reading, dc: boolean) {
  return {
    timestamp: reading.at.toISOString(),
    sampledValue: samples(reading, dc).map((s) => ({
      value: s.value, context: reading.context, measurand: s.measurand, unitOfMeasure: { unit: s.unit }, location: 'Outlet', ...(s.phase ? { phase: s.phase } : {}),
    })),
  };
}

/** Why a session ended, in each family's words. */
export type StopCause = 'Local' | 'Remote' | 'EVDisconnected' | 'DeAuthorized';

export const STOP_TRIGGER_2X: Record<StopCause, string> = {
  Local: 'StopAuthorized', Remote: 'RemoteStop', EVDisconnected: 'EVCommunicationLost', DeAuthorized: 'Deauthorized',
};
