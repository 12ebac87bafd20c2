// Charging-profile vocabulary both sides of OCPP use (the CSMS's smart charging and the simulated
// stations): the purposes of each version family under one version-neutral name, and the nominal
// phase voltage that turns a W limit into amps (1.6 §3.13 / 2.0.1 K01 leave it to the parties).
export type ProfilePurpose = 'StationMax' | 'TxDefault' | 'Tx' | 'External';

const PURPOSE_16: Record<string, ProfilePurpose> = { ChargePointMaxProfile: 'StationMax', TxDefaultProfile: 'TxDefault', TxProfile: 'Tx' };
const PURPOSE_2X: Record<string, ProfilePurpose> = {
  ChargingStationMaxProfile: 'StationMax', TxDefaultProfile: 'TxDefault', TxProfile: 'Tx', ChargingStationExternalConstraints: 'External',
};

/** The version's name of a purpose (1.6 ChargePointMaxProfile is 2.x ChargingStationMaxProfile). */
export const purposeName = (purpose: ProfilePurpose, v16: boolean): string =>
  (Object.entries(v16 ? PURPOSE_16 : PURPOSE_2X).find(([, p]) => p === purpose)?.[0]) ?? purpose;

/** The neutral purpose of a version's name; undefined for one the version does not have. */
export const purposeOf = (name: string, v16: boolean): ProfilePurpose | undefined => (v16 ? PURPOSE_16 : PURPOSE_2X)[name];

/** Nominal AC phase-to-neutral voltage for W <-> A conversions of limits. */
export const NOMINAL_PHASE_VOLTAGE = 230;

/** Amps per phase of a limit in `unit` (W over `phases` phases). */
export const limitInAmps = (limit: number, unit: 'A' | 'W', phases: number): number => (unit === 'A' ? limit : limit / (NOMINAL_PHASE_VOLTAGE * phases));

/** A limit in amps per phase, expressed in `unit`. */
export const ampsInUnit = (amps: number, unit: 'A' | 'W', phases: number): number => (unit === 'A' ? amps : Math.round(amps * NOMINAL_PHASE_VOLTAGE * phases));
