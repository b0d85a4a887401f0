import { EmptyState, ErrorState, ListSkeleton, LoadMore } from '../../../components/States';
import { TrackRow } from '../../../components/TrackRow';
import { relativeTime } from '../../../lib/time';
import { usePaged } from '../../../lib/usePaged';
import { RECENT_URL, type Play } from '../api/recent';

export function RecentlyPlayed() {
  const { items, loading, error, hasMore, loadMore, retry } = usePaged<Play>(RECENT_URL);
  return (
    <section className="section" aria-labelledby="recent-title">
      <div className="section__head">
        <h2 id="recent-title">Recently played</h2>
      </div>
      {error && items.length === 0 ? (
        <ErrorState error={error} onRetry={retry} />
      ) : loading && items.length === 0 ? (
        <ListSkeleton label="Loading what you played recently…" />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing played yet">Tracks you play on Spotify show up here.</EmptyState>
      ) : (
        <>
          <ol className="tracks">
            {items.map((play, i) => (
              <TrackRow key={`${play.played_at}-${i}`} track={play.track} meta={relativeTime(play.played_at)} />
            ))}
          </ol>
          {hasMore && <LoadMore loading={loading} onClick={loadMore} />}
        </>
      )}
    </section>
  );
}
