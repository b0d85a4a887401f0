import { PagedList } from '../../../components/PagedList';
import { EmptyState } from '../../../components/States';
import { TrackRow } from '../../../components/TrackRow';
import { relativeTime } from '../../../lib/time';
import { usePaged } from '../../../lib/usePaged';
import { RECENT_URL, type Play } from '../api/recent';

export function RecentlyPlayed() {
  const paged = usePaged<Play>(RECENT_URL);
  return (
    <section className="section" aria-labelledby="recent-title">
      <div className="section__head">
        <h2 id="recent-title">Recently played</h2>
      </div>
      <PagedList
        paged={paged}
        loadingLabel="Loading what you played recently…"
        empty={<EmptyState title="Nothing played yet">Tracks you play on Spotify show up here.</EmptyState>}
      >
        {(plays) => (
          <ol className="tracks">
            {plays.map((play, i) => (
              <TrackRow key={`${play.played_at}-${i}`} track={play.track} meta={relativeTime(play.played_at)} />
            ))}
          </ol>
        )}
      </PagedList>
    </section>
  );
}
