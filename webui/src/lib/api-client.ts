// The one place that talks to the BFF. Relative URLs only (resolved against <base href="/">), the
// session cookie rides along by itself, and every call carries the static CSRF header the BFF
// requires. No token ever reaches this code: the BFF keeps them on the server. A 401 from any call
// means the session is gone: this is the one place that says so (features/auth listens and shows
// the login view).

export const LOGIN_REQUIRED_EVENT = 'bff:login-required';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get loginRequired(): boolean {
    return this.status === 401;
  }
}

type ErrorBody = { error?: string; message?: string; retryAfter?: number };

async function request(method: 'GET' | 'POST', path: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-CSRF': '1' },
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e; // a cancelled query: TanStack Query expects the abort itself
    throw new ApiError(0, 'network_error', 'The app cannot reach its server. Check your connection.');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.loginRequired) {
      window.dispatchEvent(new Event(LOGIN_REQUIRED_EVENT));
    }
    throw error;
  }
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // not JSON: fall back to the status alone
  }
  const header = Number(response.headers.get('Retry-After'));
  const retryAfter = body.retryAfter ?? (Number.isFinite(header) && header > 0 ? header : undefined);
  return new ApiError(
    response.status,
    body.error ?? 'http_' + response.status,
    body.message ?? `The server answered ${response.status}.`,
    retryAfter,
  );
}

/**
 * Set on an answer the BFF served from its cache past its freshness (`Cache-Status: ...; stale`,
 * while it renews it, or while Spotify's rate limit pauses the app): when Spotify gave it, from `Age`.
 */
export type Freshness = { fetchedAt?: string };

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T & Freshness> {
  const response = await request('GET', path, signal);
  const body = (await response.json()) as T & Freshness;
  const age = Number(response.headers.get('Age'));
  if (/;\s*stale\b/.test(response.headers.get('Cache-Status') ?? '') && Number.isFinite(age) && body) {
    body.fetchedAt = new Date(Date.now() - age * 1000).toISOString();
  }
  return body;
}

export async function apiPost(path: string): Promise<void> {
  await request('POST', path);
}

/** What a person should read for a failed call. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'rate_limited' && error.retryAfter) {
      return `Spotify asks us to slow down. Try again in ${error.retryAfter} seconds.`;
    }
    return error.message;
  }
  return 'Something went wrong.';
}
