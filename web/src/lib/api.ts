/**
 * The dashboard's one way to call the API: same origin, JSON bodies only (the API refuses
 * anything else), the identity header of the user picker, and problem+json turned into an
 * ApiError with its field errors.
 */
import { identityHeaders } from "./identity";
import type {
  ArtifactData,
  ArtifactType,
  ArtifactVersion,
  AuditReport,
  AuditResult,
  Campaign,
  CampaignBrief,
  CampaignEvent,
  CampaignPage,
  CampaignSnapshot,
  CampaignStatus,
  FieldError,
  Me,
  Platform,
} from "./types";

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly fieldErrors: FieldError[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const title = typeof body.title === "string" ? body.title : `HTTP ${status}`;
    const detail = typeof body.detail === "string" ? body.detail : "";
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.body = body;
    this.fieldErrors = Array.isArray(body.errors)
      ? body.errors.filter(
          (e): e is FieldError =>
            typeof e === "object" && e !== null && typeof (e as FieldError).field === "string" && typeof (e as FieldError).message === "string",
        )
      : [];
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await response.json();
    if (typeof parsed === "object" && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    body = { title: response.statusText || `HTTP ${response.status}` };
  }
  return new ApiError(response.status, body);
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json", ...identityHeaders() };
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError(0, { title: "The server cannot be reached", detail: String(error) });
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await (await send(method, path, body)).json()) as T;
}

const campaignPath = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export const api = {
  me: () => json<Me>("GET", "/api/me"),
  listCampaigns: (status: CampaignStatus | null, continuationToken: string | null, pageSize = 20) => {
    const q = new URLSearchParams({ pageSize: String(pageSize) });
    if (status) q.set("status", status);
    if (continuationToken) q.set("continuationToken", continuationToken);
    return json<CampaignPage>("GET", `/api/campaigns?${q}`);
  },
  createCampaign: (brief: CampaignBrief) => json<{ id: string; status: CampaignStatus }>("POST", "/api/campaigns", brief),
  snapshot: (id: string) => json<CampaignSnapshot>("GET", campaignPath(id)),
  /** Where the API serves a Visual version's rendered poster (every version has one). */
  posterUrl: (id: string, versionId: string, kind: "png" | "svg" = "png") =>
    `${campaignPath(id)}/posters/${encodeURIComponent(versionId)}.${kind}`,
  events: (id: string, after: number) =>
    json<{ items: CampaignEvent[] }>("GET", `${campaignPath(id)}/events?after=${after}`).then((r) => r.items),
  versions: (id: string, type: ArtifactType) =>
    json<{ items: ArtifactVersion[] }>("GET", `${campaignPath(id)}/artifacts/${type}/versions`).then((r) => r.items),
  audits: (id: string) => json<{ items: AuditReport[] }>("GET", `${campaignPath(id)}/audits`).then((r) => r.items),
  revise: (id: string, body: { feedback: string; specificChanges: string[]; artifactTypes?: ArtifactType[] }) =>
    json<unknown>("POST", `${campaignPath(id)}/revisions`, body),
  approve: (id: string, comment: string) =>
    json<Campaign>("POST", `${campaignPath(id)}/approve`, comment ? { comment } : {}),
  cancel: (id: string) => json<unknown>("POST", `${campaignPath(id)}/cancel`, {}),
  edit: (id: string, body: { artifactType: ArtifactType; data: ArtifactData; basedOnVersionId: string; comment?: string }) =>
    json<unknown>("POST", `${campaignPath(id)}/edits`, body),
  audit: (body: { text: string; artifactType: ArtifactType; platform?: Platform; brief?: CampaignBrief; brandKit?: string }) =>
    json<AuditResult>("POST", "/api/audit", body),
  brandKits: () => json<{ items: { id: string; name: string }[] }>("GET", "/api/brand-kits").then((r) => r.items),
  /** The export zip as a Blob (fetched, so that the identity header goes with it). */
  exportZip: async (id: string): Promise<{ blob: Blob; filename: string }> => {
    const response = await send("GET", `${campaignPath(id)}/export`);
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const match = /filename="([^"]+)"/.exec(disposition);
    return { blob: await response.blob(), filename: match?.[1] ?? `${id}.zip` };
  },
};

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
