/**
 * Where the suite runs: the dashboard's origin, the user it acts as, where screenshots go
 * and which browser it drives. tests/web/test_dashboard_e2e.py sets these; each has a
 * default so a developer can point the suite at their own `make run` (BASE_URL=...).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

function setting(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export const BASE_URL = setting('BASE_URL', 'http://127.0.0.1:7071').replace(/\/$/, '');
/** The LOCAL_USER_ID of the host: requests without an identity header act as this user. */
export const USER = setting('E2E_USER', 'local-user');
export const ARTIFACTS = resolve(setting('E2E_ARTIFACTS', resolve(import.meta.dirname, '..', '..', '..', 'tests', 'web', 'artifacts')));
export const CHROMIUM = setting('CHROMIUM_PATH', '/usr/bin/chromium');
/** Liveness bound for waiting on a campaign step; generous, never a timing assertion. */
export const STEP_TIMEOUT_MS = Number(setting('E2E_STEP_TIMEOUT_MS', '60000'));

mkdirSync(ARTIFACTS, { recursive: true });
