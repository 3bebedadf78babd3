import type { Suite } from '../lib/types.js';
import { apiRead } from './api-read.js';
import { auditAppend } from './audit-append.js';
import { callOutConvene } from './call-out-convene.js';
import { callOutFanout } from './call-out-fanout.js';
import { callOutPolling } from './call-out-polling.js';
import { meetingPlanner } from './meeting-planner.js';
import { networkMap } from './network-map.js';
import { signalThermometer } from './signal-thermometer.js';
import { tabLoad } from './tab-load.js';

/**
 * Every suite, in the order a full run takes them. network-map, call-out-fanout and call-out-polling come last: they add
 * fictional people to the shared server's database, which would change what the others measure.
 */
export const SUITES: readonly Suite[] = [
  apiRead,
  auditAppend,
  meetingPlanner,
  signalThermometer,
  tabLoad,
  networkMap,
  callOutFanout,
  callOutConvene,
  callOutPolling,
];
