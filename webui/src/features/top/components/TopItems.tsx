import { type KeyboardEvent } from 'react';

import { PagedList } from '../../../components/PagedList';
import { EmptyState } from '../../../components/States';
import { TrackRow } from '../../../components/TrackRow';
import { replaceQueryParam, useQueryParam } from '../../../lib/router';
import { pickImage, type Artist, type Track } from '../../../lib/spotify';
import { usePaged } from '../../../lib/usePaged';
import { parseRange, TIME_RANGES, topUrl, type TimeRange, type TopKind } from '../api/getTop';

type Props = { kind: TopKind };

export function TopItems({ kind }: Props) {
  // The range lives in the address (?range=long_term): it survives a reload and can be shared.
  const range = parseRange(useQueryParam('range'));
  const setRange = (value: TimeRange) => replaceQueryParam('range', value);
  const title = kind === 'tracks' ? 'Top tracks' : 'Top artists';
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
    const index = TIME_RANGES.findIndex((r) => r.value === range);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step !== 0) {
      const nextRange = TIME_RANGES[(index + step + TIME_RANGES.length) % TIME_RANGES.length]!;
      setRange(nextRange.value);
      document.getElementById(`tab-${kind}-${nextRange.value}`)?.focus();
    }
  };
  return (
    <section className="section" aria-labelledby={`top-${kind}`}>
      <div className="section__head">
        <h2 id={`top-${kind}`}>{title}</h2>
        <div className="tabs" role="tablist" aria-label="Time range" onKeyDown={onKeyDown}>
          {TIME_RANGES.map(({ value, label }) => (
            <button
              key={value}
              id={`tab-${kind}-${value}`}
              type="button"
              role="tab"
              aria-selected={range === value}
              aria-controls={`panel-${kind}`}
              tabIndex={range === value ? 0 : -1}
              className="tab"
              onClick={() => setRange(value)}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      <div id={`panel-${kind}`} role="tabpanel" aria-labelledby={`tab-${kind}-${range}`}>
        {kind === 'tracks' ? <TopTracks range={range} /> : <TopArtists range={range} />}
      </div>
    </section>
  );
}

function TopTracks({ range }: { range: TimeRange }) {
  const paged = usePaged<Track>(topUrl('tracks', range));
  return (
    <PagedList
      paged={paged}
      loadingLabel="Loading your top tracks…"
      empty={<EmptyState title="No top tracks yet">Listen to some music on Spotify and check back soon.</EmptyState>}
    >
      {(tracks) => (
        <ol className="tracks">
          {tracks.map((track, i) => (
            <TrackRow key={`${track.id ?? i}-${i}`} track={track} index={i} />
          ))}
        </ol>
      )}
    </PagedList>
  );
}

function TopArtists({ range }: { range: TimeRange }) {
  const paged = usePaged<Artist>(topUrl('artists', range));
  return (
    <PagedList
      paged={paged}
      loadingLabel="Loading your top artists…"
      empty={<EmptyState title="No top artists yet">Listen to some music on Spotify and check back soon.</EmptyState>}
    >
      {(artists) => (
        <ul className="grid">
          {artists.map((artist, i) => {
            const image = pickImage(artist.images, 160);
            return (
              <li key={`${artist.id}-${i}`} className="card">
                {image ? (
                  <img className="card__image card__image--round" src={image} alt={`Photo of ${artist.name}`} />
                ) : (
                  <div className="card__image card__image--round card__image--empty" aria-hidden="true" />
                )}
                <a className="card__title" href={artist.external_urls?.spotify} target="_blank" rel="noreferrer noopener">
                  {artist.name}
                </a>
                {artist.genres && artist.genres.length > 0 && (
                  <span className="card__meta">{artist.genres.slice(0, 2).join(', ')}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </PagedList>
  );
}
