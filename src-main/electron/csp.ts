/**
 * The renderer's Content-Security-Policy for the Electron main process. There is one policy for every host of the
 * built renderer: it lives in shared/csp.ts (browser mode's server sends the same string) and is re-exported here,
 * so the Electron side and browser mode cannot drift apart. main.ts sends it as a response header via
 * session.webRequest, next to the renderer's own <meta> tag.
 */
export { CONTENT_SECURITY_POLICY } from '../../shared/csp.js';
