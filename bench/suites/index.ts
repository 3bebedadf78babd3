import type { Suite } from '../lib/types.js';
import { apiRead } from './api-read.js';
import { auditAppend } from './audit-append.js';
import { networkMap } from './network-map.js';
import { tabLoad } from './tab-load.js';

/**
 * Every suite, in the order a full run takes them. network-map comes last: it adds the large
 * fictional municipality to the shared server's database, which would change what the others measure.
 */
export const SUITES: readonly Suite[] = [apiRead, auditAppend, tabLoad, networkMap];
