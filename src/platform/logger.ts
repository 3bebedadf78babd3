import { type Logger, pino } from 'pino';

/**
 * Paths pino replaces before a line is written. Logs must never carry personal data (names, phone
 * numbers, e-mail addresses, free text) nor credentials, whatever object a caller passes in.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.displayName',
  '*.display_name',
  '*.name',
  '*.email',
  '*.mail',
  '*.mobile',
  '*.phone',
  '*.text',
  '*.note',
  '*.notes',
  '*.description',
  '*.body',
  '*.token',
  '*.password',
  '*.secret',
];

/** The application logger: structured JSON lines, personal data redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'bondgenoten' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
