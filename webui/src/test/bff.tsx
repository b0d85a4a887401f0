import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactElement } from 'react';

import { requests } from './server';

/** Renders with a fresh query cache; no retries, so a failure shows at once. */
export function renderApp(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

type Init = { status?: number; headers?: Record<string, string> };

/** The BFF answers GET <path> (matched without its query) with this JSON. */
export function answer(path: string, body: unknown, init: Init = {}) {
  return http.get(`*/${path}`, () => HttpResponse.json(body as never, init));
}

/** The BFF's error shape, with its status. */
export function fail(path: string, status: number, error: string, message = 'Failed.', headers?: Record<string, string>) {
  return answer(path, { error, message }, { status, headers });
}

export const loggedIn = answer('api/session', { authenticated: true, scopes: ['user-read-private'] });
export const anonymous = answer('api/session', { authenticated: false });

export const page = <T,>(items: T[], next: string | null = null) => ({ items, limit: 20, offset: 0, next });

/** What the app asked for, as "path?query" relative to the page, in order. */
export function requested(): string[] {
  return requests.map((request) => {
    const url = new URL(request.url);
    return url.pathname.slice(1) + url.search;
  });
}
