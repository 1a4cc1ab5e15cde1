/** "Download export": the campaign's zip, fetched (so the identity header goes with it) and saved. */
import { useState } from "react";
import { api, errorText } from "../lib/api";

export function ExportButton({ campaignId }: { campaignId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { blob, filename } = await api.exportZip(campaignId);
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export">
      <button type="button" className="btn" onClick={() => void download()} disabled={busy}>
        {busy ? "Preparing…" : "Download export"}
      </button>
      {error && <span role="alert" className="field-error"> {error}</span>}
    </span>
  );
}
