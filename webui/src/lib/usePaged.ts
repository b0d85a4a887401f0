import { useInfiniteQuery } from '@tanstack/react-query';

import { apiGet } from './api-client';
import type { Page } from './spotify';

export type Paged<T> = {
  items: T[];
  total?: number;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  /** When the oldest stale page was fetched from Spotify; unset when every page is fresh. */
  fetchedAt?: string;
  loadMore: () => void;
  retry: () => void;
};

/**
 * The pages of `url`, following the BFF's `next` URLs on demand. The query key is the first page's
 * URL (endpoint and parameters): another URL is another list, so a page still loading for the
 * previous parameters can never be appended to this one.
 */
export function usePaged<T>(url: string): Paged<T> {
  const query = useInfiniteQuery({
    queryKey: ['paged', url],
    queryFn: ({ pageParam, signal }) => apiGet<Page<T>>(pageParam, signal),
    initialPageParam: url,
    getNextPageParam: (last: Page<T>) => last.next ?? undefined,
  });
  return {
    items: query.data?.pages.flatMap((page) => page.items ?? []) ?? [],
    total: query.data?.pages[0]?.total,
    loading: query.isPending || query.isFetchingNextPage,
    error: query.error,
    hasMore: query.hasNextPage,
    fetchedAt: query.data?.pages.map((p) => p.fetchedAt).filter((at) => at !== undefined).sort()[0],
    loadMore: () => void query.fetchNextPage(),
    retry: () => void query.refetch(),
  };
}
