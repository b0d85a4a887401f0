import { useQuery } from '@tanstack/react-query';

import { PagedList } from '../../../components/PagedList';
import { EmptyState, ErrorState } from '../../../components/States';
import { TrackRow } from '../../../components/TrackRow';
import { ApiError } from '../../../lib/api-client';
import { Link } from '../../../lib/router';
import { pickImage } from '../../../lib/spotify';
import { usePaged } from '../../../lib/usePaged';
import { getPlaylist, playlistItemsUrl, type PlaylistItem } from '../api/playlists';

export function PlaylistView({ id }: { id: string }) {
  const query = useQuery({ queryKey: ['playlist', id], queryFn: ({ signal }) => getPlaylist(id, signal) });
  const items = usePaged<PlaylistItem>(playlistItemsUrl(id));
  const playlist = query.data;
  const playlistError = query.error;

  if (playlistError instanceof ApiError && playlistError.status === 404) {
    // Spotify has no such playlist (or no longer shares it): trying again cannot help.
    return (
      <section className="section" aria-labelledby="playlist-title">
        <Link to="/playlists" className="back">
          ← All playlists
        </Link>
        <h1 id="playlist-title">Playlist not found</h1>
        <p className="muted">Spotify has no playlist at this address, or it is no longer shared with you.</p>
      </section>
    );
  }
  if (playlistError) {
    return <ErrorState error={playlistError} onRetry={() => void query.refetch()} />;
  }
  const cover = pickImage(playlist?.images, 300);
  return (
    <section className="section" aria-labelledby="playlist-title">
      <Link to="/playlists" className="back">
        ← All playlists
      </Link>
      <div className="playlist-head">
        {cover ? (
          <img className="playlist-head__cover" src={cover} alt={`Cover of the playlist ${playlist?.name ?? ''}`} />
        ) : (
          <div className="playlist-head__cover card__image--empty" aria-hidden="true" />
        )}
        <div>
          <h1 id="playlist-title">{playlist?.name ?? 'Loading…'}</h1>
          {playlist?.description && <p className="muted">{playlist.description}</p>}
          {playlist?.owner?.display_name && <p className="muted">By {playlist.owner.display_name}</p>}
          {playlist?.external_urls?.spotify && (
            <a className="button button--quiet" href={playlist.external_urls.spotify} target="_blank" rel="noreferrer noopener">
              Open in Spotify
            </a>
          )}
        </div>
      </div>
      <PagedList paged={items} loadingLabel="Loading the playlist's tracks…" empty={<EmptyState title="This playlist is empty" />}>
        {(entries) => (
          <ol className="tracks">
            {entries.map((entry, i) =>
              entry.item ? (
                <TrackRow key={i} track={entry.item} index={i} />
              ) : (
                <li key={i} className="track track--unavailable">
                  <span className="track__index">{i + 1}</span>
                  <div className="track__cover track__cover--empty" aria-hidden="true" />
                  <span className="track__text muted">This track is no longer available.</span>
                  <span className="track__meta" />
                </li>
              ),
            )}
          </ol>
        )}
      </PagedList>
    </section>
  );
}
