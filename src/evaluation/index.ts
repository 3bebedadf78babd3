/**
 * The evaluation capability's public API: what other capabilities (the privacy registry) ask of the half-yearly
 * evaluations. They import this file, never evaluation's stores.
 */

export { countEvaluationsDue, type EvaluationDueCount } from './evaluation-counts.js';
export { readEvaluationNetworkId } from './evaluation-store.js';
export { describeEvaluationsOfPerson, eraseFromEvaluations } from './person-data-store.js';
