/**
 * Debian's Chromium driven by playwright-core, which never downloads a browser of its own.
 * Every page is watched for what must never happen in the dashboard: a JavaScript dialog
 * (an injected `alert` would show as one), an uncaught error, an error in the console, and
 * a Content-Security-Policy violation (the dashboard must not try anything its own CSP
 * forbids; an attempt would also betray HTML injected from user text).
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { BASE_URL, CHROMIUM } from './env.ts';
import { RECEIVE_TIMES_SCRIPT } from './signalr.ts';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** What a watched page did that it must not do; `assertClean` fails the test on any. */
export interface PageIncidents {
  dialogs: string[];
  errors: string[];
  console: string[];
  csp: string[];
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  incidents: PageIncidents;
  /** Set while a test takes the network away on purpose: the browser's reports of the
   * failed requests are then expected, not a fault of the page. */
  networkDown: boolean;
  /** Paths whose failed loads a test provokes on purpose (e.g. a refused read): the
   * browser's console report of those is expected. */
  refusedPaths: string[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}


export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1400, height: 1000 }, acceptDownloads: true, ...options });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  await context.addInitScript({ content: RECEIVE_TIMES_SCRIPT });
  const page = await context.newPage();
  const incidents: PageIncidents = { dialogs: [], errors: [], console: [], csp: [] };
  const watched: WatchedPage = { context, page, incidents, networkDown: false, refusedPaths: [] };
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => {
    incidents.errors.push(error.stack ?? String(error));
    console.log(`[page error] ${error.message}`); // at once, so a test that then times out says why
  });
  page.on('console', (message) => {
    const where = message.location().url;
    const path = URL.canParse(where) ? new URL(where).pathname : '';
    const refused = path !== '' && watched.refusedPaths.some((prefix) => path.startsWith(prefix));
    if (message.type() === 'error' && !watched.networkDown && !refused) {
      incidents.console.push(where ? `${message.text()} (${where})` : message.text());
    }
  });
  return watched;
}

/** Collects CSP violations recorded in the page so far into the incidents. */
export async function collectCsp(watched: WatchedPage): Promise<void> {
  const found = await watched.page.evaluate(() => window.__cspViolations?.splice(0) ?? []).catch(() => []);
  watched.incidents.csp.push(...found);
}

export async function assertClean(watched: WatchedPage): Promise<void> {
  await collectCsp(watched);
  const { dialogs, errors, console, csp } = watched.incidents;
  const problems = [
    ...dialogs.map((d) => `dialog opened: ${d}`),
    ...errors.map((e) => `uncaught error: ${e}`),
    ...console.map((c) => `console error: ${c}`),
    ...csp.map((c) => `CSP violation: ${c}`),
  ];
  if (problems.length > 0) {
    throw new Error(`the page did what it must not:\n  ${problems.join('\n  ')}`);
  }
}
