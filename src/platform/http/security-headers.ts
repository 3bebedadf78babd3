import helmet from 'helmet';

/**
 * The hosts that may frame the tab: Teams, Outlook and the Microsoft 365 app, and nothing else.
 * Source: https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements
 */
export const FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

/** Security headers for every response: a strict CSP that lets only Microsoft 365 hosts frame the tab. */
export function securityHeaders(options: { httpsOnly: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Fluent UI (Griffel) inserts its generated CSS rules at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: FRAME_ANCESTORS,
        ...(options.httpsOnly ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // X-Frame-Options cannot list several hosts; frame-ancestors above replaces it.
    xFrameOptions: false,
    strictTransportSecurity: options.httpsOnly ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
