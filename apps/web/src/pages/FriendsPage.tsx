import { Button, EmptyState, Spinner } from '@kinobezdna/design';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { toApiError } from '../account/api';
import { avatarUrl } from '../account/AvatarField';
import { useSession } from '../account/session';
import { useT, type MessageId } from '../i18n';
import { useErrorText } from '../i18n/errors';

interface Person {
  profile: { userId: string; displayName: string; bio: string; avatarFileId: string | null };
  relationship: { following: boolean; followedBy: boolean; friends: boolean };
}

type Tab = 'friends' | 'following' | 'followers' | 'search';

const TABS: { id: Tab; label: MessageId }[] = [
  { id: 'friends', label: 'friends.tab.friends' },
  { id: 'following', label: 'friends.tab.following' },
  { id: 'followers', label: 'friends.tab.followers' },
  { id: 'search', label: 'friends.tab.search' },
];

const EMPTY: Record<Tab, MessageId> = {
  friends: 'friends.empty.friends',
  following: 'friends.empty.following',
  followers: 'friends.empty.followers',
  search: 'friends.empty.search',
};

export function FriendsPage() {
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const me = state.status === 'signed-in' ? state.user.id : '';
  const [tab, setTab] = useState<Tab>('friends');
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [people, setPeople] = useState<Person[] | null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (cursor: string) => {
      if (tab === 'search' && submitted.trim().length < 2) {
        setPeople([]);
        setNext('');
        return;
      }
      setError(null);
      const path =
        tab === 'search'
          ? `/api/users/search?q=${encodeURIComponent(submitted.trim())}&cursor=${cursor}`
          : `/api/users/profiles/${me}/${tab}?cursor=${cursor}`;
      try {
        const response = await api(path);
        if (!response.ok) throw await toApiError(response);
        const page = (await response.json()) as { items: Person[]; nextCursor: string };
        setPeople((current) => (cursor && current ? [...current, ...page.items] : page.items));
        setNext(page.nextCursor);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [api, me, tab, submitted, errorText],
  );

  useEffect(() => {
    setPeople(null);
    void load('');
  }, [load]);

  async function toggleFollow(person: Person) {
    const method = person.relationship.following ? 'DELETE' : 'PUT';
    try {
      const response = await api(`/api/users/me/following/${person.profile.userId}`, { method });
      if (!response.ok) throw await toApiError(response);
      const relationship = await response.json();
      setPeople((current) => current?.map((p) => (p.profile.userId === person.profile.userId ? { ...p, relationship } : p)) ?? null);
    } catch (e) {
      setError(errorText(e));
    }
  }

  function search(event: FormEvent) {
    event.preventDefault();
    setSubmitted(query);
  }

  return (
    <section className="account-page friends-page">
      <h1 className="page-title">{t('nav.friends')}</h1>
      <div role="tablist" aria-label={t('friends.people')} className="tabs">
        {TABS.map((item) => (
          <button key={item.id} role="tab" aria-selected={tab === item.id} className={tab === item.id ? 'tab tab--active' : 'tab'} onClick={() => setTab(item.id)}>
            {t(item.label)}
          </button>
        ))}
      </div>
      {tab === 'search' && (
        <form className="search-row" role="search" onSubmit={search}>
          <label htmlFor="people-search" className="visually-hidden">{t('friends.name')}</label>
          <input id="people-search" type="search" placeholder={t('friends.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <Button type="submit">{t('nav.search')}</Button>
        </form>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {people === null ? (
        <Spinner label={t('friends.loading')} />
      ) : people.length === 0 ? (
        <EmptyState title={tab === 'search' && submitted.trim().length >= 2 ? t('friends.noneByName') : t('friends.none')}>{t(EMPTY[tab])}</EmptyState>
      ) : (
        <ul className="people" aria-label={t(TABS.find((item) => item.id === tab)!.label)}>
          {people.map((person) => (
            <li key={person.profile.userId} className="person">
              {person.profile.avatarFileId ? (
                <img className="person-avatar" src={avatarUrl(person.profile.avatarFileId)} alt="" width={40} height={40} />
              ) : (
                <span className="person-avatar" aria-hidden="true">{person.profile.displayName.slice(0, 1).toUpperCase()}</span>
              )}
              <span className="person-name">
                {person.profile.displayName}
                {person.relationship.friends ? (
                  <span className="person-tag">{t('friends.tag.friend')}</span>
                ) : person.relationship.followedBy ? (
                  <span className="person-tag">{t('friends.tag.followsYou')}</span>
                ) : null}
              </span>
              {person.profile.userId !== me && (
                <Button variant={person.relationship.following ? 'ghost' : 'primary'} onClick={() => void toggleFollow(person)} aria-label={t(person.relationship.following ? 'friends.unfollowOf' : 'friends.followOf', { name: person.profile.displayName })}>
                  {person.relationship.following ? t('friends.unfollow') : t('friends.follow')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {next && <Button variant="ghost" onClick={() => void load(next)}>{t('common.showMore')}</Button>}
    </section>
  );
}
