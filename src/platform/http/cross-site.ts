import type { Request } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request comes from another site and must be refused (CSRF). Only requests
 * that could ride on an ambient credential are checked: one with an Authorization header carries a
 * token a foreign page cannot read nor attach without a CORS preflight, which this server never grants.
 * Browsers send `Sec-Fetch-Site`; older ones at least `Origin`; a client sending neither is no browser.
 * The tab (local session cookie, or inside Teams from PUBLIC_URL) is always same-origin.
 */
export function isCrossSiteWrite(req: Request, publicUrl: string): boolean {
  if (SAFE_METHODS.has(req.method) || req.headers.authorization) return false;
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  return !allowedOrigins(req, publicUrl).includes(origin);
}

function allowedOrigins(req: Request, publicUrl: string): string[] {
  const own = [new URL(publicUrl).origin];
  const host = req.headers.host;
  if (host) own.push(`${req.protocol}://${host}`);
  return own;
}
