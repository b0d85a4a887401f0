import { apiGet } from '../../../lib/api-client';

/** What GET /api/session answers: always 200, so a logged-out visitor's probe is not a 401. */
export type SessionStatus = { authenticated: boolean; scopes?: string[] };

export function getSession(signal?: AbortSignal): Promise<SessionStatus> {
  return apiGet<SessionStatus>('api/session', signal);
}
