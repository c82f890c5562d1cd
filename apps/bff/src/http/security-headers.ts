import helmet from 'helmet';

/**
 * Helmet with a strict CSP that still lets the built Cloudscape SPA run: scripts only from our origin,
 * inline styles allowed (Cloudscape sets style attributes at run time), fonts and images from our
 * origin or data: URIs (the global styles inline their fonts), API calls to our origin only.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    // Served over plain HTTP on loopback by default; HSTS belongs to the TLS proxy in front, if any.
    strictTransportSecurity: false,
  });
}
