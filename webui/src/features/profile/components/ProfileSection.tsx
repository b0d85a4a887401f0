import { useQuery } from '@tanstack/react-query';

import { PageFailure } from '../../../components/States';
import { UpdatedAgo } from '../../../components/UpdatedAgo';
import { getMe } from '../api/getMe';
import { ProfileCard } from './ProfileCard';

/** The profile, from one query shared by every component that shows the user's name. */
export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: ({ signal }) => getMe(signal) });
}

export function ProfileSection() {
  const me = useMe();
  if (me.isPending) return <ProfileSkeleton />;
  if (me.isError) {
    return <PageFailure title="We could not load your profile" error={me.error} onRetry={() => void me.refetch()} />;
  }
  return (
    <>
      <ProfileCard profile={me.data} />
      <UpdatedAgo fetchedAt={me.data.fetchedAt} />
    </>
  );
}

export function ProfileSkeleton() {
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">Loading your profile…</span>
      <div className="skeleton__avatar" />
      <div className="skeleton__lines">
        <div />
        <div />
      </div>
    </div>
  );
}
