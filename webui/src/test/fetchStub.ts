import { vi } from 'vitest';

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * Stubs fetch with replies chosen by URL prefix (first match wins); a list of replies for one
 * prefix is used in order, its last reply repeating. Returns the mock to inspect calls.
 */
export function stubApi(routes: Record<string, Reply | Reply[]>) {
  const queues = Object.entries(routes).map(([prefix, replies]) => ({
    prefix,
    replies: Array.isArray(replies) ? [...replies] : [replies],
  }));
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const route = queues.find((q) => url.startsWith(q.prefix));
    if (!route) {
      return new Response(JSON.stringify({ error: 'not_found', message: 'no stub for ' + url }), { status: 404 });
    }
    const reply = route.replies.length > 1 ? route.replies.shift()! : route.replies[0]!;
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json', ...reply.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export const page = <T,>(items: T[], next: string | null = null) => ({ items, limit: 20, offset: 0, next });
