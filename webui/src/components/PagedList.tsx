import type { ReactNode } from 'react';

import type { Paged } from '../lib/usePaged';
import { ErrorState, ListSkeleton, LoadMore } from './States';
import { UpdatedAgo } from './UpdatedAgo';

type Props<T> = {
  paged: Paged<T>;
  loadingLabel: string;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
};

/** The states every paged list shares: failed, loading, empty, the items, and "Load more". */
export function PagedList<T>({ paged, loadingLabel, empty, children }: Props<T>) {
  const { items, loading, error, hasMore, loadMore, retry } = paged;
  if (error && items.length === 0) return <ErrorState error={error} onRetry={retry} />;
  if (loading && items.length === 0) return <ListSkeleton label={loadingLabel} />;
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      <UpdatedAgo fetchedAt={paged.fetchedAt} />
      {children(items)}
      {error ? <ErrorState error={error} onRetry={loadMore} /> : null}
      {hasMore && <LoadMore loading={loading} onClick={loadMore} />}
    </>
  );
}
