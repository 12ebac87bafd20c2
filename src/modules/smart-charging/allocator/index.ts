export { allocateSiteLimits } from './allocate.js';
export { InvalidAllocationInputError } from './participants.js';
export { checkTopology, InvalidTopologyError, type TopologyProblem } from './topology.js';
export type * from './types.js';
export { applyMinimumChange, type MinimumChangeOptions } from './hysteresis.js';
export { computeFallbackLimits, type FallbackInput } from './fallback.js';
export { findOverloads } from './verify.js';
