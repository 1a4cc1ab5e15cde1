/** What the campaign cost so far: model calls, tokens, cache hits and elapsed time. */
import type { Usage } from "../lib/types";
import { formatMs } from "./common";

export function CostReadout({ usage }: { usage: Usage }) {
  return (
    <dl className="cost" data-testid="cost-readout">
      <div><dt>Model calls</dt><dd>{usage.llmCalls.toLocaleString()}</dd></div>
      <div><dt>Tokens in</dt><dd>{usage.tokensIn.toLocaleString()}</dd></div>
      <div><dt>Tokens out</dt><dd>{usage.tokensOut.toLocaleString()}</dd></div>
      <div><dt>Cache hits</dt><dd>{usage.cacheHits.toLocaleString()}</dd></div>
      <div><dt>Elapsed</dt><dd>{formatMs(usage.elapsedMs)}</dd></div>
    </dl>
  );
}
