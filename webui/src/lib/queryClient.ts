import { QueryClient } from '@tanstack/react-query';

import { ApiError } from './api-client';

/**
 * A 4xx is the BFF's answer (logged out, not found, rate limited, a bad parameter): asking again
 * cannot change it. Anything else (a 5xx, no network) is tried twice more, with TanStack Query's
 * growing delay.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The BFF caches profile and top lists for a minute; half of that is fresh enough here.
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    },
  });
}
