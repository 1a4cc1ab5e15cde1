/**
 * Local only (GET /api/me says canSwitchUser): act as another user, to try a second user's
 * view. The id is stored in local storage and sent as x-ms-client-principal-id. In Azure
 * the identity comes from App Service authentication and this shows who is signed in.
 */
import { useState } from "react";
import { isValidUserId, storeUserId, storedUserId } from "../lib/identity";
import type { Me } from "../lib/types";

export function UserPicker({ me, onChange }: { me: Me; onChange: () => void }) {
  const [value, setValue] = useState(storedUserId() ?? "");
  const [error, setError] = useState<string | null>(null);
  if (!me.canSwitchUser) {
    return <span className="who small">Signed in as <strong>{me.userId}</strong></span>;
  }
  const active = storedUserId() ?? me.userId;
  return (
    <form
      className="user-picker"
      onSubmit={(e) => {
        e.preventDefault();
        const id = value.trim();
        if (id !== "" && !isValidUserId(id)) {
          setError("Letters, digits, '.', '_', '@' or '-' (at most 128).");
          return;
        }
        setError(null);
        storeUserId(id === "" ? null : id);
        onChange();
      }}
    >
      <label htmlFor="user-id" className="small">Acting as (local)</label>
      <input id="user-id" type="text" value={value} placeholder={me.userId} onChange={(e) => setValue(e.target.value)} aria-describedby="user-now" size={14} />
      <button type="submit" className="btn btn-small">Switch user</button>
      <span id="user-now" className="small muted">now: {active}</span>
      {error && <span role="alert" className="field-error small">{error}</span>}
    </form>
  );
}
