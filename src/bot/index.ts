import type { RequestHandler } from 'express';
import type { AppDeps } from '../server/deps.js';

/** Placeholder until the bot lands: answers 503 so nobody mistakes it for a working bot. */
export function createBotHandler(_deps: AppDeps): RequestHandler {
  return (_req, res) => {
    res.status(503).json({ error: 'bot not yet wired' });
  };
}
