import type { Suite } from '../lib/types.js';
import { apiRead } from './api-read.js';
import { auditAppend } from './audit-append.js';
import { tabLoad } from './tab-load.js';

/** Every suite, in the order a full run takes them. */
export const SUITES: readonly Suite[] = [apiRead, auditAppend, tabLoad];
