import { PagedList } from '../../../components/PagedList';
import { EmptyState } from '../../../components/States';
import { Link } from '../../../lib/router';
import { pickImage } from '../../../lib/spotify';
import { usePaged } from '../../../lib/usePaged';
import { MY_PLAYLISTS_URL, type Playlist } from '../api/playlists';

export function PlaylistsGrid() {
  const paged = usePaged<Playlist>(MY_PLAYLISTS_URL);
  return (
    <section className="section" aria-labelledby="playlists-title">
      <div className="section__head">
        <h2 id="playlists-title">Your playlists</h2>
      </div>
      <PagedList
        paged={paged}
        loadingLabel="Loading your playlists…"
        empty={<EmptyState title="No playlists yet">Playlists you create or follow on Spotify show up here.</EmptyState>}
      >
        {(playlists) => (
          <ul className="grid">
            {playlists.map((playlist) => {
              const image = pickImage(playlist.images, 160);
              const count = playlist.items?.total;
              return (
                <li key={playlist.id} className="card">
                  <Link to={`/playlists/${playlist.id}`} className="card__link">
                    {image ? (
                      <img className="card__image" src={image} alt={`Cover of the playlist ${playlist.name}`} />
                    ) : (
                      <div className="card__image card__image--empty" aria-hidden="true" />
                    )}
                    <span className="card__title">{playlist.name}</span>
                  </Link>
                  {count !== undefined && (
                    <span className="card__meta">
                      {count} {count === 1 ? 'track' : 'tracks'}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
