export { allocateSiteLimits } from './allocate.js';
export { InvalidAllocationInputError } from './participants.js';
export { checkTopology, InvalidTopologyError, type TopologyProblem } from './topology.js';
export type * from './types.js';
