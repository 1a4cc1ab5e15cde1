/**
 * Who the dashboard acts as. In Azure, App Service authentication decides and the API says
 * so (`GET /api/me`, canSwitchUser false). Locally, a user picker stores an id here and every
 * API call (and the SignalR negotiate) sends it as `x-ms-client-principal-id`, so that a
 * second user's view can be tried. No id stored: the API's LOCAL_USER_ID.
 */
export const PRINCIPAL_HEADER = "x-ms-client-principal-id";
const KEY = "marketing-agents.user";
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

export function isValidUserId(value: string): boolean {
  return USER_ID.test(value);
}

export function storedUserId(): string | null {
  try {
    const value = window.localStorage.getItem(KEY);
    return value !== null && isValidUserId(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeUserId(value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, value);
  } catch {
    /* storage refused (private mode): the choice lasts for this page only */
  }
}

let canSwitch = false;

/** Set from /api/me: only a local host lets the picker choose the identity header. */
export function setCanSwitchUser(value: boolean): void {
  canSwitch = value;
}

export function identityHeaders(): Record<string, string> {
  const user = canSwitch ? storedUserId() : null;
  return user ? { [PRINCIPAL_HEADER]: user } : {};
}
